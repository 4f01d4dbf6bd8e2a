/**
 * Stock allocation arithmetic. One invariant holds after every mutation, in desk and hub alike:
 *
 *   stock.allocated (product × warehouse) = Σ order_lines.allocated_qty of the lines there
 *   stock.on_hand − stock.allocated ≥ 0   (also a CHECK in the schema)
 *
 * Only orders that reserve stock (approved … partly_shipped) hold allocated_qty > 0; every other
 * status keeps 0. A line never reserves more than it still owes: quantity − delivered − cancelled.
 * Every stock update is guarded in its WHERE clause, so a concurrent sale can make an allocation
 * come out short but can never drive available below zero.
 */
import { precompiled } from '../db/precompiled';
import { DeskError } from '../errors';
import type { MutatorEnv, Tx } from '../mutators/env';
import { reservesStock } from '../orders/state-machine';
import type { OrderStatus } from '../orders/status';

type Env = Pick<MutatorEnv, 'now' | 'ids' | 'userId'>;

export interface AllocLine {
  id: string;
  line_no: number;
  product_id: string;
  sku: string;
  warehouse_id: string | null;
  quantity: number;
  allocated_qty: number;
  delivered_qty: number;
  cancelled_qty: number;
}

/** What a line still owes the customer: ordered − delivered − pre-closed. */
export function openQty(l: Pick<AllocLine, 'quantity' | 'delivered_qty' | 'cancelled_qty'>): number {
  return Math.max(0, l.quantity - l.delivered_qty - l.cancelled_qty);
}

const allocLines = precompiled<{ orderId: string }>()((db, arg) =>
  db
    .selectFrom('order_lines')
    .select(['id', 'line_no', 'product_id', 'sku', 'warehouse_id', 'quantity', 'allocated_qty', 'delivered_qty', 'cancelled_qty'])
    .where('order_id', '=', arg('orderId'))
    .orderBy('line_no'),
);

export async function orderLines(tx: Tx, orderId: string): Promise<AllocLine[]> {
  return allocLines.rows(tx, { orderId });
}

/** The active warehouse with the most available stock of a product (ties by warehouse code). */
const bestWarehouse = precompiled<{ productId: string }>()((db, arg) =>
  db
    .selectFrom('stock')
    .innerJoin('warehouses', 'warehouses.id', 'stock.warehouse_id')
    .select(['stock.warehouse_id'])
    .where('stock.product_id', '=', arg('productId'))
    .where('warehouses.active', '=', 1)
    .orderBy((eb) => eb('stock.on_hand', '-', eb.ref('stock.allocated')), 'desc')
    .orderBy('warehouses.code')
    .limit(1),
);

export interface StockChoice {
  product_id: string;
  warehouse_id: string;
  on_hand: number;
  allocated: number;
  warehouse_code: string;
  warehouse_active: number;
}

/** bestWarehouse's rule over rows already read: most available first, then the warehouse code. */
export function bestOf(rows: readonly StockChoice[], productId: string): string | null {
  let best: StockChoice | null = null;
  for (const r of rows) {
    if (r.product_id !== productId || r.warehouse_active !== 1) continue;
    const free = r.on_hand - r.allocated;
    const bestFree = best ? best.on_hand - best.allocated : -Infinity;
    if (!best || free > bestFree || (free === bestFree && r.warehouse_code < best.warehouse_code)) best = r;
  }
  return best?.warehouse_id ?? null;
}

/**
 * The warehouse each line draws from: its own, else the order's, else the active warehouse with
 * the most available stock of the product (ties by warehouse code). Null when none stocks it.
 */
export async function resolveWarehouses(
  tx: Tx,
  orderWarehouseId: string | null,
  lines: readonly Pick<AllocLine, 'id' | 'product_id' | 'warehouse_id'>[],
  /** Every stock row of the lines' products with its warehouse's code and active flag, when the caller has read them. */
  known?: readonly StockChoice[],
): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>();
  const best = new Map<string, string | null>();
  for (const line of lines) {
    if (line.warehouse_id) {
      out.set(line.id, line.warehouse_id);
      continue;
    }
    if (orderWarehouseId) {
      out.set(line.id, orderWarehouseId);
      continue;
    }
    if (!best.has(line.product_id)) {
      const id = known ? bestOf(known, line.product_id) : ((await bestWarehouse.first(tx, { productId: line.product_id }))?.warehouse_id ?? null);
      best.set(line.product_id, id);
    }
    out.set(line.id, best.get(line.product_id) ?? null);
  }
  return out;
}

