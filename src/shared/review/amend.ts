/**
 * Changes to a submitted order: plan (what would change, with a diff), classify (inside the change
 * window, small change, or a change request for the queue) and apply (new revision, re-review).
 * Line figures come from money.ts (lineAmounts/sumTotals), the same rule order entry uses.
 */
import type { Selectable, Updateable } from 'kysely';
import { DeskError, fieldError } from '../errors';
import { formatMoney, lineAmounts, sumTotals } from '../money';
import { discountIssues, priceLine } from '../orders/pricing';
import { encodeReason } from '../orders/reasons';
import { buildSearchText } from '../orders/search-text';
import type { MutatorEnv, Tx } from '../mutators/env';
import type { OrdersTable, OrderLinesTable } from '../db/orders.table';
import type { Settings } from '../settings';
import { releaseOrder } from './allocation';
import { daysBetween } from './facts';
import { reviewOrder, type ReviewOutcome } from './route';
import { loadOrder } from './status';

export interface AmendHeader {
  contactName?: string;
  contactPhone?: string;
  shipRecipient?: string;
  shipPhone?: string;
  shipProvince?: string;
  shipCity?: string;
  shipDistrict?: string;
  shipStreet?: string;
  shipPostcode?: string | null;
  /** Who the invoice is made out to (name, address, tax details as one text). */
  billTo?: string | null;
  requestedDate?: string | null;
  promisedDate?: string | null;
  notes?: string | null;
  customText?: string | null;
  customerPo?: string | null;
  paymentMethod?: 'cash' | 'credit';
  deliveryMethod?: 'delivery' | 'pickup' | 'courier' | 'freight';
  /** The order carries custom requirements (custom review, customer confirmation). */
  customRequired?: boolean;
}

export interface AmendLine {
  /** An existing line of the order; absent for a new line. */
  id?: string;
  /** Required for a new line; must match for an existing one. */
  productId?: string;
  quantity: number;
  /** Tax-exclusive price per unit before the line discount (fen); new lines default to the customer's price. */
  unitPrice?: number;
  discountBp?: number;
  warehouseId?: string | null;
  customParams?: string | null;
}

export interface AmendPayload {
  header?: AmendHeader;
  /** When given, the complete new list of lines: existing lines left out are removed. */
  lines?: AmendLine[];
}

export const HEADER_COLUMNS = {
  contactName: 'contact_name',
  contactPhone: 'contact_phone',
  shipRecipient: 'ship_recipient',
  shipPhone: 'ship_phone',
  shipProvince: 'ship_province',
  shipCity: 'ship_city',
  shipDistrict: 'ship_district',
  shipStreet: 'ship_street',
  shipPostcode: 'ship_postcode',
  billTo: 'bill_to',
  requestedDate: 'requested_date',
  promisedDate: 'promised_date',
  notes: 'notes',
  customText: 'custom_text',
  customerPo: 'customer_po',
  paymentMethod: 'payment_method',
  deliveryMethod: 'delivery_method',
} as const satisfies Record<Exclude<keyof AmendHeader, 'customRequired'>, keyof OrdersTable>;

const DATE_FIELDS: ReadonlySet<string> = new Set(['requestedDate', 'promisedDate']);
/** Fields that change nothing the customer, the warehouse or the money sees. */
const FREE_FIELDS: ReadonlySet<string> = new Set(['notes']);
/** Changes a clerk may make after the window under small-change authority, like a date moved by a few days. */
const SMALL_FIELDS: ReadonlySet<string> = new Set(['deliveryMethod']);

export interface DiffEntry {
  field: string;
  before: unknown;
  after: unknown;
  line?: number;
  sku?: string;
}

type LineRow = Selectable<OrderLinesTable>;
type OrderRow = Selectable<OrdersTable>;

interface PlannedLine {
  row: LineRow;
  isNew: boolean;
  changed: boolean;
}

