/**
 * Facts the review rules need, read with portable Kysely (SQLite on the desk, PostgreSQL on the hub).
 * Sums come back as numbers from SQLite and as strings from PostgreSQL: always pass through Number().
 */
import { precompiled } from '../db/precompiled';
import type { Tx } from '../mutators/env';
import type { Settings } from '../settings';
import { openQty, orderLines, resolveWarehouses, type AllocLine } from './allocation';
import type { CreditFacts, StockFact, StockLine } from './checks';

/** Orders whose total counts in the customer's exposure until they are billed (a settlement replaces it). */
export const EXPOSURE_STATUSES = ['approved', 'allocated', 'picking', 'partly_shipped', 'shipped', 'delivered'] as const;

/** YYYY-MM-DD of an ISO instant (UTC). */
export function isoDate(instant: string): string {
  return instant.slice(0, 10);
}

/** Calendar arithmetic on a YYYY-MM-DD date (UTC); the day is clamped to the target month. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.slice(0, 10).split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const t = Date.parse(`${date.slice(0, 10)}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** Whole days from a to b (both dates or instants; only the date part counts). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b.slice(0, 10)}T00:00:00Z`) - Date.parse(`${a.slice(0, 10)}T00:00:00Z`)) / 86_400_000);
}

/** [from, to) of the collection window: the three months up to and including today. */
export function collectionWindow(now: string): { from: string; to: string } {
  const today = isoDate(now);
  return { from: addMonths(today, -3), to: addDays(today, 1) };
}

export interface ExposureFacts {
  creditLimit: number;
  unpaidSettlements: number;
  openApprovedUnsettled: number;
}

const creditLimit = precompiled<{ customerId: string }>()((db, arg) =>
  db.selectFrom('customers').select('credit_limit').where('id', '=', arg('customerId')),
);
const unpaidBalance = precompiled<{ customerId: string }>()((db, arg) =>
  db.selectFrom('customer_balances').select('unpaid').where('customer_id', '=', arg('customerId')),
);
// Read from the covering index (customer_id, status, billed_at, total) alone: a test on any other
// column (excluding the order under review by id) made it visit every order's row, 65 ms cold for
// a customer with 3,500 open orders. The order's own share is subtracted instead.
const openUnbilled = precompiled<{ customerId: string }>()((db, arg) =>
  db
    .selectFrom('orders as o')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('o.total'), eb.lit(0)).as('n'))
    .where('o.customer_id', '=', arg('customerId'))
    .where('o.status', 'in', [...EXPOSURE_STATUSES])
    .where('o.billed_at', 'is', null),
);
const collected = precompiled<{ customerId: string; from: string; to: string }>()((db, arg) =>
  db
    .selectFrom('customer_dues')
    .select((eb) => [eb.fn.coalesce(eb.fn.sum<number>('due'), eb.lit(0)).as('due'), eb.fn.coalesce(eb.fn.sum<number>('paid'), eb.lit(0)).as('paid')])
    .where('customer_id', '=', arg('customerId'))
    .where('due_date', '>=', arg('from'))
    .where('due_date', '<', arg('to')),
);

/**
 * The credit exposure around `order`, the row as stored: its own share (when it is approved and not
 * yet billed) is taken out of the open orders, since the caller counts it as "this order".
 */
export async function exposureFacts(
  tx: Tx,
  order: { customer_id: string; status: string; billed_at: string | null; total: number },
): Promise<ExposureFacts> {
  const customerId = order.customer_id;
  const customer = await creditLimit.first(tx, { customerId });
  const unpaid = await unpaidBalance.first(tx, { customerId });
  const open = await openUnbilled.first(tx, { customerId });
  return {
    creditLimit: customer?.credit_limit ?? 0,
    unpaidSettlements: Number(unpaid?.unpaid ?? 0),
    openApprovedUnsettled: Number(open?.n ?? 0) - (isExposed(order) ? order.total : 0),
  };
}

export async function collectionFacts(tx: Tx, customerId: string, now: string): Promise<{ paid: number; due: number }> {
  const row = await collected.first(tx, { customerId, ...collectionWindow(now) });
  return { paid: Number(row?.paid ?? 0), due: Number(row?.due ?? 0) };
}

/** Whether an order's total counts in its customer's exposure (approved … delivered, not billed). */
export function isExposed(order: { status: string; billed_at: string | null }): boolean {
  return (EXPOSURE_STATUSES as readonly string[]).includes(order.status) && order.billed_at === null;
}