type StockKey = { productId: string; warehouseId: string; qty: number; now: string };
// Guards: reserving never takes more than is available; releasing never goes below zero.
const reserve = precompiled<StockKey>()((db, arg) =>
  db
    .updateTable('stock')
    .set((eb) => ({ allocated: eb('allocated', '+', arg('qty')), updated_at: arg('now') }))
    .where('product_id', '=', arg('productId'))
    .where('warehouse_id', '=', arg('warehouseId'))
    .where((eb) => eb(eb('on_hand', '-', eb.ref('allocated')), '>=', arg('qty'))),
);
const unreserve = precompiled<StockKey>()((db, arg) =>
  db
    .updateTable('stock')
    .set((eb) => ({ allocated: eb('allocated', '-', arg('qty')), updated_at: arg('now') }))
    .where('product_id', '=', arg('productId'))
    .where('warehouse_id', '=', arg('warehouseId'))
    .where('allocated', '>=', arg('qty')),
);
const stockRow = precompiled<{ productId: string; warehouseId: string }>()((db, arg) =>
  db
    .selectFrom('stock')
    .select(['on_hand', 'allocated'])
    .where('product_id', '=', arg('productId'))
    .where('warehouse_id', '=', arg('warehouseId')),
);
const addLineAllocation = precompiled<{ id: string; qty: number; warehouseId: string }>()((db, arg) =>
  db
    .updateTable('order_lines')
    .set((eb) => ({ allocated_qty: eb('allocated_qty', '+', arg('qty')), warehouse_id: arg('warehouseId') }))
    .where('id', '=', arg('id')),
);
const subLineAllocation = precompiled<{ id: string; qty: number }>()((db, arg) =>
  db
    .updateTable('order_lines')
    .set((eb) => ({ allocated_qty: eb('allocated_qty', '-', arg('qty')) }))
    .where('id', '=', arg('id')),
);
const orderWarehouse = precompiled<{ id: string }>()((db, arg) => db.selectFrom('orders').select(['warehouse_id']).where('id', '=', arg('id')));

async function addAllocated(tx: Tx, productId: string, warehouseId: string, delta: number, env: Env): Promise<boolean> {
  if (delta === 0) return true;
  const key = { productId, warehouseId, qty: Math.abs(delta), now: env.now };
  return (await (delta > 0 ? reserve : unreserve).affected(tx, key)) === 1;
}

async function availableOnHand(tx: Tx, productId: string, warehouseId: string): Promise<number> {
  const row = await stockRow.first(tx, { productId, warehouseId });
  return row ? Math.max(0, row.on_hand - row.allocated) : 0;
}

/**
 * What the stock check of the same transaction already read: the order's lines, where each draws
 * from, and the stock rows of its products. Nothing may have written them since.
 */
export interface KnownStock {
  raw: AllocLine[];
  where: Map<string, string | null>;
  stock: readonly { productId: string; warehouseId: string; onHand: number; allocated: number }[];
}

export interface AllocationResult {
  /** Units newly reserved by this call. */
  allocated: number;
  /** Units the lines still owe but could not reserve (on hand ran out, e.g. in-transit counted). */
  unallocated: number;
}

/**
 * Reserve what each line still owes (top-up: quantity − delivered − cancelled − allocated), capped
 * by what is on hand and available. A line without a warehouse gets the resolved one written.
 */