export interface AmendPlan {
  header: Partial<Record<(typeof HEADER_COLUMNS)[keyof typeof HEADER_COLUMNS], string | null>>;
  lines: PlannedLine[];
  removed: LineRow[];
  totals: { subtotal: number; taxTotal: number; total: number };
  diff: DiffEntry[];
  /** new total − old total (fen). */
  amountDelta: number;
  /** Σ |change of each line's total| (fen): what the small-change limit is measured against. */
  magnitude: number;
  customChanged: boolean;
  customFlag: number;
  /** What the change touches, for the small-change rule. */
  touches: { lines: boolean; dates: { field: string; days: number | null }[]; other: string[] };
}

function sameValue(a: unknown, b: unknown): boolean {
  return (a ?? null) === (b ?? null);
}

/** The customer's price-group prices for some products (the reference price of a line). */
async function groupPrices(tx: Tx, customerId: string, productIds: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const c = await tx.selectFrom('customers').select('price_group_id').where('id', '=', customerId).executeTakeFirst();
  if (!c?.price_group_id || productIds.length === 0) return out;
  const rows = await tx
    .selectFrom('product_prices')
    .select(['product_id', 'price'])
    .where('price_group_id', '=', c.price_group_id)
    .where('product_id', 'in', [...productIds])
    .execute();
  for (const r of rows) out.set(r.product_id, r.price);
  return out;
}

