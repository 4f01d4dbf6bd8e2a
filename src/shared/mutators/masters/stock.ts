import type { StockMoveInput, StockRow, StockSetInput } from '../../contract/masters';
import type { StockTable } from '../../db/masters.table';
import { DeskError } from '../../errors';
import type { AuditEntry, Mutator, MutatorEnv, Tx } from '../env';
import { changedFields } from '../env';
import { chunks, plainPath, unknownChoice, type PathOf } from './common';

const pairKey = (productId: string, warehouseId: string) => `${productId}\u0000${warehouseId}`;

/** One stock row with its product and warehouse, as lists and results show it. */
export async function readStockRow(tx: Tx, productId: string, warehouseId: string): Promise<StockRow> {
  const r = await tx
    .selectFrom('stock as s')
    .innerJoin('products as p', 'p.id', 's.product_id')
    .innerJoin('warehouses as w', 'w.id', 's.warehouse_id')
    .select([
      's.product_id',
      's.warehouse_id',
      's.on_hand',
      's.allocated',
      's.in_transit',
      's.in_transit_eta',
      's.safety_stock',
      's.bin_code',
      's.updated_at',
      'p.sku',
      'p.name as product_name',
      'p.spec',
      'p.unit',
      'w.code as warehouse_code',
      'w.name as warehouse_name',
    ])
    .where('s.product_id', '=', productId)
    .where('s.warehouse_id', '=', warehouseId)
    .executeTakeFirstOrThrow();
  return toStockRow(r);
}

export function toStockRow(r: {
  product_id: string;
  warehouse_id: string;
  on_hand: number;
  allocated: number;
  in_transit: number;
  in_transit_eta: string | null;
  safety_stock: number;
  bin_code: string | null;
  updated_at: string;
  sku: string;
  product_name: string;
  spec: string | null;
  unit: string;
  warehouse_code: string;
  warehouse_name: string;
}): StockRow {
  const available = r.on_hand - r.allocated;
  return {
    productId: r.product_id,
    sku: r.sku,
    productName: r.product_name,
    spec: r.spec,
    unit: r.unit,
    warehouseId: r.warehouse_id,
    warehouseCode: r.warehouse_code,
    warehouseName: r.warehouse_name,
    onHand: r.on_hand,
    allocated: r.allocated,
    inTransit: r.in_transit,
    inTransitEta: r.in_transit_eta,
    safetyStock: r.safety_stock,
    available,
    short: available < r.safety_stock,
    binCode: r.bin_code,
    updatedAt: r.updated_at,
  };
}

/** What a stock audit entry says: its code and params. */
export type StockAuditMessage = Pick<AuditEntry, 'code' | 'params'>;

function stockAudit(
  productId: string,
  warehouseId: string,
  summary: string,
  message: StockAuditMessage,
  before: StockTable | undefined,
  after: StockTable,
): AuditEntry | null {
  const entityId = `${productId}/${warehouseId}`;
  const pick = (s: StockTable) => ({
    on_hand: s.on_hand,
    allocated: s.allocated,
    in_transit: s.in_transit,
    in_transit_eta: s.in_transit_eta,
    safety_stock: s.safety_stock,
    bin_code: s.bin_code,
  });
  if (!before) return Object.assign({ entity: 'stock', entityId }, message, { summary, after: pick(after) });
  const diff = changedFields(pick(before), pick(after));
  return diff ? Object.assign({ entity: 'stock', entityId }, message, { summary }, diff) : null;
}

async function assertExist(tx: Tx, table: 'products' | 'warehouses', ids: string[], field: string, all: string[], pathOf: PathOf) {
  const found = new Set<string>();
  for (const part of chunks([...new Set(ids)])) {
    for (const r of await tx.selectFrom(table).select('id').where('id', 'in', part).execute()) found.add(r.id);
  }
  const i = all.findIndex((id) => !found.has(id));
  if (i >= 0) throw unknownChoice(pathOf(i, field));
}

export interface StockBatchOutcome {
  created: number;
  updated: number;
  audit: AuditEntry[];
}

