/**
 * Demo order history: a year of orders with seasons, repeat customers and product affinities, most
 * of them finished (delivered, settled, closed) with their settlements and payments, the most
 * recent ones still open (draft, submitted, on hold with reasons, approved with stock reserved,
 * picking, shipped).
 *
 * Written straight into SQLite in batches (see load.ts for why this bypasses the dispatcher).
 * Every committed batch keeps the allocation invariant: stock.allocated per product × warehouse is
 * the sum of allocated_qty of the open lines there.
 */
import type Database from 'better-sqlite3';
import type { OrdersTable } from '../../shared/db/orders.table';
import { formatMoney, lineAmounts, sumTotals, type LineAmounts } from '../../shared/money';
import { formatOrderNumber, orderCounterName } from '../../shared/orders/numbering';
import { encodeReason } from '../../shared/orders/reasons';
import { buildSearchText } from '../../shared/orders/search-text';
import type { OrderStatus } from '../../shared/orders/status';
import { bpToPercent, collectionRateBp } from '../../shared/review/checks';
import { BatchWriter, TableWriter, deferInsertTriggers, deferSettlementFigures, type StorageTimer } from './bulk';
import { CUSTOM_REQUIREMENTS, ORDER_NOTES } from './names';
import { HOUR_WEIGHTS, apportion, demoDays, isoInstant, localDate, zoneOffsetMs, type DemoDay } from './calendar';
import { AFFINITY } from './catalog';
import { DAY_MS, type DemoCustomer, type DemoProduct, type MasterData } from './masters';
import { Rng, Weighted } from './random';

const HOUR_MS = 3_600_000;
/** The status-history reason of an on-hold order the approver let through. */
const RELEASED = encodeReason('released');
const MINUTE_MS = 60_000;

export interface OrderGenOptions {
  orders: number;
  /** The "now" of the data set (ms). */
  asOf: number;
  deskCode: string;
  timeZone: string;
  /** Ids of the users who entered orders (clerks mostly). */
  enteredBy: { id: string; weight: number }[];
  /** Who released holds, shipped and settled (status history). */
  staff: { approver: string | null; warehouse: string | null; manager: string | null };
  /** Orders per transaction. */
  chunkSize?: number;
  /** Orders newer than this many days get per-step status history rows; older ones keep only their timestamps. */
  historyDays?: number;
  /** Minimum paid ÷ due over three months (bp) below which a customer's credit orders are held. */
  collectionThresholdBp?: number;
  /** When given, time spent in SQLite (inserts, index replay, commits) is added to it. */
  timer?: StorageTimer;
  /** Called after each committed batch (e.g. to report progress and let the event loop breathe). */
  onBatch?: (done: number, total: number) => void | Promise<void>;
}

export interface OrderStats {
  orders: number;
  lines: number;
  byStatus: Record<string, number>;
  holds: number;
  settlements: number;
}

/** Settlement numbers follow the order numbers' pattern: ST-<desk>-<yyyymmdd>-<seq>, counter per day. */
export function settlementCounterName(deskCode: string, ymd: string): string {
  return `ST-${deskCode}-${ymd}`;
}

/** Quantity on one line: mostly small, sometimes up to qtyMax; bulk items in tens. */
export function quantity(rng: Rng, qtyMax: number, scale: number): number {
  let q = 1 + Math.floor((qtyMax - 1) * rng.next() ** 2.3 * scale + rng.next() * 0.5);
  if (qtyMax >= 100 && q > 20) q = Math.round(q / 10) * 10;
  return Math.max(1, Math.min(q, qtyMax * 3));
}

const LINE_COUNTS = new Weighted([1, 2, 3, 4, 5, 6], [22, 24, 20, 15, 11, 8]);

interface Line {
  product: number;
  qty: number;
  unitPrice: number;
  discountBp: number;
  amounts: LineAmounts;
  allocated: number;
  delivered: number;
  customParams: string | null;
}