export async function allocateOrder(tx: Tx, orderId: string, env: Env, known?: KnownStock): Promise<AllocationResult> {
  let lines: AllocLine[];
  let where: Map<string, string | null>;
  if (known) {
    ({ raw: lines, where } = known);
  } else {
    const order = await orderWarehouse.first(tx, { id: orderId });
    if (!order) throw new DeskError('order.notFound', { id: orderId });
    lines = await orderLines(tx, orderId);
    where = await resolveWarehouses(tx, order.warehouse_id, lines);
  }
  // Available per product × warehouse as the stock check just read it, less what earlier lines took.
  const available = known ? new Map(known.stock.map((s) => [`${s.productId}|${s.warehouseId}`, Math.max(0, s.onHand - s.allocated)])) : null;
  let allocated = 0;
  let unallocated = 0;
  for (const line of lines) {
    const want = openQty(line) - line.allocated_qty;
    if (want <= 0) continue;
    const warehouseId = where.get(line.id) ?? null;
    if (!warehouseId) {
      unallocated += want;
      continue;
    }
    const key = `${line.product_id}|${warehouseId}`;
    const free = available ? (available.get(key) ?? 0) : await availableOnHand(tx, line.product_id, warehouseId);
    const take = Math.min(want, free);
    available?.set(key, free - take);
    if (take > 0 && !(await addAllocated(tx, line.product_id, warehouseId, take, env))) {
      throw new DeskError('conflict.stale');
    }
    if (take > 0 || line.warehouse_id !== warehouseId) {
      await addLineAllocation.affected(tx, { id: line.id, qty: take, warehouseId });
    }
    allocated += take;
    unallocated += want - take;
  }
  return { allocated, unallocated };
}

/** Give back every unit the order reserves (close, cancel, hold, change). Returns the units released. */
export async function releaseOrder(tx: Tx, orderId: string, env: Env): Promise<number> {
  const lines = await orderLines(tx, orderId);
  let released = 0;
  for (const line of lines) {
    released += await releaseLineQty(tx, line, line.allocated_qty, env);
  }
  return released;
}

/** Release up to qty of one line's reservation. Returns the units released. */
export async function releaseLineQty(tx: Tx, line: AllocLine, qty: number, env: Env): Promise<number> {
  const give = Math.min(qty, line.allocated_qty);
  if (give <= 0) return 0;
  if (!line.warehouse_id || !(await addAllocated(tx, line.product_id, line.warehouse_id, -give, env))) {
    throw new DeskError('review.allocationMismatch', { line: line.line_no });
  }
  await subLineAllocation.affected(tx, { id: line.id, qty: give });
  line.allocated_qty -= give;
  return give;
}

/** Statuses whose lines reserve stock (see reservesStock). */
const RESERVING = ['approved', 'allocated', 'picking', 'partly_shipped'] as const;

/**
 * After goods arrive (receipt, in-transit received, a delivery reversed elsewhere): reserve them for
 * approved lines that still owe unreserved quantity here — lines approved on the strength of
 * in-transit stock — oldest approval first. Returns the units reserved.
 */
export async function allocateWaiting(tx: Tx, productId: string, warehouseId: string, env: Env): Promise<number> {
  const rows = await tx
    .selectFrom('order_lines as l')
    .innerJoin('orders as o', 'o.id', 'l.order_id')
    .select([
      'l.id',
      'l.line_no',
      'l.product_id',
      'l.sku',
      'l.warehouse_id',
      'l.quantity',
      'l.allocated_qty',
      'l.delivered_qty',
      'l.cancelled_qty',
    ])
    .where('l.product_id', '=', productId)
    .where('l.warehouse_id', '=', warehouseId)
    .where('o.status', 'in', [...RESERVING])
    .orderBy('o.approved_at')
    .orderBy('o.id')
    .orderBy('l.line_no')
    .execute();
  let reserved = 0;
  let available = await availableOnHand(tx, productId, warehouseId);
  for (const line of rows) {
    if (available <= 0) break;
    const take = Math.min(openQty(line) - line.allocated_qty, available);
    if (take <= 0) continue;
    if (!(await addAllocated(tx, productId, warehouseId, take, env))) break;
    await tx
      .updateTable('order_lines')
      .set((eb) => ({ allocated_qty: eb('allocated_qty', '+', take) }))
      .where('id', '=', line.id)
      .execute();
    available -= take;
    reserved += take;
  }
  return reserved;
}

