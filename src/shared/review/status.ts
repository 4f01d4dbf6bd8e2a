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
  const stamps: Partial<Record<StampColumn, string | null>> = { ...extra };
  if (to === 'approved' && !('approved_at' in stamps)) stamps.approved_at = env.now;
  if (to === 'closed' && !('closed_at' in stamps)) stamps.closed_at = env.now;
  if (to === 'cancelled' && !('cancelled_at' in stamps)) stamps.cancelled_at = env.now;
  const res = await tx
    .updateTable('orders')
    .set((eb) => ({ status: to, row_version: eb('row_version', '+', 1), updated_at: env.now, ...stamps }))
    .where('id', '=', orderId)
    .where('status', '=', from)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw new DeskError('conflict.stale');
  await tx
    .insertInto('order_status_history')
    .values({ id: env.ids.next(), order_id: orderId, from_status: from, to_status: to, at: env.now, user_id: env.userId, reason })
    .execute();
}

/** Bump row_version (the order changed without a status change). */
export async function touchOrder(tx: Tx, orderId: string, env: MutatorEnv): Promise<void> {
  await tx
    .updateTable('orders')
    .set((eb) => ({ row_version: eb('row_version', '+', 1), updated_at: env.now }))
    .where('id', '=', orderId)
    .execute();
}

/** Read an order or refuse with order.notFound. */
export async function loadOrder(tx: Tx, orderId: string) {
  const order = await tx.selectFrom('orders').selectAll().where('id', '=', orderId).executeTakeFirst();
  if (!order) throw new DeskError('order.notFound', { id: orderId });
  return order;
}

/** Refuse with conflict.stale when the caller saw an older version of the order. */
export function assertRowVersion(actual: number, expected: number | undefined): void {
  if (expected !== undefined && actual !== expected) {
    throw new DeskError('conflict.stale', { expected, actual });
  }
}
