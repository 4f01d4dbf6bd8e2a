import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { approvalsDetail, approvalsQueue, HoldReason } from '../../shared/contract/review';
import type { DB } from '../../shared/db/schema';
import { DeskError } from '../../shared/errors';
import { readSettings } from '../../shared/mutators/settings';
import { openQty } from '../../shared/review/allocation';
import { collectionRateBp } from '../../shared/review/checks';
import { collectionWindow, exposureFacts } from '../../shared/review/facts';
import { effectiveLimit } from '../../shared/review/authority';
import type { Session } from '../auth/sessions';

type QueueInput = z.output<typeof approvalsQueue.input>;
type QueueResult = z.output<typeof approvalsQueue.result>;
type DetailResult = z.output<typeof approvalsDetail.result>;

type HoldRow = { id: string; order_id: string; kind: HoldReason['kind']; code: string; params: string; created_at: string; awaiting_change: number; comment: string | null };

const KIND_RANK: Record<HoldReason['kind'], number> = { credit: 0, stock: 1, custom_review: 2, change_request: 3 };

/** Oldest first; holds raised together read credit, stock, custom, change (then by code and line). */
function byRaised(a: HoldRow, b: HoldRow): number {
  return (
    a.created_at.localeCompare(b.created_at) ||
    KIND_RANK[a.kind] - KIND_RANK[b.kind] ||
    a.code.localeCompare(b.code) ||
    a.params.localeCompare(b.params) ||
    a.id.localeCompare(b.id)
  );
}

function toReason(h: HoldRow): HoldReason {
  return {
    holdId: h.id,
    kind: h.kind,
    code: h.code,
    params: JSON.parse(h.params) as HoldReason['params'],
    createdAt: h.created_at,
    awaitingChange: h.awaiting_change === 1,
    comment: h.comment,
  };
}

const QUEUE_COLUMNS = [
  'o.id as orderId',
  'o.number',
  'o.status',
  'o.row_version as rowVersion',
  'o.total as amount',
  'o.changed_flag as changedFlag',
  'c.id as customerId',
  'c.code as customerCode',
  'c.name as customerName',
  'q.since',
] as const;

/**
 * The approval queue: orders with open holds, one row per order, sorted in SQL and paged. The
 * grouping runs over the (status, kind, created_at) index, so the first page stays fast with
 * tens of thousands of open holds.
 */
export async function approvalQueue(db: Kysely<DB>, input: QueueInput, nowMs: number = Date.now()): Promise<QueueResult> {
  const grouped = db
    .selectFrom('order_holds')
    .select((eb) => ['order_id', eb.fn.min<string>('created_at').as('since')])
    .where('status', '=', 'open')
    .$if(input.kind !== undefined, (q) => q.where('kind', '=', input.kind!))
    .groupBy('order_id');
  const ageDir = input.dir === 'desc' ? 'asc' : 'desc';

  // Sort and page before joining for display: only the page's orders are read in full.
  const base = db.with('q', () => grouped);
  const paged =
    input.sort === 'age'
      ? base.with('p', (qc) =>
          qc.selectFrom('q').select(['q.order_id', 'q.since']).orderBy('q.since', ageDir).orderBy('q.order_id').limit(input.limit).offset(input.offset),
        )
      : input.sort === 'amount'
        ? base.with('p', (qc) =>
            qc
              .selectFrom('q')
              .innerJoin('orders as o', 'o.id', 'q.order_id')
              .select(['q.order_id', 'q.since'])
              .orderBy('o.total', input.dir)
              .orderBy('o.id')
              .limit(input.limit)
              .offset(input.offset),
          )
        : base.with('p', (qc) =>
            qc
              .selectFrom('q')
              .innerJoin('orders as o', 'o.id', 'q.order_id')
              .innerJoin('customers as c', 'c.id', 'o.customer_id')
              .select(['q.order_id', 'q.since'])
              .orderBy('c.name', input.dir)
              .orderBy('c.code', input.dir)
              .orderBy('o.id')
              .limit(input.limit)
              .offset(input.offset),
          );
  let page = paged
    .selectFrom('p as q')
    .innerJoin('orders as o', 'o.id', 'q.order_id')
    .innerJoin('customers as c', 'c.id', 'o.customer_id')
    .select(QUEUE_COLUMNS);
  page =
    input.sort === 'age'
      ? page.orderBy('q.since', ageDir).orderBy('o.id')
      : input.sort === 'amount'
        ? page.orderBy('o.total', input.dir).orderBy('o.id')
        : page.orderBy('c.name', input.dir).orderBy('c.code', input.dir).orderBy('o.id');
  const rows = await page.execute();

  const counts = { all: 0, credit: 0, stock: 0, custom_review: 0, change_request: 0 };
  const perKind = await db
    .selectFrom('order_holds')
    .select((eb) => ['kind', eb.fn.count<number>('order_id').distinct().as('n')])
    .where('status', '=', 'open')
    .groupBy('kind')
    .execute();
  for (const k of perKind) counts[k.kind] = Number(k.n);
  const all = await db
    .selectFrom('order_holds')
    .select((eb) => eb.fn.count<number>('order_id').distinct().as('n'))
    .where('status', '=', 'open')
    .executeTakeFirst();
  counts.all = Number(all?.n ?? 0);

  const ids = rows.map((r) => r.orderId);
  const holds: HoldRow[] = ids.length
    ? await db
        .selectFrom('order_holds')
        .select(['id', 'order_id', 'kind', 'code', 'params', 'created_at', 'awaiting_change', 'comment'])
        .where('order_id', 'in', ids)
        .where('status', '=', 'open')
        .orderBy('created_at')
        .orderBy('id')
        .execute()
    : [];
  const byOrder = new Map<string, HoldRow[]>();
  for (const h of holds.sort(byRaised)) {
    const list = byOrder.get(h.order_id) ?? [];
    list.push(h);
    byOrder.set(h.order_id, list);
  }
  return {
    counts,
    total: input.kind ? counts[input.kind] : counts.all,
    rows: rows.map((r) => {
      const hs = byOrder.get(r.orderId) ?? [];
      return {
        orderId: r.orderId,
        number: r.number,
        status: r.status,
        rowVersion: r.rowVersion,
        customerId: r.customerId,
        customerCode: r.customerCode,
        customerName: r.customerName,
        amount: r.amount,
        since: r.since,
        ageMinutes: Math.max(0, Math.floor((nowMs - Date.parse(r.since)) / 60_000)),
        kinds: [...new Set(hs.map((h) => h.kind))],
        reasons: hs.map(toReason),
        changedFlag: r.changedFlag === 1,
        awaitingChange: hs.some((h) => h.awaiting_change === 1),
      };
    }),
  };
}