async function lineWithOrder(tx: Tx, lineId: string): Promise<AllocLine & { order_status: OrderStatus; order_id: string }> {
  const row = await tx
    .selectFrom('order_lines')
    .innerJoin('orders', 'orders.id', 'order_lines.order_id')
    .select([
      'order_lines.id',
      'order_lines.line_no',
      'order_lines.product_id',
      'order_lines.sku',
      'order_lines.warehouse_id',
      'order_lines.quantity',
      'order_lines.allocated_qty',
      'order_lines.delivered_qty',
      'order_lines.cancelled_qty',
      'order_lines.order_id',
      'orders.status as order_status',
    ])
    .where('order_lines.id', '=', lineId)
    .executeTakeFirst();
  if (!row) throw new DeskError('review.lineNotFound', { id: lineId });
  return row;
}

async function addStockMove(
  tx: Tx,
  productId: string,
  warehouseId: string,
  kind: 'receipt' | 'issue' | 'deliver' | 'undeliver',
  quantity: number,
  reference: string | null,
  env: Env,
): Promise<void> {
  await tx
    .insertInto('stock_moves')
    .values({ id: env.ids.next(), product_id: productId, warehouse_id: warehouseId, kind, quantity, reference, at: env.now, user_id: env.userId })
    .execute();
}

/**
 * Goods of a line leave the warehouse: delivered += qty, the reservation shrinks by as much as it
 * covers, on hand drops by qty. Delivering more than the line still owes is refused, and so is
 * delivering unreserved goods that other orders have reserved.
 */
export async function recordDelivery(tx: Tx, lineId: string, qty: number, env: Env): Promise<void> {
  const line = await lineWithOrder(tx, lineId);
  if (qty <= 0 || qty > openQty(line)) {
    throw new DeskError('review.deliveryExceedsOpen', { line: line.line_no, qty, open: openQty(line) });
  }
  if (!line.warehouse_id) throw new DeskError('review.noWarehouse', { line: line.line_no });
  const fromReserved = Math.min(qty, line.allocated_qty);
  const fromFree = qty - fromReserved;
  const res = await tx
    .updateTable('stock')
    .set((eb) => ({
      on_hand: eb('on_hand', '-', qty),
      allocated: eb('allocated', '-', fromReserved),
      updated_at: env.now,
    }))
    .where('product_id', '=', line.product_id)
    .where('warehouse_id', '=', line.warehouse_id)
    .where('allocated', '>=', fromReserved)
    .where((eb) => eb(eb('on_hand', '-', eb.ref('allocated')), '>=', fromFree))
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) {
    throw new DeskError('review.issueExceedsAvailable', { qty: fromFree, available: await availableOnHand(tx, line.product_id, line.warehouse_id) });
  }
  await tx
    .updateTable('order_lines')
    .set((eb) => ({ delivered_qty: eb('delivered_qty', '+', qty), allocated_qty: eb('allocated_qty', '-', fromReserved) }))
    .where('id', '=', lineId)
    .execute();
  await addStockMove(tx, line.product_id, line.warehouse_id, 'deliver', -qty, line.order_id, env);
}

/**
 * A delivery is reversed: the goods are back on hand and, if the order still reserves stock, the
 * line reserves them again (up to what it owes).
 */