/** What the payload would change, validated against the order as it is now. Throws on bad input. */
export async function planAmendment(
  tx: Tx,
  order: OrderRow,
  payload: AmendPayload,
  settings: Settings,
  role: MutatorEnv['role'],
): Promise<AmendPlan> {
  const current = await tx.selectFrom('order_lines').selectAll().where('order_id', '=', order.id).orderBy('line_no').execute();
  const diff: DiffEntry[] = [];
  const header: AmendPlan['header'] = {};
  const touches: AmendPlan['touches'] = { lines: false, dates: [], other: [] };

  for (const [key, column] of Object.entries(HEADER_COLUMNS) as [keyof typeof HEADER_COLUMNS, (typeof HEADER_COLUMNS)[keyof typeof HEADER_COLUMNS]][]) {
    const value = payload.header?.[key];
    if (value === undefined) continue;
    const before = order[column] as string | null;
    if (sameValue(before, value)) continue;
    header[column] = value;
    diff.push({ field: key, before: before ?? null, after: value ?? null });
    if (DATE_FIELDS.has(key)) touches.dates.push({ field: key, days: before && value ? daysBetween(before, value) : null });
    else if (!FREE_FIELDS.has(key) && !SMALL_FIELDS.has(key)) touches.other.push(key);
  }

  const lines: PlannedLine[] = [];
  const removed: LineRow[] = [];
  let magnitude = 0;
  const discountLimit = role ? settings.discountLimitsBp[role] : 0;
  // The discount authority (order entry's rule) applies to every line whose price this change sets.
  const discountChecks: { index: number; row: LineRow }[] = [];
  if (payload.lines) {
    const byId = new Map(current.map((l) => [l.id, l]));
    const kept = new Set<string>();
    let nextNo = current.reduce((m, l) => Math.max(m, l.line_no), 0);
    const prices = await groupPrices(tx, order.customer_id, [
      ...new Set([...current.map((l) => l.product_id), ...payload.lines.flatMap((l) => (l.productId ? [l.productId] : []))]),
    ]);
    const referenceOf = (row: LineRow) => prices.get(row.product_id) ?? row.list_price;
    for (let i = 0; i < payload.lines.length; i++) {
      const input = payload.lines[i];
      if (input.id) {
        const before = byId.get(input.id);
        if (!before || kept.has(input.id)) throw fieldError(`lines.${i}.id`, 'change.unknownLine');
        if (input.productId && input.productId !== before.product_id) throw fieldError(`lines.${i}.productId`, 'change.productFixed');
        kept.add(input.id);
        if (input.quantity < before.delivered_qty) {
          throw new DeskError(
            'change.belowDelivered',
            { line: before.line_no, sku: before.sku, quantity: input.quantity, delivered: before.delivered_qty },
            {
              fields: [
                {
                  path: `lines.${i}.quantity`,
                  code: 'change.belowDelivered',
                  params: { line: before.line_no, sku: before.sku, quantity: input.quantity, delivered: before.delivered_qty },
                },
              ],
            },
          );
        }
        const row: LineRow = { ...before };
        row.quantity = input.quantity;
        if (input.unitPrice !== undefined && input.unitPrice !== row.unit_price) {
          row.unit_price = input.unitPrice;
          row.price_manual = 1;
        }
        if (input.discountBp !== undefined) row.discount_bp = input.discountBp;
        if (input.warehouseId !== undefined) row.warehouse_id = input.warehouseId;
        if (input.customParams !== undefined) row.custom_params = input.customParams;
        // A smaller order absorbs the pre-closed part first; what was delivered stays delivered.
        row.cancelled_qty = Math.min(row.cancelled_qty, row.quantity - row.delivered_qty);
        const a = lineAmounts({ quantity: row.quantity, unitPrice: row.unit_price, discountBp: row.discount_bp, taxRateBp: row.tax_rate_bp });
        Object.assign(row, a);
        if (row.unit_price !== before.unit_price || row.discount_bp !== before.discount_bp) discountChecks.push({ index: i, row });
        let changed = false;
        for (const [field, b, a2] of [
          ['quantity', before.quantity, row.quantity],
          ['unitPrice', before.unit_price, row.unit_price],
          ['discountBp', before.discount_bp, row.discount_bp],
          ['warehouseId', before.warehouse_id, row.warehouse_id],
          ['customParams', before.custom_params, row.custom_params],
        ] as const) {
          if (sameValue(b, a2)) continue;
          changed = true;
          diff.push({ field: `line.${field}`, line: before.line_no, sku: before.sku, before: b ?? null, after: a2 ?? null });
        }
        magnitude += Math.abs(row.total - before.total);
        lines.push({ row, isNew: false, changed });
      } else {
        if (!input.productId) throw fieldError(`lines.${i}.productId`, 'v.required');
        const product = await tx
          .selectFrom('products')
          .select(['id', 'sku', 'name', 'spec', 'unit', 'list_price', 'tax_rate_bp', 'active'])
          .where('id', '=', input.productId)
          .executeTakeFirst();
        if (!product || !product.active) throw fieldError(`lines.${i}.productId`, 'v.choice');
        const priced = priceLine(
          { quantity: input.quantity, unitPrice: input.unitPrice ?? null, discountBp: input.discountBp ?? 0 },
          { listPrice: product.list_price, taxRateBp: product.tax_rate_bp, groupPrice: prices.get(product.id) ?? null },
        );
        const row: LineRow = {
          id: '',
          order_id: order.id,
          line_no: ++nextNo,
          product_id: product.id,
          sku: product.sku,
          name: product.name,
          spec: product.spec,
          custom_params: input.customParams ?? null,
          unit: product.unit,
          quantity: input.quantity,
          list_price: product.list_price,
          unit_price: priced.unitPrice,
          price_manual: priced.priceManual ? 1 : 0,
          discount_bp: priced.discountBp,
          tax_rate_bp: product.tax_rate_bp,
          amount: priced.amount,
          tax: priced.tax,
          total: priced.total,
          warehouse_id: input.warehouseId ?? null,
          allocated_qty: 0,
          delivered_qty: 0,
          cancelled_qty: 0,
        };
        discountChecks.push({ index: i, row });
        const unitPrice = row.unit_price;
        const discountBp = row.discount_bp;
        diff.push({ field: 'line.added', line: row.line_no, sku: row.sku, before: null, after: { quantity: row.quantity, unitPrice, discountBp, total: row.total } });
        magnitude += row.total;
        lines.push({ row, isNew: true, changed: true });
      }
    }
    for (const l of current) {
      if (kept.has(l.id)) continue;
      if (l.delivered_qty > 0) {
        throw new DeskError('change.belowDelivered', { line: l.line_no, sku: l.sku, quantity: 0, delivered: l.delivered_qty });
      }
      removed.push(l);
      diff.push({ field: 'line.removed', line: l.line_no, sku: l.sku, before: { quantity: l.quantity, total: l.total }, after: null });
      magnitude += l.total;
    }
    touches.lines = removed.length > 0 || lines.some((l) => l.changed);
    const issues = discountChecks.flatMap(({ index, row }) =>
      discountIssues(
        [{ referencePrice: referenceOf(row), unitPrice: row.unit_price, discountBp: row.discount_bp, priceManual: row.price_manual === 1, quantity: row.quantity }],
        discountLimit,
        role,
      ).map((f) => Object.assign({}, f, { path: f.path.replace(/^lines\.0\./, `lines.${index}.`) })),
    );
    if (issues.length) throw new DeskError('validation.failed', { count: issues.length }, { fields: issues });
  } else {
    for (const row of current) lines.push({ row: { ...row }, isNew: false, changed: false });
  }

  const totals = sumTotals(lines.map((l) => l.row));
  if (totals.total !== order.total) diff.push({ field: 'total', before: order.total, after: totals.total });
  // Custom requirements as order entry keeps them: the order's flag, or custom parameters on a line.
  const customText = 'custom_text' in header ? header.custom_text : order.custom_text;
  const hasText = (customText ?? '').trim() !== '';
  const required = payload.header?.customRequired ?? (order.custom_flag === 1 || ('custom_text' in header && hasText));
  if (payload.header?.customRequired && !hasText) throw fieldError('header.customText', 'order.customTextRequired');
  const customFlag = required || lines.some((l) => (l.row.custom_params ?? '').trim() !== '') ? 1 : 0;
  if (customFlag !== order.custom_flag) {
    diff.push({ field: 'customRequired', before: order.custom_flag === 1, after: customFlag === 1 });
    touches.other.push('customRequired');
  }
  const customChanged =
    'custom_text' in header ||
    customFlag > order.custom_flag ||
    lines.some((l) => l.changed && !sameValue(l.row.custom_params, current.find((c) => c.id === l.row.id)?.custom_params));
  return { header, lines, removed, totals, diff, amountDelta: totals.total - order.total, magnitude, customChanged, customFlag, touches };
}

