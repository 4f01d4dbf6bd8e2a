/**
 * orders.saveDraft: create or update a draft from the whole document (the entry screen autosaves
 * after every field). Prices, line amounts and totals are computed here from master data; nothing
 * the screen says about money is trusted. Optimistic concurrency: the caller sends the row_version
 * it last saw, a stale one is refused with conflict.stale.
 */
import { insertRow, precompiled, updateRow } from '../../db/precompiled';
import { DeskError, type FieldError } from '../../errors';
import { isPhone, normalizePhone } from '../../validators';
import { nextOrderNumber } from '../../orders/numbering';
import { discountIssues, orderTotals, priceLine, type PricedLine } from '../../orders/pricing';
import type { OrderDraft } from '../../orders/schema';
import { buildSearchText } from '../../orders/search-text';
import { readSettings } from '../settings';
import { changedFields, type AuditEntry, type Mutator, type Tx } from '../env';
import { assertRowVersion, groupPricesOf, headerForAudit, linesDigest, linesOfOrder, orderById, type OrderLineRow, type OrderRow } from './records';

export type SaveDraftArgs = OrderDraft & {
  /** Absent: a new draft. A new id (made by the screen) also creates, so a retried create is safe. */
  id?: string;
  /** The row_version the screen last saw; required to update an existing draft. */
  rowVersion?: number;
};

export interface SavedLine {
  lineNo: number;
  productId: string;
  sku: string;
  name: string;
  unit: string;
  quantity: number;
  listPrice: number;
  referencePrice: number;
  unitPrice: number;
  priceManual: boolean;
  discountBp: number;
  taxRateBp: number;
  amount: number;
  tax: number;
  total: number;
}

export interface SaveDraftResult {
  id: string;
  number: string;
  status: 'draft';
  rowVersion: number;
  created: boolean;
  totals: { subtotal: number; taxTotal: number; total: number };
  lines: SavedLine[];
  /** Problems submit will refuse that only the server can see (e.g. a discount beyond the role's limit). */
  issues: FieldError[];
}

/** Stored phone: canonical when it is a valid number (so exact phone search finds it), else as typed. */
export function storedPhone(text: string | undefined): string {
  if (!text) return '';
  return isPhone(text) ? normalizePhone(text) : text;
}

interface ProductFacts {
  id: string;
  sku: string;
  name: string;
  spec: string | null;
  unit: string;
  list_price: number;
  tax_rate_bp: number;
}

const customerFacts = precompiled<{ id: string }>()((db, arg) =>
  db
    .selectFrom('customers')
    .select(['id', 'code', 'name', 'name_pinyin', 'region_id', 'sales_rep_id', 'price_group_id', 'active'])
    .where('id', '=', arg('id')),
);
const productFacts = precompiled<{ ids: string[] }>()((db, arg) =>
  db.selectFrom('products').select(['id', 'sku', 'name', 'spec', 'unit', 'list_price', 'tax_rate_bp']).where('id', 'in', arg('ids')),
);
const warehousesById = precompiled<{ ids: string[] }>()((db, arg) => db.selectFrom('warehouses').select('id').where('id', 'in', arg('ids')));
const addressFacts = precompiled<{ id: string; customerId: string }>()((db, arg) =>
  db
    .selectFrom('customer_addresses')
    .select(['recipient', 'phone', 'province', 'city', 'district', 'street', 'postcode'])
    .where('id', '=', arg('id'))
    .where('customer_id', '=', arg('customerId')),
);

/** Master data a draft refers to, each checked to exist; field errors name the input path. */
async function loadFacts(tx: Tx, doc: OrderDraft) {
  const fields: FieldError[] = [];
  const customer = await customerFacts.first(tx, { id: doc.customerId });
  if (!customer) fields.push({ path: 'customerId', code: 'order.customerNotFound' });

  let address: {
    recipient: string;
    phone: string;
    province: string;
    city: string;
    district: string;
    street: string;
    postcode: string | null;
  } | null = null;
  if (doc.shipTo.addressId && customer) {
    address =
      (await addressFacts.first(tx, { id: doc.shipTo.addressId, customerId: customer.id })) ?? null;
    if (!address) fields.push({ path: 'shipTo.addressId', code: 'order.addressNotFound' });
  }

  const productIds = [...new Set(doc.lines.map((l) => l.productId))];
  const products = new Map<string, ProductFacts>();
  const groupPrices = new Map<string, number>();
  if (productIds.length) {
    const rows = await productFacts.rows(tx, { ids: productIds });
    for (const p of rows) products.set(p.id, p);
    if (customer?.price_group_id) {
      const prices = await groupPricesOf.rows(tx, { groupId: customer.price_group_id, productIds });
      for (const p of prices) groupPrices.set(p.product_id, p.price);
    }
  }
  doc.lines.forEach((l, i) => {
    if (!products.has(l.productId)) fields.push({ path: `lines.${i}.productId`, code: 'order.productNotFound' });
  });

  const warehouseIds = [
    ...new Set([doc.warehouseId, ...doc.lines.map((l) => l.warehouseId)].filter((w): w is string => !!w)),
  ];
  if (warehouseIds.length) {
    const found = new Set(
      (await warehousesById.rows(tx, { ids: warehouseIds })).map((w) => w.id),
    );
    if (doc.warehouseId && !found.has(doc.warehouseId)) {
      fields.push({ path: 'warehouseId', code: 'order.warehouseNotFound' });
    }
    doc.lines.forEach((l, i) => {
      if (l.warehouseId && !found.has(l.warehouseId)) {
        fields.push({ path: `lines.${i}.warehouseId`, code: 'order.warehouseNotFound' });
      }
    });
  }

  if (fields.length || !customer) throw new DeskError('validation.failed', { count: fields.length }, { fields });
  return { customer, address, products, groupPrices };
}

