import type { ProductSaveInput } from '../../contract/masters';
import type { ProductPricesTable, ProductsTable } from '../../db/masters.table';
import { insertRow, precompiled } from '../../db/precompiled';
import { DeskError } from '../../errors';
import { pinyinInitials } from '../../search/pinyin';
import type { AuditEntry, Mutator, MutatorEnv, Tx } from '../env';
import type { BatchOutcome } from './customers';
import { chunks, codeKey, codeTaken, flag, notFound, plainPath, unknownChoice, type PathOf } from './common';
import { auditOf } from './reference';

function snapshot(p: ProductsTable, prices: ProductPricesTable[]): Record<string, unknown> {
  const { name_pinyin: _p, created_at: _c, updated_at: _u, ...fields } = p;
  const list = prices
    .map(({ price_group_id, price }) => ({ price_group_id, price }))
    .sort((a, b) => a.price_group_id.localeCompare(b.price_group_id));
  return Object.assign({}, fields, { prices: list });
}

// Fixed-shape lookups, compiled once per list length (a form save looks up one of each).
const productsById = precompiled<{ ids: string[] }>()((db, arg) => db.selectFrom('products').selectAll().where('id', 'in', arg('ids')));
const productsBySku = precompiled<{ skus: string[] }>()((db, arg) => db.selectFrom('products').select(['id', 'sku']).where('sku', 'in', arg('skus')));
const productsByBarcode = precompiled<{ barcodes: string[] }>()((db, arg) =>
  db.selectFrom('products').select(['id', 'sku', 'barcode']).where('barcode', 'in', arg('barcodes')),
);
const priceGroupsById = precompiled<{ ids: string[] }>()((db, arg) => db.selectFrom('price_groups').select('id').where('id', 'in', arg('ids')));
const pricesOf = precompiled<{ ids: string[] }>()((db, arg) => db.selectFrom('product_prices').selectAll().where('product_id', 'in', arg('ids')));

/**
 * Create or update products in one go (a form save is a batch of one; an import, hundreds).
 * SKUs are unique regardless of case, a barcode belongs to one product, and the price-group prices
 * given replace the product's list.
 */