interface Held {
  orderId: string;
  customer: number;
  total: number;
  at: string;
  reasons: { kind: 'credit' | 'stock' | 'custom_review'; code: string; params: Record<string, string | number> }[];
  credit: boolean;
}

interface CustomerBook {
  /** Unpaid balance of open settlements. */
  unpaid: number;
  /** Totals of approved … shipped orders without a settlement (they count in exposure). */
  openOrders: number;
  /** Settlements falling due in the last three months: due and paid. */
  due3m: number;
  paid3m: number;
  largestOrder: number;
  poSeq: number;
}

/** What the customer's orders are made of: favourites, and everything else by popularity. */
class Basket {
  readonly all: Weighted<number>;
  readonly byGroup = new Map<string, Weighted<number>>();
  readonly favourites: number[][];

  constructor(rng: Rng, products: DemoProduct[], customers: DemoCustomer[]) {
    const idx = products.map((_, i) => i);
    this.all = new Weighted(idx, products.map((p) => p.weight));
    const groups = new Map<string, number[]>();
    products.forEach((p, i) => groups.set(p.group, [...(groups.get(p.group) ?? []), i]));
    for (const [g, list] of groups) this.byGroup.set(g, new Weighted(list, list.map((i) => products[i].weight)));
    // Repeat customers re-order what they bought before.
    this.favourites = customers.map(() => {
      const set = new Set<number>();
      const n = rng.int(6, 18);
      for (let k = 0; k < n * 3 && set.size < n; k++) {
        const p = this.all.draw(rng);
        if (!products[p].makeToOrder) set.add(p);
      }
      return [...set];
    });
  }
}

function pickProducts(rng: Rng, basket: Basket, products: DemoProduct[], customer: number, n: number): number[] {
  const chosen: number[] = [];
  const fav = basket.favourites[customer];
  for (let k = 0; k < n; k++) {
    let p = -1;
    for (let attempt = 0; attempt < 6 && (p < 0 || chosen.includes(p)); attempt++) {
      const roll = rng.next();
      if (chosen.length > 0 && roll < 0.65) {
        const anchor = products[chosen[Math.floor(rng.next() * chosen.length)]];
        const options = AFFINITY[anchor.group];
        if (options) {
          let total = 0;
          for (const [, w] of options) total += w;
          let x = rng.next() * total;
          let group = options[0][0];
          for (const [g, w] of options) {
            if ((x -= w) < 0) {
              group = g;
              break;
            }
          }
          p = basket.byGroup.get(group)?.draw(rng) ?? basket.all.draw(rng);
          continue;
        }
      }
      p = fav.length && roll < 0.82 ? fav[Math.floor(rng.next() * fav.length)] : basket.all.draw(rng);
    }
    if (p >= 0 && !chosen.includes(p)) chosen.push(p);
  }
  return chosen;
}

function orderTime(rng: Rng, day: DemoDay, hours: Weighted<number>): number {
  const t = day.start + hours.draw(rng) * HOUR_MS + Math.floor(rng.next() * HOUR_MS);
  if (t < day.untilMs) return t;
  const open = day.start + 8.5 * HOUR_MS;
  return open + Math.floor(rng.next() * Math.max(1, day.untilMs - open));
}

const iso = isoInstant;

/**
 * How a demo order travels, by channel: store customers mostly carry their goods away, online
 * orders go by courier, phone orders by the desk's van, wholesale by freight. Taken from the day's
 * order sequence, not the random stream, so the rest of the generated history stays as it was.
 */
function deliveryFor(channel: OrdersTable['channel'], seq: number): OrdersTable['delivery_method'] {
  switch (channel) {
    case 'store':
      return seq % 3 === 0 ? 'delivery' : 'pickup';
    case 'online':
      return seq % 5 === 0 ? 'delivery' : 'courier';
    case 'wholesale':
      return seq % 3 === 0 ? 'delivery' : 'freight';
    default:
      return seq % 4 === 0 ? 'courier' : 'delivery';
  }
}