/**
 * Set counted figures (on hand, in transit, eta, safety stock, bin) of product × warehouse rows;
 * absent fields keep their value, a missing row is created. On hand never drops below what orders
 * hold allocated. A change of on hand is recorded as an 'adjust' stock move.
 */
export async function writeStock(
  tx: Tx,
  sets: readonly StockSetInput[],
  env: MutatorEnv,
  reference: string,
  pathOf: PathOf = plainPath,
  message: StockAuditMessage = { code: 'audit.stock.set' },
): Promise<StockBatchOutcome> {
  const productIds = sets.map((s) => s.productId);
  const warehouseIds = sets.map((s) => s.warehouseId);
  await assertExist(tx, 'products', productIds, 'productId', productIds, pathOf);
  await assertExist(tx, 'warehouses', warehouseIds, 'warehouseId', warehouseIds, pathOf);

  const existing = new Map<string, StockTable>();
  const distinctWarehouses = [...new Set(warehouseIds)];
  for (const part of chunks([...new Set(productIds)])) {
    const rows = await tx
      .selectFrom('stock')
      .selectAll()
      .where('product_id', 'in', part)
      .where('warehouse_id', 'in', distinctWarehouses)
      .execute();
    for (const r of rows) existing.set(pairKey(r.product_id, r.warehouse_id), r);
  }

  const binsWanted = sets.filter((s) => s.binCode);
  const bins = new Set<string>();
  for (const part of chunks(binsWanted)) {
    const rows = await tx
      .selectFrom('bins')
      .select(['warehouse_id', 'code'])
      .where('warehouse_id', 'in', [...new Set(part.map((s) => s.warehouseId))])
      .where('code', 'in', [...new Set(part.map((s) => s.binCode as string))])
      .execute();
    for (const r of rows) bins.add(pairKey(r.warehouse_id, r.code));
  }

  const inserts: StockTable[] = [];
  const updates: StockTable[] = [];
  const moves: { id: string; product_id: string; warehouse_id: string; kind: 'adjust'; quantity: number; reference: string; at: string; user_id: string | null }[] = [];
  const audit: AuditEntry[] = [];
  const seen = new Set<string>();
  sets.forEach((s, i) => {
    const key = pairKey(s.productId, s.warehouseId);
    // One row per product × warehouse in a batch: two would make the result depend on order.
    if (seen.has(key)) {
      throw new DeskError('validation.failed', { count: 1 }, { fields: [{ path: pathOf(i, 'productId'), code: 'stock.duplicate' }] });
    }
    seen.add(key);
    const before = existing.get(key);
    if (s.binCode && !bins.has(pairKey(s.warehouseId, s.binCode))) {
      throw new DeskError('validation.failed', { count: 1 }, {
        fields: [{ path: pathOf(i, 'binCode'), code: 'stock.unknownBin', params: { bin: s.binCode } }],
      });
    }
    const after: StockTable = {
      product_id: s.productId,
      warehouse_id: s.warehouseId,
      on_hand: s.onHand ?? before?.on_hand ?? 0,
      allocated: before?.allocated ?? 0,
      in_transit: s.inTransit ?? before?.in_transit ?? 0,
      in_transit_eta: s.inTransitEta !== undefined ? s.inTransitEta : (before?.in_transit_eta ?? null),
      safety_stock: s.safetyStock ?? before?.safety_stock ?? 0,
      bin_code: s.binCode !== undefined ? s.binCode : (before?.bin_code ?? null),
      updated_at: env.now,
    };
    if (after.on_hand < after.allocated) {
      const params = { onHand: after.on_hand, allocated: after.allocated };
      throw new DeskError('stock.belowAllocated', params, {
        status: 409,
        fields: [{ path: pathOf(i, 'onHand'), code: 'stock.belowAllocated', params }],
      });
    }
    const delta = after.on_hand - (before?.on_hand ?? 0);
    if (delta !== 0) {
      moves.push({ id: env.ids.next(), product_id: s.productId, warehouse_id: s.warehouseId, kind: 'adjust', quantity: delta, reference, at: env.now, user_id: env.userId });
    }
    const entry = stockAudit(s.productId, s.warehouseId, reference, message, before, after);
    if (before && !entry) return; // unchanged: nothing to write
    if (entry) audit.push(entry);
    (before ? updates : inserts).push(after);
  });

  for (const part of chunks(inserts)) await tx.insertInto('stock').values(part).execute();
  for (const row of updates) {
    const { product_id, warehouse_id, allocated: _a, ...set } = row;
    await tx.updateTable('stock').set(set).where('product_id', '=', product_id).where('warehouse_id', '=', warehouse_id).execute();
  }
  for (const part of chunks(moves)) await tx.insertInto('stock_moves').values(part).execute();
  return { created: inserts.length, updated: updates.length, audit };
}

