/**
 * The order lifecycle. Every status change in desk and hub goes through assertTransition, so an
 * order can never skip review or come back from cancelled.
 */
import { DeskError } from '../errors';
import { ORDER_STATUSES, type OrderStatus } from './status';

export const TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  draft: ['submitted', 'cancelled'],
  submitted: ['on_hold', 'approved', 'cancelled'],
  // Back to submitted when the order was changed while held and must be reviewed again.
  on_hold: ['approved', 'cancelled', 'submitted'],
  // on_hold: an approved order that is changed is re-checked (credit, stock).
  approved: ['allocated', 'on_hold', 'picking', 'partly_shipped', 'shipped', 'closed', 'cancelled'],
  allocated: ['picking', 'partly_shipped', 'shipped', 'on_hold', 'closed', 'cancelled'],
  // allocated: a pick list is voided and the order waits for a new one.
  picking: ['partly_shipped', 'shipped', 'allocated', 'closed'],
  partly_shipped: ['shipped', 'delivered', 'closed'],
  // partly_shipped: a shipment is reversed (e.g. returned by the carrier before delivery).
  shipped: ['delivered', 'partly_shipped'],
  delivered: ['settled', 'closed'],
  settled: ['closed'],
  // Reopen: a closed order goes back to approved, never straight to shipping.
  closed: ['approved'],
  cancelled: [],
};

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return TRANSITIONS[from]?.includes(to) ?? false;
}

/** Throws DeskError 'order.illegalTransition' {from, to} when the lifecycle forbids the change. */
export function assertTransition(from: OrderStatus, to: OrderStatus): void {
  if (!canTransition(from, to)) throw new DeskError('order.illegalTransition', { from, to });
}

const NOT_OPEN: ReadonlySet<OrderStatus> = new Set(['draft', 'cancelled', 'closed', 'settled', 'delivered']);

/** Open: submitted and not yet finished (delivered, settled, closed) or cancelled. */
export function isOpen(status: OrderStatus): boolean {
  return !NOT_OPEN.has(status);
}

const RESERVING: ReadonlySet<OrderStatus> = new Set(['approved', 'allocated', 'picking', 'partly_shipped']);

/**
 * The order reserves stock (counts in "allocated"): approved and not yet fully shipped. Once
 * shipped the goods have left on-hand, so nothing stays reserved.
 */
export function reservesStock(status: OrderStatus): boolean {
  return RESERVING.has(status);
}

const CLERK_EDITABLE: ReadonlySet<OrderStatus> = new Set(['draft', 'submitted', 'on_hold', 'approved', 'allocated']);

/** A clerk may still change lines and terms: nothing has been picked yet. */
export function isEditableByClerk(status: OrderStatus): boolean {
  return CLERK_EDITABLE.has(status);
}

/** Statuses that no transition leaves. */
export const TERMINAL_STATUSES: readonly OrderStatus[] = ORDER_STATUSES.filter((s) => TRANSITIONS[s].length === 0);