export type AmendRoute = 'window' | 'small_change' | 'change_request';

/** The instant the free-change window starts: submission, or payment if that came later. */
export function windowStart(order: Pick<OrdersTable, 'submitted_at' | 'paid_at'>): string | null {
  const s = order.submitted_at;
  const p = order.paid_at;
  if (!s) return p;
  if (!p) return s;
  return p > s ? p : s;
}

export function insideWindow(order: Pick<OrdersTable, 'submitted_at' | 'paid_at'>, now: string, minutes: number): boolean {
  const start = windowStart(order);
  if (!start) return true;
  return Date.parse(now) < Date.parse(start) + minutes * 60_000;
}

/**
 * Small-change authority after the window: nothing but lines, dates, the delivery method and notes
 * changed; the lines' money moved by less than the limit; every date moved (not set or cleared) by
 * at most N days.
 */
export function isSmallChange(plan: Pick<AmendPlan, 'touches' | 'magnitude'>, settings: Settings): boolean {
  if (plan.touches.other.length) return false;
  if (plan.touches.lines && plan.magnitude >= settings.smallChangeLimit) return false;
  return plan.touches.dates.every((d) => d.days !== null && Math.abs(d.days) <= settings.smallChangeDateDays);
}

export function routeAmendment(order: OrderRow, plan: AmendPlan, settings: Settings, now: string): AmendRoute {
  if (insideWindow(order, now, settings.changeWindowMinutes)) return 'window';
  return isSmallChange(plan, settings) ? 'small_change' : 'change_request';
}

