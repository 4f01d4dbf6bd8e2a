import { precompiled } from '../db/precompiled';
import { DeskError } from '../errors';
import type { MutatorEnv, Tx } from '../mutators/env';
import { assertTransition } from '../orders/state-machine';
import type { OrderStatus } from '../orders/status';

type StampColumn = 'approved_at' | 'closed_at' | 'cancelled_at';

/**
 * Move an order along the lifecycle: checks the transition, bumps row_version, stamps the time
 * column that belongs to the new status and writes the status-history row. The update is guarded
 * by the old status, so a concurrent change in the same store cannot be overwritten.
 */
export async function setOrderStatus(
  tx: Tx,
  orderId: string,
  from: OrderStatus,
  to: OrderStatus,
  env: MutatorEnv,
  reason: string | null = null,
  extra: Partial<Record<StampColumn, string | null>> = {},
): Promise<void> {
  assertTransition(from, to);
  const stamps: Partial<Record<StampColumn, string | null>> = Object.assign({}, extra);
  if (to === 'approved' && !('approved_at' in stamps)) stamps.approved_at = env.now;
  if (to === 'closed' && !('closed_at' in stamps)) stamps.closed_at = env.now;
  if (to === 'cancelled' && !('cancelled_at' in stamps)) stamps.cancelled_at = env.now;
  const keys = Object.keys(stamps);
  let updated: number;
  if (keys.length === 0) {
    updated = await moveStatus.affected(tx, { id: orderId, from, to, now: env.now });
  } else if (keys.length === 1 && keys[0] === 'approved_at') {
    updated = await moveStatusApproved.affected(tx, { id: orderId, from, to, now: env.now, approvedAt: stamps.approved_at ?? null });
  } else {
    const res = await tx
      .updateTable('orders')
      .set((eb) => ({ status: to, row_version: eb('row_version', '+', 1), updated_at: env.now, ...stamps }))
      .where('id', '=', orderId)
      .where('status', '=', from)
      .executeTakeFirst();
    updated = Number(res.numUpdatedRows);
  }
  if (updated !== 1) throw new DeskError('conflict.stale');
  await insertHistory(tx, { id: env.ids.next(), order_id: orderId, from_status: from, to_status: to, at: env.now, user_id: env.userId, reason });
}

type StatusArgs = { id: string; from: OrderStatus; to: OrderStatus; now: string };
const moveStatus = precompiled<StatusArgs>()((db, arg) =>
  db
    .updateTable('orders')
    .set((eb) => ({ status: arg('to'), row_version: eb('row_version', '+', 1), updated_at: arg('now') }))
    .where('id', '=', arg('id'))
    .where('status', '=', arg('from')),
);
const moveStatusApproved = precompiled<StatusArgs & { approvedAt: string | null }>()((db, arg) =>
  db
    .updateTable('orders')
    .set((eb) => ({ status: arg('to'), row_version: eb('row_version', '+', 1), updated_at: arg('now'), approved_at: arg('approvedAt') }))
    .where('id', '=', arg('id'))
    .where('status', '=', arg('from')),
);

export interface HistoryRow {
  id: string;
  order_id: string;
  from_status: OrderStatus | null;
  to_status: OrderStatus;
  at: string;
  user_id: string | null;
  reason: string | null;
}

const historyInsert = precompiled<HistoryRow>()((db, arg) =>
  db.insertInto('order_status_history').values({
    id: arg('id'),
    order_id: arg('order_id'),
    from_status: arg('from_status'),
    to_status: arg('to_status'),
    at: arg('at'),
    user_id: arg('user_id'),
    reason: arg('reason'),
  }),
);

/** One status-history row (every status change writes one). */
export async function insertHistory(tx: Tx, row: HistoryRow): Promise<void> {
  await historyInsert.affected(tx, row);
}

const touch = precompiled<{ id: string; now: string }>()((db, arg) =>
  db
    .updateTable('orders')
    .set((eb) => ({ row_version: eb('row_version', '+', 1), updated_at: arg('now') }))
    .where('id', '=', arg('id')),
);
const orderById = precompiled<{ id: string }>()((db, arg) => db.selectFrom('orders').selectAll().where('id', '=', arg('id')));

/** Bump row_version (the order changed without a status change). */
export async function touchOrder(tx: Tx, orderId: string, env: MutatorEnv): Promise<void> {
  await touch.affected(tx, { id: orderId, now: env.now });
}

/** Read an order or refuse with order.notFound. */
export async function loadOrder(tx: Tx, orderId: string) {
  const order = await orderById.first(tx, { id: orderId });
  if (!order) throw new DeskError('order.notFound', { id: orderId });
  return order;
}

/** Refuse with conflict.stale when the caller saw an older version of the order. */
export function assertRowVersion(actual: number, expected: number | undefined): void {
  if (expected !== undefined && actual !== expected) {
    throw new DeskError('conflict.stale', { expected, actual });
  }
}