export async function writeProducts(
  tx: Tx,
  inputs: readonly ProductSaveInput[],
  env: MutatorEnv,
  pathOf: PathOf = plainPath,
): Promise<BatchOutcome> {
  const befores = new Map<string, ProductsTable>();
  const givenIds = inputs.map((i) => i.id).filter((id): id is string => Boolean(id));
  for (const part of chunks(givenIds)) {
    for (const r of await productsById.rows(tx, { ids: part })) befores.set(r.id, r);
  }
  const missing = givenIds.find((id) => !befores.has(id));
  if (missing) throw notFound('product', missing);

  const skuOwners = new Map<string, string>();
  for (const part of chunks(inputs.map((i) => i.sku))) {
    for (const r of await productsBySku.rows(tx, { skus: part })) {
      skuOwners.set(codeKey(r.sku), r.id);
    }
  }
  const skus = new Set<string>();
  inputs.forEach((input, i) => {
    const key = codeKey(input.sku);
    const owner = skuOwners.get(key);
    if ((owner && owner !== input.id) || skus.has(key)) throw codeTaken('product', 'sku', input.sku, pathOf(i, 'sku'));
    skus.add(key);
  });

  // One barcode, one product: a scan must never be ambiguous.
  const barcodeOwners = new Map<string, { id: string; sku: string }>();
  const barcodes = inputs.map((i) => i.barcode).filter((b): b is string => Boolean(b));
  for (const part of chunks(barcodes)) {
    for (const r of await productsByBarcode.rows(tx, { barcodes: part })) {
      if (r.barcode) barcodeOwners.set(r.barcode, { id: r.id, sku: r.sku });
    }
  }
  const seenBarcodes = new Map<string, string>();
  inputs.forEach((input, i) => {
    if (!input.barcode) return;
    const owner = barcodeOwners.get(input.barcode);
    const other = owner && owner.id !== input.id ? owner.sku : seenBarcodes.get(input.barcode);
    if (other !== undefined) {
      const params = { barcode: input.barcode, sku: other };
      throw new DeskError('product.barcodeExists', params, {
        status: 409,
        fields: [{ path: pathOf(i, 'barcode'), code: 'product.barcodeExists', params }],
      });
    }
    seenBarcodes.set(input.barcode, input.sku);
  });

  const groupIds = [...new Set(inputs.flatMap((i) => i.prices.map((p) => p.priceGroupId)))];
  const groups = new Set<string>();
  for (const part of chunks(groupIds)) {
    for (const r of await priceGroupsById.rows(tx, { ids: part })) groups.add(r.id);
  }
  inputs.forEach((input, i) => {
    const k = input.prices.findIndex((p) => !groups.has(p.priceGroupId));
    if (k >= 0) throw unknownChoice(pathOf(i, `prices.${k}.priceGroupId`));
  });

  const oldPrices = new Map<string, ProductPricesTable[]>();
  for (const part of chunks([...befores.keys()])) {
    for (const r of await pricesOf.rows(tx, { ids: part })) {
      const list = oldPrices.get(r.product_id) ?? [];
      list.push(r);
      oldPrices.set(r.product_id, list);
    }
  }

  const created: ProductsTable[] = [];
  const changed: ProductsTable[] = [];
  const prices: ProductPricesTable[] = [];
  const repriced: string[] = [];
  const audit: AuditEntry[] = [];
  const ids: string[] = [];
  inputs.forEach((input) => {
    const before = input.id ? befores.get(input.id) : undefined;
    const id = before?.id ?? env.ids.next();
    ids.push(id);
    const row: ProductsTable = {
      id,
      sku: input.sku,
      name: input.name,
      name_pinyin: pinyinInitials(input.name),
      spec: input.spec ?? null,
      unit: input.unit,
      category: input.category ?? null,
      list_price: input.listPrice,
      tax_rate_bp: input.taxRateBp,
      barcode: input.barcode ?? null,
      make_to_order: flag(input.makeToOrder),
      bom_note: input.bomNote ?? null,
      active: flag(input.active),
      created_at: before?.created_at ?? env.now,
      updated_at: env.now,
    };
    const mine = input.prices.map((p) => ({ product_id: id, price_group_id: p.priceGroupId, price: p.price }));
    const oldSnapshot = before ? snapshot(before, oldPrices.get(id) ?? []) : undefined;
    const newSnapshot = snapshot(row, mine);
    const entry = auditOf('product', id, input.sku, oldSnapshot, newSnapshot);
    // Saving what is already stored writes nothing (an import of an unchanged export is cheap).
    if (!entry) return;
    audit.push(entry);
    (before ? changed : created).push(row);
    if (!before || JSON.stringify(oldSnapshot?.prices) !== JSON.stringify(newSnapshot.prices)) {
      if (before) repriced.push(id);
      prices.push(...mine);
    }
  });

  for (const row of created) await insertRow(tx, 'products', row);
  for (const row of changed) {
    const { id, created_at: _c, ...set } = row;
    await tx.updateTable('products').set(set).where('id', '=', id).execute();
  }
  for (const part of chunks(repriced)) await tx.deleteFrom('product_prices').where('product_id', 'in', part).execute();
  for (const row of prices) await insertRow(tx, 'product_prices', row);

  return { ids, created: created.length, updated: changed.length, audit };
}

export const saveProduct: Mutator<ProductSaveInput, { id: string }> = async (tx, input, env) => {
  const out = await writeProducts(tx, [input], env);
  return { result: { id: out.ids[0] }, audit: out.audit };
};

export const setProductActive: Mutator<{ id: string; active: boolean }, { id: string; active: boolean }> = async (tx, input, env) => {
  const before = await tx.selectFrom('products').select(['id', 'sku', 'active']).where('id', '=', input.id).executeTakeFirst();
  if (!before) throw notFound('product', input.id);
  const active = flag(input.active);
  if (before.active === active) return { result: { id: input.id, active: input.active }, audit: [] };
  await tx.updateTable('products').set({ active, updated_at: env.now }).where('id', '=', input.id).execute();
  return {
    result: { id: input.id, active: input.active },
    audit: [
      {
        entity: 'product',
        entityId: input.id,
        code: input.active ? 'audit.master.activated' : 'audit.master.deactivated',
        params: { entity: 'product', label: before.sku },
        summary: `${input.active ? 'activate' : 'deactivate'} ${before.sku}`,
        before: { active: before.active },
        after: { active },
      },
    ],
  };
};