function snapshot(order: OrderRow, lines: readonly LineRow[]): string {
  const head: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(HEADER_COLUMNS)) head[key] = order[column as keyof OrderRow] ?? null;
  return JSON.stringify({
    header: Object.assign({}, head, { subtotal: order.subtotal, taxTotal: order.tax_total, total: order.total, status: order.status }),
    lines: lines.map((l) => ({
      lineNo: l.line_no,
      productId: l.product_id,
      sku: l.sku,
      quantity: l.quantity,
      unitPrice: l.unit_price,
      discountBp: l.discount_bp,
      total: l.total,
      warehouseId: l.warehouse_id,
      deliveredQty: l.delivered_qty,
      cancelledQty: l.cancelled_qty,
      customParams: l.custom_params,
    })),
  });
}

export interface AppliedChange {
  revision: number;
  diff: DiffEntry[];
  review: ReviewOutcome;
}

/** When and by whom the order was first submitted (its status history). */
async function firstSubmission(tx: Tx, orderId: string): Promise<{ at: string; user_id: string | null } | undefined> {
  return tx
    .selectFrom('order_status_history')
    .select(['at', 'user_id'])
    .where('order_id', '=', orderId)
    .where('to_status', '=', 'submitted')
    .orderBy('at')
    .limit(1)
    .executeTakeFirst();
}

/**
 * Apply a plan: release the old reservation, write header and lines, record a new revision with its
 * diff, flag the order as changed, then review it again (credit, stock, custom).
 */
export async function applyAmendment(tx: Tx, orderId: string, plan: AmendPlan, env: MutatorEnv, reason: string): Promise<AppliedChange> {
  const order = await loadOrder(tx, orderId);
  if (plan.diff.length === 0) throw new DeskError('change.nothing');
  const before = await tx.selectFrom('order_lines').selectAll().where('order_id', '=', orderId).orderBy('line_no').execute();
  const hasBase = await tx
    .selectFrom('order_versions')
    .select('id')
    .where('order_id', '=', orderId)
    .where('revision', '=', order.revision)
    .executeTakeFirst();
  if (!hasBase) {
    // Revision 0 is written with the first change, not at submit: most orders never change, and
    // until one does its row and lines are what was submitted. It carries the submission's time
    // and author, as if it had been written then.
    const submitted = order.revision === 0 ? await firstSubmission(tx, orderId) : undefined;
    await tx
      .insertInto('order_versions')
      .values({
        id: env.ids.next(),
        order_id: orderId,
        revision: order.revision,
        snapshot: snapshot(order, before),
        diff: null,
        reason: encodeReason(submitted ? 'submitted' : 'beforeChange'),
        created_at: submitted?.at ?? env.now,
        created_by: submitted ? submitted.user_id : env.userId,
      })
      .execute();
  }
  await releaseOrder(tx, orderId, env);
  for (const l of plan.removed) await tx.deleteFrom('order_lines').where('id', '=', l.id).execute();
  for (const { row, isNew, changed } of plan.lines) {
    if (isNew) {
      await tx.insertInto('order_lines').values(Object.assign({}, row, { id: env.ids.next() })).execute();
    } else if (changed) {
      await tx
        .updateTable('order_lines')
        .set({
          quantity: row.quantity,
          unit_price: row.unit_price,
          price_manual: row.price_manual,
          discount_bp: row.discount_bp,
          amount: row.amount,
          tax: row.tax,
          total: row.total,
          warehouse_id: row.warehouse_id,
          custom_params: row.custom_params,
          cancelled_qty: row.cancelled_qty,
        })
        .where('id', '=', row.id)
        .execute();
    }
  }
  const revision = order.revision + 1;
  await tx
    .updateTable('orders')
    .set((eb) =>
      Object.assign({}, plan.header as Updateable<OrdersTable>, {
        subtotal: plan.totals.subtotal,
        tax_total: plan.totals.taxTotal,
        total: plan.totals.total,
        line_count: plan.lines.length,
        custom_flag: plan.customFlag,
        changed_flag: 1,
        revision,
        row_version: eb('row_version', '+', 1),
        updated_at: env.now,
      }),
    )
    .where('id', '=', orderId)
    .execute();
  let after = await loadOrder(tx, orderId);
  const afterLines = await tx.selectFrom('order_lines').selectAll().where('order_id', '=', orderId).orderBy('line_no').execute();
  const customer = await tx.selectFrom('customers').select(['code', 'name', 'name_pinyin']).where('id', '=', after.customer_id).executeTakeFirst();
  if (customer) {
    const searchText = buildSearchText({
      number: after.number,
      customerCode: customer.code,
      customerName: customer.name,
      customerPinyin: customer.name_pinyin,
      contactPhone: after.contact_phone,
      shipPhone: after.ship_phone,
      skus: afterLines.map((l) => l.sku),
      customerPo: after.customer_po,
    });
    if (searchText !== after.search_text) {
      await tx.updateTable('orders').set({ search_text: searchText }).where('id', '=', orderId).execute();
      after = Object.assign({}, after, { search_text: searchText });
    }
  }
  await tx
    .insertInto('order_versions')
    .values({ id: env.ids.next(), order_id: orderId, revision, snapshot: snapshot(after, afterLines), diff: JSON.stringify(plan.diff), reason, created_at: env.now, created_by: env.userId })
    .execute();
  const review = await reviewOrder(tx, orderId, env, { credit: true, custom: plan.customChanged && plan.customFlag ? 'force' : 'auto', reason });
  return { revision, diff: plan.diff, review };
}