export async function cancelDelivery(tx: Tx, lineId: string, qty: number, env: Env): Promise<void> {
  const line = await lineWithOrder(tx, lineId);
  if (qty <= 0 || qty > line.delivered_qty) {
    throw new DeskError('review.undeliverExceedsDelivered', { line: line.line_no, qty, delivered: line.delivered_qty });
  }
  if (!line.warehouse_id) throw new DeskError('review.noWarehouse', { line: line.line_no });
  const owesAfter = line.quantity - (line.delivered_qty - qty) - line.cancelled_qty;
  const reserve = reservesStock(line.order_status) ? Math.max(0, Math.min(qty, owesAfter - line.allocated_qty)) : 0;
  await tx
    .updateTable('stock')
    .set((eb) => ({ on_hand: eb('on_hand', '+', qty), allocated: eb('allocated', '+', reserve), updated_at: env.now }))
    .where('product_id', '=', line.product_id)
    .where('warehouse_id', '=', line.warehouse_id)
    .executeTakeFirstOrThrow();
  await tx
    .updateTable('order_lines')
    .set((eb) => ({ delivered_qty: eb('delivered_qty', '-', qty), allocated_qty: eb('allocated_qty', '+', reserve) }))
    .where('id', '=', lineId)
    .execute();
  await addStockMove(tx, line.product_id, line.warehouse_id, 'undeliver', qty, line.order_id, env);
}

/**
 * Store-level stock issue outside any order (scrap, transfer out): refused when it would take
 * stock reserved by orders, i.e. when qty > on hand − allocated.
 */
export async function issueStock(tx: Tx, productId: string, warehouseId: string, qty: number, env: Env, reference: string | null = null): Promise<void> {
  if (qty <= 0) throw new DeskError('review.issueExceedsAvailable', { qty, available: 0 });
  const res = await tx
    .updateTable('stock')
    .set((eb) => ({ on_hand: eb('on_hand', '-', qty), updated_at: env.now }))
    .where('product_id', '=', productId)
    .where('warehouse_id', '=', warehouseId)
    .where((eb) => eb(eb('on_hand', '-', eb.ref('allocated')), '>=', qty))
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) {
    throw new DeskError('review.issueExceedsAvailable', { qty, available: await availableOnHand(tx, productId, warehouseId) });
  }
  await addStockMove(tx, productId, warehouseId, 'issue', -qty, reference, env);
}

/** Store-level receipt: goods arrive on hand (nothing is reserved automatically). */
export async function receiveStock(tx: Tx, productId: string, warehouseId: string, qty: number, env: Env, reference: string | null = null): Promise<void> {
  if (qty <= 0) return;
  const res = await tx
    .updateTable('stock')
    .set((eb) => ({ on_hand: eb('on_hand', '+', qty), updated_at: env.now }))
    .where('product_id', '=', productId)
    .where('warehouse_id', '=', warehouseId)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) {
    await tx
      .insertInto('stock')
      .values({ product_id: productId, warehouse_id: warehouseId, on_hand: qty, allocated: 0, in_transit: 0, in_transit_eta: null, safety_stock: 0, bin_code: null, updated_at: env.now })
      .execute();
  }
  await addStockMove(tx, productId, warehouseId, 'receipt', qty, reference, env);
}

/** For tests and diagnostics: product × warehouse pairs where the invariant does not hold. */
export async function allocationDrift(tx: Tx): Promise<{ productId: string; warehouseId: string; stock: number; lines: number; onHand: number }[]> {
  const stock = await tx.selectFrom('stock').select(['product_id', 'warehouse_id', 'allocated', 'on_hand']).execute();
  const sums = await tx
    .selectFrom('order_lines')
    .select((eb) => ['product_id', 'warehouse_id', eb.fn.sum<number>('allocated_qty').as('qty')])
    .where('allocated_qty', '>', 0)
    .groupBy(['product_id', 'warehouse_id'])
    .execute();
  const byKey = new Map(sums.map((s) => [`${s.product_id}|${s.warehouse_id}`, Number(s.qty)]));
  const out: { productId: string; warehouseId: string; stock: number; lines: number; onHand: number }[] = [];
  for (const s of stock) {
    const key = `${s.product_id}|${s.warehouse_id}`;
    const lines = byKey.get(key) ?? 0;
    byKey.delete(key);
    if (lines !== s.allocated || s.on_hand - s.allocated < 0) {
      out.push({ productId: s.product_id, warehouseId: s.warehouse_id, stock: s.allocated, lines, onHand: s.on_hand });
    }
  }
  for (const [key, lines] of byKey) {
    const [productId, warehouseId] = key.split('|');
    out.push({ productId, warehouseId, stock: 0, lines, onHand: 0 });
  }
  return out;
}
