/**
 * orders.cancel: → cancelled wherever the state machine allows it (draft, submitted, on_hold, and
 * approved / allocated before picking), with the reason in the status history and the audit
 * trail. The review module's onOrderCancelled releases reserved stock, supersedes open holds and
 * rejects open change requests first.
 */
import { DeskError } from '../../errors';
import { assertTransition } from '../../orders/state-machine';
import { onOrderCancelled } from '../../review/route';
import type { Mutator } from '../env';
import { assertRowVersion } from './records';

export interface CancelArgs {
  id: string;
  rowVersion: number;
  reason: string;
}

export interface CancelResult {
  id: string;
  number: string;
  status: 'cancelled';
  rowVersion: number;
}

export const cancelOrder: Mutator<CancelArgs, CancelResult> = async (tx, args, env) => {
  const order = await tx
    .selectFrom('orders')
    .select(['id', 'number', 'status', 'row_version'])
    .where('id', '=', args.id)
    .executeTakeFirst();
  if (!order) throw new DeskError('order.notFound', { id: args.id });
  assertRowVersion(order, args.rowVersion);
  assertTransition(order.status, 'cancelled');

  if (order.status !== 'draft') await onOrderCancelled(tx, order.id, env, args.reason);
  // Re-read: the review module may have touched the order (row_version) while releasing.
  const current = await tx.selectFrom('orders').select('row_version').where('id', '=', order.id).executeTakeFirstOrThrow();
  const rowVersion = current.row_version + 1;
  await tx
    .updateTable('orders')
    .set({ status: 'cancelled', cancelled_at: env.now, updated_at: env.now, row_version: rowVersion })
    .where('id', '=', order.id)
    .execute();
  await tx
    .insertInto('order_status_history')
    .values({
      id: env.ids.next(),
      order_id: order.id,
      from_status: order.status,
      to_status: 'cancelled',
      at: env.now,
      user_id: env.userId,
      reason: args.reason,
    })
    .execute();
  return {
    result: { id: order.id, number: order.number, status: 'cancelled', rowVersion },
    audit: [
      {
        entity: 'order',
        entityId: order.id,
        code: 'audit.order.cancelled',
        params: { number: order.number, reason: args.reason },
        summary: `cancelled ${order.number}: ${args.reason}`,
        before: { status: order.status },
        after: { status: 'cancelled', reason: args.reason },
      },
    ],
    tables: ['order_lines', 'stock', 'order_holds', 'change_requests'],
  };
};