export const saveDraft: Mutator<SaveDraftArgs, SaveDraftResult> = async (tx, args, env) => {
  const { id: givenId, rowVersion, ...doc } = args;

  let existing: OrderRow | undefined;
  let existingLines: OrderLineRow[] = [];
  if (givenId) {
    existing = await orderById.first(tx, { id: givenId });
    if (existing) {
      if (rowVersion === undefined) {
        throw new DeskError('conflict.stale', { number: existing.number, expected: 0, actual: existing.row_version });
      }
      assertRowVersion(existing, rowVersion);
      if (existing.status !== 'draft') {
        throw new DeskError('order.notDraft', { number: existing.number, status: existing.status }, { status: 409 });
      }
      existingLines = await linesOfOrder.rows(tx, { orderId: existing.id });
    } else if (rowVersion !== undefined && rowVersion > 0) {
      // The screen believes it is editing a stored order that is not here (deleted or another store).
      throw new DeskError('order.notFound', { id: givenId });
    }
  }

  const settings = await readSettings(tx);
  const { customer, address, products, groupPrices } = await loadFacts(tx, doc);

  // Ship-to: a chosen customer address fills every field the clerk left blank.
  const ship = {
    recipient: doc.shipTo.recipient ?? address?.recipient ?? '',
    phone: storedPhone(doc.shipTo.phone ?? address?.phone),
    province: doc.shipTo.province ?? address?.province ?? '',
    city: doc.shipTo.city ?? address?.city ?? '',
    district: doc.shipTo.district ?? address?.district ?? '',
    street: doc.shipTo.street ?? address?.street ?? '',
    postcode: doc.shipTo.postcode ?? address?.postcode ?? null,
  };

  const priced: (PricedLine & { product: ProductFacts })[] = doc.lines.map((l) => {
    const product = products.get(l.productId)!;
    const line = priceLine(
      { quantity: l.quantity ?? 0, unitPrice: l.unitPrice, discountBp: l.discountBp },
      { listPrice: product.list_price, taxRateBp: product.tax_rate_bp, groupPrice: groupPrices.get(product.id) ?? null },
    );
    return Object.assign({}, line, { product });
  });
  const totals = orderTotals(priced);
  const limitBp = env.role ? settings.discountLimitsBp[env.role] : 0;
  const issues = discountIssues(priced, limitBp, env.role);

  const id = existing?.id ?? givenId ?? env.ids.next();
  const number = existing?.number ?? (await nextOrderNumber(tx, env.deskCode, env.now, settings.timeZone));
  const contactPhone = storedPhone(doc.contact.phone);

  const header = {
    customer_id: customer.id,
    channel: doc.channel,
    order_type: doc.orderType,
    priority: doc.priority,
    delivery_method: doc.deliveryMethod,
    payment_method: doc.paymentMethod,
    payment_terms_days: doc.paymentTermsDays,
    customer_po: doc.customerPo ?? null,
    contact_name: doc.contact.name ?? '',
    contact_phone: contactPhone,
    bill_to: doc.billTo ?? null,
    ship_recipient: ship.recipient,
    ship_phone: ship.phone,
    ship_province: ship.province,
    ship_city: ship.city,
    ship_district: ship.district,
    ship_street: ship.street,
    ship_postcode: ship.postcode,
    ship_address_id: doc.shipTo.addressId ?? null,
    region_id: customer.region_id,
    warehouse_id: doc.warehouseId ?? null,
    sales_rep_id: customer.sales_rep_id,
    requested_date: doc.requestedDate ?? null,
    promised_date: doc.promisedDate ?? null,
    notes: doc.notes ?? null,
    custom_text: doc.customText ?? null,
    custom_flag: doc.customRequired ? 1 : 0,
    subtotal: totals.subtotal,
    tax_total: totals.taxTotal,
    total: totals.total,
    line_count: priced.length,
    search_text: buildSearchText({
      number,
      customerCode: customer.code,
      customerName: customer.name,
      customerPinyin: customer.name_pinyin,
      contactPhone,
      shipPhone: ship.phone,
      skus: priced.map((l) => l.product.sku),
      customerPo: doc.customerPo,
    }),
  };

  const lineRows = priced.map((l, i) => ({
    order_id: id,
    line_no: i + 1,
    product_id: l.product.id,
    sku: l.product.sku,
    name: l.product.name,
    spec: l.product.spec,
    custom_params: doc.lines[i].customParams ?? null,
    unit: l.product.unit,
    quantity: l.quantity,
    list_price: l.listPrice,
    unit_price: l.unitPrice,
    price_manual: l.priceManual ? 1 : 0,
    discount_bp: l.discountBp,
    tax_rate_bp: l.taxRateBp,
    amount: l.amount,
    tax: l.tax,
    total: l.total,
    warehouse_id: doc.lines[i].warehouseId ?? null,
    allocated_qty: 0,
    delivered_qty: 0,
    cancelled_qty: 0,
  }));

  const result = (rv: number, created: boolean): SaveDraftResult => ({
    id,
    number,
    status: 'draft',
    rowVersion: rv,
    created,
    totals,
    lines: priced.map((l, i) => ({
      lineNo: i + 1,
      productId: l.product.id,
      sku: l.product.sku,
      name: l.product.name,
      unit: l.product.unit,
      quantity: l.quantity,
      listPrice: l.listPrice,
      referencePrice: l.referencePrice,
      unitPrice: l.unitPrice,
      priceManual: l.priceManual,
      discountBp: l.discountBp,
      taxRateBp: l.taxRateBp,
      amount: l.amount,
      tax: l.tax,
      total: l.total,
    })),
    issues,
  });

  const audit: AuditEntry[] = [];
  const digestAfter = linesDigest(lineRows);

  if (!existing) {
    const row = {
      id,
      number,
      desk_code: env.deskCode,
      status: 'draft' as const,
      row_version: 1,
      revision: 0,
      changed_flag: 0,
      duplicate_confirmed: 0,
      created_by: env.userId,
      created_at: env.now,
      updated_at: env.now,
      submitted_at: null,
      approved_at: null,
      paid_at: null,
      closed_at: null,
      cancelled_at: null,
      ...header,
    };
    await insertRow(tx, 'orders', row);
    for (const l of lineRows) await insertRow(tx, 'order_lines', { id: env.ids.next(), ...l });
    const { search_text: _s, ...visible } = row;
    audit.push({
      entity: 'order',
      entityId: id,
      code: 'audit.order.draftCreated',
      params: { number },
      summary: `draft ${number} created`,
      after: Object.assign({}, visible, { lines: digestAfter }),
    });
    return { result: result(1, true), audit };
  }

  // Update: write only when something changed, so a repeated autosave keeps the row_version.
  const { search_text: searchText, ...headerWithoutSearch } = header;
  const headerChange = changedFields(headerForAudit(existing), headerWithoutSearch);
  const digestBefore = linesDigest(existingLines);
  const linesChanged =
    JSON.stringify(digestBefore) !== JSON.stringify(digestAfter) ||
    existingLines.some(
      (l, i) =>
        l.product_id !== lineRows[i]?.product_id ||
        l.price_manual !== lineRows[i]?.price_manual ||
        l.amount !== lineRows[i]?.amount ||
        l.tax !== lineRows[i]?.tax,
    );
  const searchChanged = existing.search_text !== searchText;
  if (!headerChange && !linesChanged && !searchChanged) {
    return { result: result(existing.row_version, false), audit };
  }

  const nextVersion = existing.row_version + 1;
  // Only changed columns are written: naming an indexed column rewrites its index entry even
  // when the value is the same, and the FTS trigger fires on UPDATE OF search_text.
  const changedHeader = (headerChange?.after ?? {}) as Partial<typeof headerWithoutSearch>;
  const set = Object.assign({}, changedHeader, searchChanged ? { search_text: searchText } : {}, { row_version: nextVersion, updated_at: env.now });
  const updated = await updateRow(tx, 'orders', set, { id, row_version: existing.row_version });
  if (updated !== 1) {
    throw new DeskError('conflict.stale', { number, expected: existing.row_version, actual: -1 });
  }
  if (linesChanged) {
    await tx.deleteFrom('order_lines').where('order_id', '=', id).execute();
    for (const l of lineRows) await insertRow(tx, 'order_lines', { id: env.ids.next(), ...l });
  }
  const before: Record<string, unknown> = { ...(headerChange?.before ?? {}) };
  const after: Record<string, unknown> = { ...(headerChange?.after ?? {}) };
  if (linesChanged) {
    before.lines = digestBefore;
    after.lines = digestAfter;
  }
  audit.push({ entity: 'order', entityId: id, code: 'audit.order.draftSaved', params: { number }, summary: `draft ${number} saved`, before, after });
  return { result: result(nextVersion, false), audit };
};