/** File a change request: the order keeps its version; the queue gets a change_request hold. */
export async function fileChangeRequest(
  tx: Tx,
  order: OrderRow,
  payload: AmendPayload,
  plan: AmendPlan,
  env: MutatorEnv,
  comment: string | null,
): Promise<{ changeRequestId: string; holdId: string }> {
  // One open request per order: a newer one replaces the older.
  const older = await tx.selectFrom('change_requests').select('id').where('order_id', '=', order.id).where('status', '=', 'open').execute();
  if (older.length) {
    await tx
      .updateTable('change_requests')
      .set({ status: 'rejected', decided_at: env.now, decided_by: env.userId, comment: 'superseded by a newer request' })
      .where('order_id', '=', order.id)
      .where('status', '=', 'open')
      .execute();
    await tx
      .updateTable('order_holds')
      .set({ status: 'superseded', decided_at: env.now, decided_by: env.userId })
      .where('order_id', '=', order.id)
      .where('kind', '=', 'change_request')
      .where('status', '=', 'open')
      .execute();
  }
  const changeRequestId = env.ids.next();
  await tx
    .insertInto('change_requests')
    .values({
      id: changeRequestId,
      order_id: order.id,
      base_revision: order.revision,
      payload: JSON.stringify(payload),
      diff: JSON.stringify(plan.diff),
      amount_delta: plan.amountDelta,
      status: 'open',
      requested_by: env.userId ?? 'system',
      requested_at: env.now,
      decided_by: null,
      decided_at: null,
      comment,
    })
    .execute();
  const holdId = env.ids.next();
  await tx
    .insertInto('order_holds')
    .values({
      id: holdId,
      order_id: order.id,
      kind: 'change_request',
      code: 'change.request',
      params: JSON.stringify({
        changes: plan.diff.filter((d) => d.field !== 'total').length,
        delta: plan.amountDelta,
        deltaText: formatMoney(plan.amountDelta),
        newTotal: plan.totals.total,
        newTotalText: formatMoney(plan.totals.total),
      }),
      status: 'open',
      created_at: env.now,
      decided_at: null,
      decided_by: null,
      comment,
      awaiting_change: 0,
      change_request_id: changeRequestId,
    })
    .execute();
  await tx
    .updateTable('orders')
    .set((eb) => ({ row_version: eb('row_version', '+', 1), updated_at: env.now }))
    .where('id', '=', order.id)
    .execute();
  return { changeRequestId, holdId };
}

