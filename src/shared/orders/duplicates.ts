/**
 * Duplicate-order detection (portable Kysely: the desk runs it on SQLite, the hub on PostgreSQL).
 *
 * An earlier order is a likely duplicate when it is for the same customer and either
 * - it was submitted within the last `windowMinutes` with the same multiset of (product, quantity)
 *   lines (the classic double entry of a phoned-in order), or
 * - it carries the same customer PO number (at any time).
 * Drafts and cancelled orders never count.
 */
import { precompiled } from '../db/precompiled';
import type { Tx } from '../mutators/env';

export interface DuplicateQuery {
  /** The order being checked (excluded from the matches). */
  orderId?: string | null;
  customerId: string;
  customerPo?: string | null;
  lines: readonly { productId: string; quantity: number | null | undefined }[];
  /** ISO instant of the check (env.now in a mutator). */
  now: string;
  windowMinutes: number;
}

export interface DuplicateMatch {
  id: string;
  number: string;
  status: string;
  reason: 'lines' | 'po';
  submittedAt: string | null;
  total: number;
  customerPo: string | null;
}

/** Order-independent signature of a line multiset: "productId:qty" sorted, joined. */
export function linesSignature(lines: readonly { productId: string; quantity: number | null | undefined }[]): string {
  return lines
    .filter((l) => (l.quantity ?? 0) > 0)
    .map((l) => `${l.productId}:${l.quantity}`)
    .sort()
    .join('|');
}

const NOT_PLACED = ['draft', 'cancelled'] as const;
const MAX_MATCHES = 20;

/** What a match shows the clerk. */
const MATCH_COLUMNS = ['id', 'number', 'status', 'submitted_at', 'total', 'customer_po'] as const;

// No order has the empty id: excluding '' excludes nothing, so one statement serves both cases.
// Only orders with as many lines can have the same lines: their lines are the only ones read.
const recentOrders = precompiled<{ customerId: string; since: string; excludeId: string; lineCount: number }>()((db, arg) =>
  db
    .selectFrom('orders')
    .select(MATCH_COLUMNS)
    .where('customer_id', '=', arg('customerId'))
    .where('submitted_at', '>=', arg('since'))
    .where('line_count', '=', arg('lineCount'))
    .where('status', 'not in', NOT_PLACED)
    .where('id', '!=', arg('excludeId'))
    .orderBy('submitted_at', 'desc')
    .limit(50),
);
const linesOf = precompiled<{ orderIds: string[] }>()((db, arg) =>
  db.selectFrom('order_lines').select(['order_id', 'product_id', 'quantity']).where('order_id', 'in', arg('orderIds')),
);
const samePo = precompiled<{ customerId: string; po: string; excludeId: string }>()((db, arg) =>
  db
    .selectFrom('orders')
    .select(MATCH_COLUMNS)
    .where('customer_id', '=', arg('customerId'))
    .where('customer_po', '=', arg('po'))
    .where('status', 'not in', NOT_PLACED)
    .where('id', '!=', arg('excludeId'))
    .orderBy('created_at', 'desc')
    .limit(MAX_MATCHES),
);

export async function findDuplicates(tx: Tx, q: DuplicateQuery): Promise<DuplicateMatch[]> {
  const found = new Map<string, DuplicateMatch>();
  const signature = linesSignature(q.lines);

  if (signature && q.windowMinutes > 0) {
    const since = new Date(Date.parse(q.now) - q.windowMinutes * 60_000).toISOString();
    const lineCount = signature.split('|').length;
    const candidates = await recentOrders.rows(tx, { customerId: q.customerId, since, excludeId: q.orderId ?? '', lineCount });
    if (candidates.length) {
      const lines = await linesOf.rows(tx, { orderIds: candidates.map((c) => c.id) });
      const byOrder = new Map<string, { productId: string; quantity: number }[]>();
      for (const l of lines) {
        let list = byOrder.get(l.order_id);
        if (!list) byOrder.set(l.order_id, (list = []));
        list.push({ productId: l.product_id, quantity: l.quantity });
      }
      for (const c of candidates) {
        if (linesSignature(byOrder.get(c.id) ?? []) !== signature) continue;
        found.set(c.id, {
          id: c.id,
          number: c.number,
          status: c.status,
          reason: 'lines',
          submittedAt: c.submitted_at,
          total: c.total,
          customerPo: c.customer_po,
        });
      }
    }
  }

  const po = q.customerPo?.trim();
  if (po) {
    for (const c of await samePo.rows(tx, { customerId: q.customerId, po, excludeId: q.orderId ?? '' })) {
      if (found.has(c.id)) continue;
      found.set(c.id, {
        id: c.id,
        number: c.number,
        status: c.status,
        reason: 'po',
        submittedAt: c.submitted_at,
        total: c.total,
        customerPo: c.customer_po,
      });
    }
  }

  return [...found.values()]
    .sort((a, b) => (b.submittedAt ?? '').localeCompare(a.submittedAt ?? '') || a.number.localeCompare(b.number))
    .slice(0, MAX_MATCHES);
}