/**
 * Generate and insert the order history. Master data must already be in the store (ids in
 * `m`); stock rows exist with allocated = 0.
 */
export async function writeOrders(raw: Database.Database, m: MasterData, seed: Rng, opts: OrderGenOptions): Promise<OrderStats> {
  const rng = seed.fork('orders');
  const chunkSize = opts.chunkSize ?? 50_000;
  const historyFrom = opts.asOf - (opts.historyDays ?? 30) * DAY_MS;
  const threshold = opts.collectionThresholdBp ?? 8_000;
  const { customers, products, warehouses } = m;
  const W = warehouses.length;
  const offset = zoneOffsetMs(opts.timeZone, opts.asOf);
  const basket = new Basket(rng.fork('basket'), products, customers);
  const customerDist = new Weighted(customers.map((_, i) => i), customers.map((c) => c.weight));
  const hours = new Weighted(HOUR_WEIGHTS.map(([h]) => h), HOUR_WEIGHTS.map(([, w]) => w));
  const users = new Weighted(opts.enteredBy.map((u) => u.id), opts.enteredBy.map((u) => u.weight));
  const today = localDate(opts.asOf, offset);
  const threeMonthsAgo = (() => {
    const d = new Date(`${today}T00:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() - 3);
    return d.toISOString().slice(0, 10);
  })();

  // Available stock per product × warehouse (-1: no stock row, e.g. made-to-order items).
  const available = new Int32Array(products.length * W).fill(-1);
  for (const s of m.stock) available[s.product * W + s.warehouse] = s.onHand;
  const books: CustomerBook[] = customers.map(() => ({ unpaid: 0, openOrders: 0, due3m: 0, paid3m: 0, largestOrder: 0, poSeq: 0 }));
  // Customers whose new credit orders wait for an approver: bad payers, and a few who are at their limit.
  const creditWatch = customers.map((c) => c.paymentTermsDays > 0 && (c.payer === 'bad' || (c.payer === 'slow' && rng.chance(0.3)) || rng.chance(0.02)));

  const days = demoDays(opts.asOf, opts.timeZone, 365);
  const perDay = apportion(opts.orders, days.map((d) => d.weight));
  const orderSeq = new Map<string, number>();
  const settlementSeq = new Map<string, number>();
  const held: Held[] = [];
  const stats: OrderStats = { orders: 0, lines: 0, byStatus: {}, holds: 0, settlements: 0 };

  const timer = opts.timer;
  const wOrders = new BatchWriter(raw, 'orders', timer);
  const wLines = new BatchWriter(raw, 'order_lines', timer);
  const wHistory = new BatchWriter(raw, 'order_status_history', timer);
  const wSettlements = new BatchWriter(raw, 'settlements', timer);
  const wPayments = new BatchWriter(raw, 'payments', timer);
  const writers = [wOrders, wLines, wHistory, wSettlements, wPayments];
  const lastOrderSeq = raw.prepare<[], { seq: number }>('SELECT coalesce(max(seq), 0) AS seq FROM orders');
  const allocStmt = raw.prepare('UPDATE stock SET allocated = allocated + ?, updated_at = ? WHERE product_id = ? AND warehouse_id = ?');
  const deferred = deferInsertTriggers(raw, 'orders');
  const figures = deferSettlementFigures(raw);

  let dayIndex = 0;
  let leftToday = perDay[0] ?? 0;
  let todayTimes: number[] = [];
  const nextTime = (): { t: number; day: DemoDay } => {
    while (leftToday === 0 || todayTimes.length === 0) {
      if (todayTimes.length === 0 && leftToday > 0) {
        const day = days[dayIndex];
        todayTimes = Array.from({ length: leftToday }, () => orderTime(rng, day, hours)).sort((a, b) => b - a);
        continue;
      }
      dayIndex++;
      leftToday = perDay[dayIndex];
    }
    leftToday--;
    return { t: todayTimes.pop()!, day: days[dayIndex] };
  };

  const genOne = (alloc: Map<number, number>) => {
    const { t: tCreated, day } = nextTime();
    const ci = customerDist.draw(rng);
    const c = customers[ci];
    const book = books[ci];
    const wh = c.warehouse;
    const seq = (orderSeq.get(day.ymd) ?? 0) + 1;
    orderSeq.set(day.ymd, seq);
    const number = formatOrderNumber(opts.deskCode, day.ymd, seq);
    const id = rng.uuid7(tCreated);

    const custom = rng.chance(0.02);
    const scale = c.priceGroup === 2 ? 1 + rng.next() * 2 : c.priceGroup === 1 ? 1 + rng.next() : 1;
    const picks = pickProducts(rng, basket, products, ci, LINE_COUNTS.draw(rng));
    const lines: Line[] = picks.map((pi, k) => {
      const p = products[pi];
      const unitPrice = p.prices[c.priceGroup];
      const discountBp = rng.chance(0.08) ? rng.pick([200, 300, 500, 800]) : 0;
      const qty = quantity(rng, p.qtyMax, scale);
      return {
        product: pi,
        qty,
        unitPrice,
        discountBp,
        amounts: lineAmounts({ quantity: qty, unitPrice, discountBp, taxRateBp: p.taxRateBp }),
        allocated: 0,
        delivered: 0,
        customParams: custom && k === 0 ? '按客户确认的图纸 / 样稿' : null,
      };
    });
    const totals = sumTotals(lines.map((l) => l.amounts));
    book.largestOrder = Math.max(book.largestOrder, totals.total);

    // The order's life so far: each step's time, stopping where "now" falls.
    const credit = c.paymentTermsDays > 0 && rng.chance(0.92);
    const steps: [OrderStatus, number][] = [];
    let status: OrderStatus = 'draft';
    const tSubmitted = tCreated + rng.int(2, 20) * MINUTE_MS;
    const age = opts.asOf - tCreated;
    let submittedAt: number | null = null;
    let approvedAt: number | null = null;
    let paidAt: number | null = null;
    let closedAt: number | null = null;
    let cancelledAt: number | null = null;
    let settlement: { issued: number; amount: number; paid: number; paidAt: number | null; due: string } | null = null;
    let holdReasons: Held['reasons'] | null = null;
    const go = (to: OrderStatus, at: number) => {
      steps.push([to, at]);
      status = to;
    };

    const isDraft = tSubmitted > opts.asOf || (age < 1.5 * DAY_MS && rng.chance(0.1));
    if (!isDraft) {
      submittedAt = tSubmitted;
      go('submitted', tSubmitted);
      const cancelAt = rng.chance(0.03) ? tSubmitted + rng.int(30, 72 * 60) * MINUTE_MS : Infinity;
      const reviewLater = opts.asOf - tSubmitted < 6 * HOUR_MS && rng.chance(0.05);
      // Held at review in the past (released later), or custom work needing the customer's sign-off.
      const holdFor = custom ? rng.int(2, 48) * HOUR_MS : rng.chance(0.05) ? rng.int(1, 30) * HOUR_MS : 0;
      const tApproved = tSubmitted + (holdFor || rng.int(1, 30) * 1000);
      const tShipped = tApproved + rng.int(8, 72) * HOUR_MS;
      const tDelivered = tShipped + rng.int(20, 96) * HOUR_MS;
      if (cancelAt <= opts.asOf && cancelAt < tShipped) {
        if (holdFor) go('on_hold', tSubmitted);
        if (tApproved < cancelAt) {
          go('approved', tApproved);
          approvedAt = tApproved;
        }
        go('cancelled', cancelAt);
        cancelledAt = cancelAt;
      } else if (reviewLater) {
        // Waiting for review: nothing more yet.
      } else if (opts.asOf < tShipped) {
        // Open now: reviewed with today's facts (stock left, the customer's credit standing).
        const reasons: Held['reasons'] = [];
        if (custom && opts.asOf < tApproved) {
          reasons.push({ kind: 'custom_review', code: 'review.customReview', params: { text: CUSTOM_REQUIREMENTS[ci % CUSTOM_REQUIREMENTS.length] } });
        }
        lines.forEach((l, k) => {
          const left = available[l.product * W + wh];
          const free = Math.max(0, left);
          if (l.qty > free) {
            reasons.push({
              kind: 'stock',
              code: 'stock.short',
              params: { line: k + 1, sku: products[l.product].sku, need: l.qty, available: free, short: l.qty - free },
            });
          }
        });
        const creditHeld = credit && creditWatch[ci] && opts.asOf - tSubmitted < 3 * DAY_MS;
        if (reasons.length || creditHeld) {
          go('on_hold', tSubmitted);
          holdReasons = reasons;
          held.push({ orderId: id, customer: ci, total: totals.total, at: iso(tSubmitted), reasons, credit: creditHeld });
        } else {
          // A hold without a standing reason was released a moment ago.
          approvedAt = Math.min(tApproved, opts.asOf);
          if (holdFor) go('on_hold', tSubmitted);
          go('approved', approvedAt);
          for (const l of lines) {
            available[l.product * W + wh] -= l.qty;
            l.allocated = l.qty;
            alloc.set(l.product * W + wh, (alloc.get(l.product * W + wh) ?? 0) + l.qty);
          }
          const pickAt = Math.max(approvedAt + MINUTE_MS, opts.asOf - rng.int(5, 120) * MINUTE_MS);
          if (tShipped - opts.asOf < 6 * HOUR_MS && pickAt <= opts.asOf && rng.chance(0.6)) go('picking', pickAt);
          book.openOrders += totals.total;
        }
      } else {
        if (holdFor) go('on_hold', tSubmitted);
        go('approved', tApproved);
        approvedAt = tApproved;
        go('shipped', tShipped);
        for (const l of lines) l.delivered = l.qty;
        if (opts.asOf < tDelivered) {
          book.openOrders += totals.total;
        } else {
          go('delivered', tDelivered);
          const due = localDate(tDelivered + c.paymentTermsDays * DAY_MS, offset);
          const dueMs = tDelivered + c.paymentTermsDays * DAY_MS;
          let tPaid: number | null;
          if (!credit) tPaid = tDelivered + rng.int(0, 4) * HOUR_MS;
          else if (c.payer === 'good') tPaid = Math.max(tDelivered + HOUR_MS, dueMs + rng.int(-8, 4) * DAY_MS);
          else if (c.payer === 'slow') tPaid = dueMs + rng.int(10, 50) * DAY_MS;
          else tPaid = rng.chance(0.4) ? null : dueMs + rng.int(30, 90) * DAY_MS;
          // Payments arrive in business hours, local time.
          if (tPaid !== null) {
            tPaid = Math.floor((tPaid + offset) / DAY_MS) * DAY_MS - offset + rng.int(9 * 60, 17 * 60) * MINUTE_MS;
            tPaid = Math.max(tPaid, tDelivered + HOUR_MS);
          }
          const paidNow = tPaid !== null && tPaid <= opts.asOf;
          const partial = !paidNow && c.payer !== 'good' && rng.chance(0.3) ? Math.floor(totals.total / 2) : 0;
          settlement = {
            issued: tDelivered,
            amount: totals.total,
            paid: paidNow ? totals.total : partial,
            paidAt: paidNow ? tPaid : partial ? Math.min(opts.asOf, tDelivered + rng.int(1, 20) * DAY_MS) : null,
            due,
          };
          if (!paidNow) book.unpaid += totals.total - partial;
          if (due >= threeMonthsAgo && due <= today) {
            book.due3m += totals.total;
            book.paid3m += settlement.paid;
          }
          if (paidNow) {
            paidAt = tPaid!;
            go('settled', tPaid!);
            const tClose = tPaid! + rng.int(12, 20) * DAY_MS;
            if (tClose <= opts.asOf && rng.chance(0.85)) {
              go('closed', tClose);
              closedAt = tClose;
            }
          }
        }
      }
    }

    const last = steps.length ? steps[steps.length - 1][1] : tCreated;
    const contact = rng.chance(0.8) ? c.contacts[0] : rng.pick(c.contacts);
    const address = rng.chance(0.8) ? c.addresses[0] : rng.pick(c.addresses);
    const home = c.addresses[0];
    const contactPhone = contact.landline && rng.chance(0.2) ? contact.landline : contact.mobile;
    const po = (c.priceGroup > 0 ? rng.chance(0.6) : rng.chance(0.1)) ? `CG${day.ymd.slice(2, 6)}${String(++book.poSeq).padStart(4, '0')}` : null;
    const requested = localDate(tCreated + rng.int(2, 7) * DAY_MS, offset);
    const promised = rng.chance(0.8) ? requested : localDate(Date.parse(`${requested}T12:00:00Z`) + rng.int(1, 3) * DAY_MS, 0);
    const skus = lines.map((l) => products[l.product].sku);
    const searchText = buildSearchText({
      number,
      customerCode: c.code,
      customerName: c.name,
      customerPinyin: c.pinyin,
      contactPhone,
      shipPhone: address.phone,
      skus,
      customerPo: po,
    });

    const channel = c.priceGroup === 2 ? rng.pick(['wholesale', 'wholesale', 'phone', 'online'] as const) : c.priceGroup === 1 ? rng.pick(['phone', 'wholesale', 'online'] as const) : rng.pick(['phone', 'online', 'store', 'phone'] as const);
    const row: OrdersTable = {
      id,
      number,
      desk_code: opts.deskCode,
      customer_id: c.id,
      status,
      row_version: steps.length + 1,
      revision: 0,
      channel,
      order_type: m.priceGroups[c.priceGroup].orderType,
      priority: rng.chance(0.08) ? 'urgent' : 'regular',
      delivery_method: deliveryFor(channel, seq),
      payment_method: credit ? 'credit' : 'cash',
      payment_terms_days: credit ? c.paymentTermsDays : 0,
      customer_po: po,
      contact_name: contact.name,
      contact_phone: contactPhone,
      bill_to: `${c.name} ${home.province}${home.city === home.province ? '' : home.city}${home.district}${home.street}`,
      ship_recipient: address.recipient,
      ship_phone: address.phone,
      ship_province: address.province,
      ship_city: address.city,
      ship_district: address.district,
      ship_street: address.street,
      ship_postcode: address.postcode,
      ship_address_id: address.id,
      region_id: c.regionId,
      warehouse_id: warehouses[wh].id,
      sales_rep_id: c.salesRepId,
      requested_date: requested,
      promised_date: promised,
      notes: rng.chance(0.12) ? rng.pick(ORDER_NOTES) : null,
      custom_text: custom ? CUSTOM_REQUIREMENTS[ci % CUSTOM_REQUIREMENTS.length] : null,
      custom_flag: custom ? 1 : 0,
      changed_flag: 0,
      duplicate_confirmed: 0,
      subtotal: totals.subtotal,
      tax_total: totals.taxTotal,
      total: totals.total,
      line_count: lines.length,
      created_by: users.draw(rng),
      created_at: iso(tCreated),
      updated_at: iso(last),
      submitted_at: submittedAt === null ? null : iso(submittedAt),
      approved_at: approvedAt === null ? null : iso(approvedAt),
      paid_at: paidAt === null ? null : iso(paidAt),
      closed_at: closedAt === null ? null : iso(closedAt),
      cancelled_at: cancelledAt === null ? null : iso(cancelledAt),
      billed_at: settlement ? iso(settlement.issued) : null,
      search_text: searchText,
    };
    wOrders.insert(row);
    lines.forEach((l, k) => {
      const p = products[l.product];
      wLines.insert({
        id: rng.uuid7(tCreated),
        order_id: id,
        line_no: k + 1,
        product_id: p.id,
        sku: p.sku,
        name: p.name,
        spec: p.spec,
        custom_params: l.customParams,
        unit: p.unit,
        quantity: l.qty,
        list_price: p.listPrice,
        unit_price: l.unitPrice,
        price_manual: 0,
        discount_bp: l.discountBp,
        tax_rate_bp: p.taxRateBp,
        amount: l.amounts.amount,
        tax: l.amounts.tax,
        total: l.amounts.total,
        warehouse_id: warehouses[wh].id,
        allocated_qty: l.allocated,
        delivered_qty: l.delivered,
        cancelled_qty: 0,
      });
    });
    if (tCreated >= historyFrom || holdReasons) {
      let from: OrderStatus | null = null;
      for (const [to, at] of [['draft', tCreated] as [OrderStatus, number], ...steps]) {
        const who = actor(from, to) ?? row.created_by;
        wHistory.insert({ id: rng.uuid7(at), order_id: id, from_status: from, to_status: to, at: iso(at), user_id: who, reason: from === 'on_hold' && to === 'approved' ? RELEASED : null });
        from = to;
      }
    }
    if (settlement) {
      const ymd = localDate(settlement.issued, offset).replace(/-/g, '');
      const sseq = (settlementSeq.get(ymd) ?? 0) + 1;
      settlementSeq.set(ymd, sseq);
      const sid = rng.uuid7(settlement.issued);
      const settlementRow = {
        id: sid,
        number: `${settlementCounterName(opts.deskCode, ymd)}-${String(sseq).padStart(4, '0')}`,
        customer_id: c.id,
        order_id: id,
        amount: settlement.amount,
        paid: settlement.paid,
        issued_at: iso(settlement.issued),
        due_date: settlement.due,
        status: settlement.paid >= settlement.amount ? ('paid' as const) : ('open' as const),
      };
      wSettlements.insert(settlementRow);
      figures?.add(settlementRow);
      if (settlement.paid > 0 && settlement.paidAt !== null) {
        wPayments.insert({
          id: rng.uuid7(settlement.paidAt),
          settlement_id: sid,
          customer_id: c.id,
          amount: settlement.paid,
          paid_at: iso(settlement.paidAt),
          reference: rng.chance(0.7) ? `银行转账 ${rng.digits(6)}` : null,
        });
      }
      stats.settlements++;
    }
    stats.orders++;
    stats.lines += lines.length;
    stats.byStatus[status] = (stats.byStatus[status] ?? 0) + 1;
  };

  const actor = (from: OrderStatus | null, to: OrderStatus): string | null => {
    if (from === 'on_hold' && to === 'approved') return opts.staff.approver;
    if (to === 'picking' || to === 'shipped' || to === 'delivered') return opts.staff.warehouse;
    if (to === 'settled' || to === 'closed') return opts.staff.manager;
    return null;
  };
  const stampNow = iso(opts.asOf);
  for (let done = 0; done < opts.orders; ) {
    const n = Math.min(chunkSize, opts.orders - done);
    const alloc = new Map<number, number>();
    let commitFrom = 0;
    raw.transaction(() => {
      if (deferred) for (const d of deferred) if (d.name) raw.exec(`DROP TRIGGER ${d.name}`);
      figures?.drop();
      const lo = lastOrderSeq.get()!.seq + 1;
      for (let k = 0; k < n; k++) genOne(alloc);
      for (const w of writers) w.flush();
      // The orders of this batch are the rows past the last one before it: the table is only appended to.
      const hi = lastOrderSeq.get()!.seq;
      // From here on everything is SQLite: the batch's index replay, stock reservations, the commit.
      commitFrom = performance.now();
      if (deferred) {
        for (const d of deferred) raw.prepare(d.replay).run({ lo, hi });
        for (const d of deferred) if (d.create) raw.exec(d.create);
      }
      if (figures) {
        figures.flush();
        figures.restore();
      }
      for (const [key, qty] of alloc) {
        allocStmt.run(qty, stampNow, products[Math.floor(key / W)].id, warehouses[key % W].id);
      }
    })();
    if (timer) timer.ms += performance.now() - commitFrom;
    done += n;
    await opts.onBatch?.(done, opts.orders);
  }

  // Last: credit standing, holds (their reasons quote the final figures) and the number counters.
  raw.transaction(() => {
    const creditLimits = finalCreditLimits(customers, books, held);
    const setLimit = raw.prepare('UPDATE customers SET credit_limit = ? WHERE id = ? AND credit_limit <> ?');
    customers.forEach((c, i) => setLimit.run(creditLimits[i], c.id, creditLimits[i]));
    const wHolds = new TableWriter(raw, 'order_holds');
    for (const h of held) {
      const book = books[h.customer];
      const reasons = [...h.reasons];
      if (h.credit) {
        const limit = creditLimits[h.customer];
        const exposure = book.unpaid + book.openOrders + h.total;
        const rate = collectionRateBp(book.paid3m, book.due3m);
        if (exposure > limit) {
          reasons.unshift({
            kind: 'credit',
            code: 'credit.overLimit',
            params: { exposure, limit, over: exposure - limit, exposureText: formatMoney(exposure), limitText: formatMoney(limit), overText: formatMoney(exposure - limit) },
          });
        }
        if (rate !== null && rate < threshold) {
          reasons.unshift({
            kind: 'credit',
            code: 'credit.lowCollection',
            params: { rateBp: rate, percent: bpToPercent(rate), thresholdBp: threshold, thresholdPercent: bpToPercent(threshold), paid: book.paid3m, due: book.due3m },
          });
        }
      }
      for (const r of reasons) {
        wHolds.insert({
          id: rng.uuid7(Date.parse(h.at)),
          order_id: h.orderId,
          kind: r.kind,
          code: r.code,
          params: JSON.stringify(r.params),
          status: 'open',
          created_at: h.at,
          decided_at: null,
          decided_by: null,
          comment: null,
          awaiting_change: 0,
          change_request_id: null,
        });
        stats.holds++;
      }
    }
    const counter = raw.prepare('INSERT INTO counters (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = max(value, excluded.value)');
    for (const [ymd, value] of orderSeq) counter.run(orderCounterName(opts.deskCode, ymd), value);
    for (const [ymd, value] of settlementSeq) counter.run(settlementCounterName(opts.deskCode, ymd), value);
  })();
  return stats;
}


/**
 * Credit limits that fit the history: room for the customer's exposure and a couple of its
 * largest orders, except customers with credit-held orders whose limit sits below their exposure.
 */
function finalCreditLimits(customers: DemoCustomer[], books: CustomerBook[], held: Held[]): number[] {
  const tight = new Set(held.filter((h) => h.credit).map((h) => h.customer));
  const STEP = 1_000_000; // 10,000.00 yuan
  return customers.map((c, i) => {
    if (c.paymentTermsDays === 0) return 0;
    const b = books[i];
    const exposure = b.unpaid + b.openOrders;
    if (tight.has(i)) return Math.max(0, Math.floor((exposure * 0.9) / STEP) * STEP);
    return Math.max(c.creditLimit, Math.ceil(((exposure + 2 * b.largestOrder) * 1.25) / STEP) * STEP);
  });
}
