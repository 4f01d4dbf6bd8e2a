import type { z } from 'zod';
import type { ordersCancelLine, ordersClose, ordersReopen } from '../../contract/review';
import { DeskError } from '../../errors';
import { isOpen } from '../../orders/state-machine';
import { allocateOrder, openQty, orderLines, releaseLineQty, releaseOrder } from '../../review/allocation';
import { checkOrderStock, insertHolds, onOrderCancelled, type ReviewHold } from '../../review/route';
import { assertRowVersion, loadOrder, setOrderStatus, touchOrder } from '../../review/status';
import type { Mutator } from '../env';
import { readSettings } from '../settings';

type CloseInput = z.output<typeof ordersClose.input>;
type ReopenInput = z.output<typeof ordersReopen.input>;
type LifecycleResult = z.output<typeof ordersClose.result>;
type CancelLineInput = z.output<typeof ordersCancelLine.input>;
type CancelLineResult = z.output<typeof ordersCancelLine.result>;

/** orders.close: the order will not ship further; every reservation is released, open holds and requests end. */
export const closeOrder: Mutator<CloseInput, LifecycleResult> = async (tx, input, env) => {
  const order = await loadOrder(tx, input.orderId);
  assertRowVersion(order.row_version, input.rowVersion);
  // Check the transition before touching anything (assertTransition inside setOrderStatus would too).
  if (!['approved', 'allocated', 'picking', 'partly_shipped', 'delivered', 'settled'].includes(order.status)) {
    throw new DeskError('order.illegalTransition', { from: order.status, to: 'closed' });
  }
  const released = await releaseOrder(tx, order.id, env);
  await onOrderCancelled(tx, order.id, env, input.reason);
  await setOrderStatus(tx, order.id, order.status, 'closed', env, input.reason);
  const after = await loadOrder(tx, order.id);
  return {
    result: { status: after.status, rowVersion: after.row_version, allocationChange: -released, holds: [] },
    audit: [
      {
        entity: 'order',
        entityId: order.id,
        code: 'audit.order.closed',
        params: { number: order.number, reason: input.reason },
        summary: `close ${order.number}: ${input.reason}`,
        before: { status: order.status },
        after: { status: 'closed', released },
      },
    ],
  };
};

/**
 * orders.reopen: a closed order is approved again and reserves what it still owes; if stock no
 * longer covers it, it goes on hold for stock instead (never over-reserving).
 */
export const reopenOrder: Mutator<ReopenInput, LifecycleResult> = async (tx, input, env) => {
  const order = await loadOrder(tx, input.orderId);
  assertRowVersion(order.row_version, input.rowVersion);
  await setOrderStatus(tx, order.id, order.status, 'approved', env, input.reason, { approved_at: order.approved_at ?? env.now, closed_at: null });
  const settings = await readSettings(tx);
  const check = await checkOrderStock(tx, order, settings);
  let holds: ReviewHold[] = [];
  let allocated = 0;
  if (check.reasons.length) {
    await setOrderStatus(tx, order.id, 'approved', 'on_hold', env, input.reason);
    await insertHolds(tx, order.id, check.reasons, env);
    holds = check.reasons.map(({ kind, code, params }) => ({ kind, code, params }));
  } else {
    allocated = (await allocateOrder(tx, order.id, env)).allocated;
  }
  const after = await loadOrder(tx, order.id);
  return {
    result: { status: after.status, rowVersion: after.row_version, allocationChange: allocated, holds },
    audit: [
      {
        entity: 'order',
        entityId: order.id,
        code: 'audit.order.reopened',
        params: { number: order.number, reason: input.reason, status: after.status },
        summary: `reopen ${order.number}: ${input.reason}`,
        before: { status: order.status },
        after: { status: after.status, allocated, holds: holds.map((h) => h.code) },
      },
    ],
  };
};

/** orders.cancelLine: pre-close part of a line; the reservation shrinks to what the line still owes. */
export const cancelLine: Mutator<CancelLineInput, CancelLineResult> = async (tx, input, env) => {
  const order = await loadOrder(tx, input.orderId);
  assertRowVersion(order.row_version, input.rowVersion);
  if (!isOpen(order.status) || order.status === 'shipped') {
    throw new DeskError('review.lineNotCancellable', { status: order.status });
  }
  const line = (await orderLines(tx, order.id)).find((l) => l.id === input.lineId);
  if (!line) throw new DeskError('review.lineNotFound', { id: input.lineId });
  const open = openQty(line);
  if (input.quantity > open) {
    throw new DeskError(
      'review.cancelExceedsOpen',
      { line: line.line_no, quantity: input.quantity, open },
      { fields: [{ path: 'quantity', code: 'v.max', params: { max: open } }] },
    );
  }
  // Release first: allocated + delivered + cancelled may never exceed the quantity.
  const excess = Math.max(0, line.allocated_qty - (open - input.quantity));
  const released = await releaseLineQty(tx, line, excess, env);
  await tx
    .updateTable('order_lines')
    .set((eb) => ({ cancelled_qty: eb('cancelled_qty', '+', input.quantity) }))
    .where('id', '=', line.id)
    .execute();
  await touchOrder(tx, order.id, env);
  const after = await loadOrder(tx, order.id);
  const cancelledQty = line.cancelled_qty + input.quantity;
  return {
    result: { rowVersion: after.row_version, cancelledQty, allocationChange: -released },
    audit: [
      {
        entity: 'order',
        entityId: order.id,
        code: 'audit.order.lineReduced',
        params: { number: order.number, line: line.line_no, sku: line.sku, quantity: input.quantity, reason: input.reason },
        summary: `pre-close line ${line.line_no} (${line.sku}) ×${input.quantity}: ${input.reason}`,
        before: { line: line.line_no, cancelledQty: line.cancelled_qty, allocatedQty: line.allocated_qty + released },
        after: { line: line.line_no, cancelledQty, allocatedQty: line.allocated_qty, reason: input.reason },
      },
    ],
  };
};