function parseJson<T>(text: string | null, fallback: T): T {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/** Everything the approver sees for one order. */
export async function approvalDetail(db: Kysely<DB>, orderId: string, session: Session | null, now: string = new Date().toISOString()): Promise<DetailResult> {
  const o = await db.selectFrom('orders').selectAll().where('id', '=', orderId).executeTakeFirst();
  if (!o) throw new DeskError('order.notFound', { id: orderId });
  const customer = await db.selectFrom('customers').select(['id', 'code', 'name']).where('id', '=', o.customer_id).executeTakeFirstOrThrow();
  const lines = await db.selectFrom('order_lines').selectAll().where('order_id', '=', orderId).orderBy('line_no').execute();
  const holds = await db
    .selectFrom('order_holds')
    .select(['id', 'order_id', 'kind', 'code', 'params', 'created_at', 'awaiting_change', 'comment'])
    .where('order_id', '=', orderId)
    .where('status', '=', 'open')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const settings = await readSettings(db);

  const ex = await exposureFacts(db, o);
  const thisOrder = ['cancelled', 'closed', 'settled', 'draft'].includes(o.status) ? 0 : o.total;
  const exposureTotal = ex.unpaidSettlements + ex.openApprovedUnsettled + thisOrder;

  const w = collectionWindow(now);
  // Per due date already summed (customer_dues): at most ~92 rows however large the customer.
  const dues = await db
    .selectFrom('customer_dues')
    .select(['due', 'paid', 'due_date'])
    .where('customer_id', '=', o.customer_id)
    .where('due_date', '>=', w.from)
    .where('due_date', '<', w.to)
    .execute();
  const months = new Map<string, { month: string; due: number; paid: number }>();
  for (const d of dues) {
    const key = d.due_date.slice(0, 7);
    const m = months.get(key) ?? { month: key, due: 0, paid: 0 };
    m.due += d.due;
    m.paid += d.paid;
    months.set(key, m);
  }
  const monthList = [...months.values()].sort((a, b) => a.month.localeCompare(b.month));
  const due = monthList.reduce((n, m) => n + m.due, 0);
  const paid = monthList.reduce((n, m) => n + m.paid, 0);

  const productIds = [...new Set(lines.map((l) => l.product_id))];
  const stockRows = productIds.length
    ? await db
        .selectFrom('stock')
        .innerJoin('warehouses', 'warehouses.id', 'stock.warehouse_id')
        .select([
          'stock.product_id',
          'stock.warehouse_id',
          'warehouses.code',
          'warehouses.name',
          'stock.on_hand',
          'stock.allocated',
          'stock.in_transit',
          'stock.in_transit_eta',
        ])
        .where('stock.product_id', 'in', productIds)
        .orderBy('warehouses.code')
        .execute()
    : [];
  const stock = productIds.map((pid) => {
    const ls = lines.filter((l) => l.product_id === pid);
    return {
      productId: pid,
      sku: ls[0].sku,
      need: ls.reduce((n, l) => n + Math.max(0, openQty(l) - l.allocated_qty), 0),
      warehouses: stockRows
        .filter((s) => s.product_id === pid)
        .map((s) => ({
          warehouseId: s.warehouse_id,
          warehouseCode: s.code,
          warehouseName: s.name,
          onHand: s.on_hand,
          allocated: s.allocated,
          available: s.on_hand - s.allocated,
          inTransit: s.in_transit,
          inTransitEta: s.in_transit_eta,
        })),
    };
  });

  const decisions = await db
    .selectFrom('approval_decisions as d')
    .leftJoin('users as u', 'u.id', 'd.decided_by')
    .select(['d.id', 'd.hold_id', 'd.decision', 'd.comment', 'd.decided_at', 'd.decided_by', 'u.username'])
    .where('d.order_id', '=', orderId)
    .orderBy('d.decided_at')
    .orderBy('d.id')
    .execute();
  const requests = await db
    .selectFrom('change_requests as r')
    .leftJoin('users as u', 'u.id', 'r.requested_by')
    .select(['r.id', 'r.status', 'r.base_revision', 'r.amount_delta', 'r.diff', 'r.requested_by', 'r.requested_at', 'r.comment', 'u.username'])
    .where('r.order_id', '=', orderId)
    .orderBy('r.requested_at', 'desc')
    .orderBy('r.id', 'desc')
    .execute();
  const confirmations = await db
    .selectFrom('customer_confirmations as c')
    .leftJoin('users as u', 'u.id', 'c.recorded_by')
    .select(['c.channel', 'c.person', 'c.confirmed_at', 'c.text', 'c.recorded_by', 'c.recorded_at', 'u.username'])
    .where('c.order_id', '=', orderId)
    .orderBy('c.recorded_at')
    .execute();
  const versions = await db
    .selectFrom('order_versions')
    .select(['revision', 'diff', 'reason', 'created_at'])
    .where('order_id', '=', orderId)
    .orderBy('revision')
    .execute();

  return {
    order: {
      id: o.id,
      number: o.number,
      status: o.status,
      rowVersion: o.row_version,
      revision: o.revision,
      customerId: customer.id,
      customerCode: customer.code,
      customerName: customer.name,
      paymentMethod: o.payment_method,
      deliveryMethod: o.delivery_method,
      subtotal: o.subtotal,
      taxTotal: o.tax_total,
      total: o.total,
      requestedDate: o.requested_date,
      promisedDate: o.promised_date,
      submittedAt: o.submitted_at,
      approvedAt: o.approved_at,
      customFlag: o.custom_flag === 1,
      customText: o.custom_text,
      changedFlag: o.changed_flag === 1,
      contactName: o.contact_name,
      contactPhone: o.contact_phone,
      shipTo: [o.ship_province, o.ship_city, o.ship_district, o.ship_street].filter(Boolean).join(' '),
      notes: o.notes,
    },
    lines: lines.map((l) => ({
      id: l.id,
      lineNo: l.line_no,
      productId: l.product_id,
      sku: l.sku,
      name: l.name,
      quantity: l.quantity,
      unitPrice: l.unit_price,
      discountBp: l.discount_bp,
      total: l.total,
      warehouseId: l.warehouse_id,
      allocatedQty: l.allocated_qty,
      deliveredQty: l.delivered_qty,
      cancelledQty: l.cancelled_qty,
      customParams: l.custom_params,
    })),
    holds: holds.sort(byRaised).map(toReason),
    exposure: {
      creditLimit: ex.creditLimit,
      unpaidSettlements: ex.unpaidSettlements,
      openOrders: ex.openApprovedUnsettled,
      thisOrder,
      total: exposureTotal,
      headroom: ex.creditLimit - exposureTotal,
    },
    collection: { months: monthList, due, paid, rateBp: collectionRateBp(paid, due), thresholdBp: settings.collectionRateThresholdBp },
    stock,
    decisions: decisions.map((d) => ({
      id: d.id,
      holdId: d.hold_id,
      decision: d.decision,
      comment: d.comment,
      decidedAt: d.decided_at,
      decidedBy: d.username ?? d.decided_by,
    })),
    changeRequests: requests.map((r) => ({
      id: r.id,
      status: r.status,
      baseRevision: r.base_revision,
      amountDelta: r.amount_delta,
      diff: parseJson(r.diff, []),
      requestedBy: r.username ?? r.requested_by,
      requestedAt: r.requested_at,
      comment: r.comment,
    })),
    confirmations: confirmations.map((c) => ({
      channel: c.channel,
      person: c.person,
      confirmedAt: c.confirmed_at,
      text: c.text,
      recordedBy: c.username ?? c.recorded_by,
      recordedAt: c.recorded_at,
    })),
    versions: versions.map((v) => ({ revision: v.revision, diff: parseJson<unknown[] | null>(v.diff, null), reason: v.reason, createdAt: v.created_at })),
    myLimit: session ? effectiveLimit({ role: session.role, approvalLimit: session.approvalLimit }, settings) : null,
  };
}