/** `order` must be the row as stored (status, billed_at and total as the database has them). */
export async function creditFacts(
  tx: Tx,
  order: { id: string; customer_id: string; payment_method: 'cash' | 'credit'; total: number; status: string; billed_at: string | null },
  settings: Settings,
  now: string,
): Promise<CreditFacts> {
  const exposure = await exposureFacts(tx, order);
  const collection = await collectionFacts(tx, order.customer_id, now);
  return {
    paymentMethod: order.payment_method,
    creditLimit: exposure.creditLimit,
    unpaidSettlements: exposure.unpaidSettlements,
    openApprovedUnsettled: exposure.openApprovedUnsettled,
    orderTotal: order.total,
    paidLast3Months: collection.paid,
    dueLast3Months: collection.due,
    thresholdBp: settings.collectionRateThresholdBp,
  };
}

const stockOf = precompiled<{ productIds: string[] }>()((db, arg) =>
  db
    .selectFrom('stock')
    .innerJoin('warehouses', 'warehouses.id', 'stock.warehouse_id')
    .select([
      'stock.product_id',
      'stock.warehouse_id',
      'stock.on_hand',
      'stock.allocated',
      'stock.in_transit',
      'stock.in_transit_eta',
      'warehouses.code as warehouse_code',
      'warehouses.active as warehouse_active',
    ])
    .where('stock.product_id', 'in', arg('productIds')),
);

export interface StockInputs {
  lines: StockLine[];
  stock: StockFact[];
  raw: AllocLine[];
  /** The warehouse each line draws from (line id → warehouse id), as resolveWarehouses decided. */
  where: Map<string, string | null>;
}

/**
 * Stock-check inputs for what the order still has to reserve: per line its warehouse (resolved)
 * and quantity − delivered − cancelled − already allocated.
 */
export async function stockInputs(
  tx: Tx,
  order: { id: string; warehouse_id: string | null },
  withAwaiting = false,
  /** The order's lines as stored, in line order, when the caller has just read them. */
  known?: readonly AllocLine[],
): Promise<StockInputs> {
  const raw = known ? [...known] : await orderLines(tx, order.id);
  const productIds = [...new Set(raw.map((l) => l.product_id))];
  // One read serves both the warehouse choice of lines without one and the check itself.
  const rows = productIds.length ? await stockOf.rows(tx, { productIds }) : [];
  const where = await resolveWarehouses(tx, order.warehouse_id, raw, rows);
  const lines: StockLine[] = raw.map((l) => ({
    lineNo: l.line_no,
    productId: l.product_id,
    warehouseId: where.get(l.id) ?? null,
    quantity: Math.max(0, openQty(l) - l.allocated_qty),
    sku: l.sku,
  }));
  const awaiting = new Map<string, number>();
  if (withAwaiting && productIds.length) {
    for (const a of await awaitingStock(tx, productIds, order.id)) awaiting.set(`${a.product_id}|${a.warehouse_id}`, a.n);
  }
  const stock: StockFact[] = rows.map((r) => ({
    productId: r.product_id,
    warehouseId: r.warehouse_id,
    onHand: r.on_hand,
    allocated: r.allocated,
    inTransit: r.in_transit,
    inTransitEta: r.in_transit_eta,
    awaiting: awaiting.get(`${r.product_id}|${r.warehouse_id}`) ?? 0,
  }));
  return { lines, stock, raw, where };
}

const RESERVING = ['approved', 'allocated', 'picking', 'partly_shipped'] as const;

const awaitingOf = precompiled<{ productIds: string[]; excludeOrderId: string }>()((db, arg) =>
  db
    .selectFrom('order_lines as l')
    .innerJoin('orders as o', 'o.id', 'l.order_id')
    .select((eb) => [
      'l.product_id',
      'l.warehouse_id',
      eb.fn.sum<number>(eb(eb(eb('l.quantity', '-', eb.ref('l.delivered_qty')), '-', eb.ref('l.cancelled_qty')), '-', eb.ref('l.allocated_qty'))).as('n'),
    ])
    .where('l.product_id', 'in', arg('productIds'))
    .where('o.status', 'in', [...RESERVING])
    .where('o.id', '!=', arg('excludeOrderId'))
    .where((eb) => eb(eb(eb(eb('l.quantity', '-', eb.ref('l.delivered_qty')), '-', eb.ref('l.cancelled_qty')), '-', eb.ref('l.allocated_qty')), '>', 0))
    .groupBy(['l.product_id', 'l.warehouse_id']),
);

/**
 * Per product × warehouse, what approved orders (other than this one) still owe without a
 * reservation: they were approved on in-transit stock that has not been reserved yet.
 */
export async function awaitingStock(tx: Tx, productIds: readonly string[], excludeOrderId: string): Promise<{ product_id: string; warehouse_id: string; n: number }[]> {
  const rows = await awaitingOf.rows(tx, { productIds: [...productIds], excludeOrderId });
  return rows.filter((r) => r.warehouse_id !== null).map((r) => ({ product_id: r.product_id, warehouse_id: r.warehouse_id as string, n: Number(r.n) }));
}