export const setStock: Mutator<StockSetInput, StockRow> = async (tx, input, env) => {
  const out = await writeStock(tx, [input], env, 'stock.set');
  return { result: await readStockRow(tx, input.productId, input.warehouseId), audit: out.audit };
};

/**
 * Receive (+), issue (−) or adjust (±) on-hand stock. Stock that orders hold allocated cannot be
 * issued: 100 on hand with 50 allocated leaves 50 to issue, so issuing 100 is refused.
 * stock_moves.quantity is the signed change of on hand.
 */
export const moveStock: Mutator<StockMoveInput, StockRow> = async (tx, input, env) => {
  const { productId, warehouseId } = input;
  await assertExist(tx, 'products', [productId], 'productId', [productId], plainPath);
  await assertExist(tx, 'warehouses', [warehouseId], 'warehouseId', [warehouseId], plainPath);
  const delta = input.kind === 'issue' ? -input.quantity : input.quantity;
  const before = await tx
    .selectFrom('stock')
    .selectAll()
    .where('product_id', '=', productId)
    .where('warehouse_id', '=', warehouseId)
    .executeTakeFirst();
  const onHand = before?.on_hand ?? 0;
  const allocated = before?.allocated ?? 0;
  const refuse = () => {
    const params = { onHand, allocated, available: onHand - allocated, requested: Math.abs(delta) };
    return new DeskError('stock.insufficient', params, {
      status: 409,
      fields: [{ path: 'quantity', code: 'stock.insufficient', params }],
    });
  };
  if (onHand + delta < allocated) throw refuse();

  if (before) {
    // Guarded in the statement too, so a concurrent writer on the hub cannot oversell.
    const done = await tx
      .updateTable('stock')
      .set((eb) => ({ on_hand: eb('on_hand', '+', delta), updated_at: env.now }))
      .where('product_id', '=', productId)
      .where('warehouse_id', '=', warehouseId)
      .where((eb) => eb(eb('on_hand', '+', delta), '>=', eb.ref('allocated')))
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw refuse();
  } else {
    await tx
      .insertInto('stock')
      .values({
        product_id: productId,
        warehouse_id: warehouseId,
        on_hand: delta,
        allocated: 0,
        in_transit: 0,
        in_transit_eta: null,
        safety_stock: 0,
        bin_code: null,
        updated_at: env.now,
      })
      .execute();
  }
  await tx
    .insertInto('stock_moves')
    .values({
      id: env.ids.next(),
      product_id: productId,
      warehouse_id: warehouseId,
      kind: input.kind,
      quantity: delta,
      reference: input.reference ?? null,
      at: env.now,
      user_id: env.userId,
    })
    .execute();
  const row = await readStockRow(tx, productId, warehouseId);
  return {
    result: row,
    audit: [
      {
        entity: 'stock',
        entityId: `${productId}/${warehouseId}`,
        code: `audit.stock.${input.kind}`,
        params: {
          sku: row.sku,
          warehouse: row.warehouseCode,
          quantity: input.quantity,
          delta: `${delta > 0 ? '+' : ''}${delta}`,
          ...(input.reference ? { reference: input.reference } : {}),
        },
        summary: `${input.kind} ${delta > 0 ? '+' : ''}${delta}${input.reference ? ` (${input.reference})` : ''}`,
        before: { on_hand: onHand },
        after: { on_hand: row.onHand },
      },
    ],
  };
};
