import { describe, it, expect } from 'vitest';
import { DeskError } from '../errors';
import { ORDER_STATUSES, type OrderStatus } from './status';
import {
  TERMINAL_STATUSES,
  TRANSITIONS,
  assertTransition,
  canTransition,
  isEditableByClerk,
  isOpen,
  reservesStock,
} from './state-machine';

const ALLOWED: [OrderStatus, OrderStatus][] = [
  ['draft', 'submitted'],
  ['draft', 'cancelled'],
  ['submitted', 'on_hold'],
  ['submitted', 'approved'],
  ['submitted', 'cancelled'],
  ['on_hold', 'approved'],
  ['on_hold', 'cancelled'],
  ['on_hold', 'submitted'],
  ['approved', 'allocated'],
  ['approved', 'on_hold'],
  ['approved', 'picking'],
  ['approved', 'partly_shipped'],
  ['approved', 'shipped'],
  ['approved', 'closed'],
  ['approved', 'cancelled'],
  ['allocated', 'picking'],
  ['allocated', 'partly_shipped'],
  ['allocated', 'shipped'],
  ['allocated', 'on_hold'],
  ['allocated', 'closed'],
  ['allocated', 'cancelled'],
  ['picking', 'partly_shipped'],
  ['picking', 'shipped'],
  ['picking', 'allocated'],
  ['picking', 'closed'],
  ['partly_shipped', 'shipped'],
  ['partly_shipped', 'delivered'],
  ['partly_shipped', 'closed'],
  ['shipped', 'delivered'],
  ['shipped', 'partly_shipped'],
  ['delivered', 'settled'],
  ['delivered', 'closed'],
  ['settled', 'closed'],
  ['closed', 'approved'],
];

const REFUSED: [OrderStatus, OrderStatus][] = [
  ['draft', 'approved'], // review cannot be skipped
  ['draft', 'shipped'],
  ['submitted', 'allocated'], // stock is reserved only after approval
  ['submitted', 'draft'],
  ['on_hold', 'allocated'],
  ['approved', 'draft'],
  ['approved', 'delivered'],
  ['picking', 'cancelled'], // goods are off the shelf: close instead
  ['picking', 'on_hold'],
  ['partly_shipped', 'cancelled'],
  ['shipped', 'cancelled'],
  ['shipped', 'closed'], // delivery must be confirmed first
  ['delivered', 'shipped'],
  ['settled', 'delivered'],
  ['closed', 'shipped'], // reopening goes back through approved
  ['closed', 'draft'],
  ['cancelled', 'draft'],
  ['cancelled', 'submitted'],
  ['cancelled', 'approved'],
  ['draft', 'draft'], // staying put is not a transition
  ['approved', 'approved'],
];

describe('order transitions', () => {
  it.each(ALLOWED)('%s → %s is allowed', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    expect(() => assertTransition(from, to)).not.toThrow();
  });

  it.each(REFUSED)('%s → %s is refused', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
    let error: unknown;
    try {
      assertTransition(from, to);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DeskError);
    expect(error).toMatchObject({ code: 'order.illegalTransition', params: { from, to }, status: 400 });
  });

  it('the table holds exactly the allowed transitions', () => {
    const table = ORDER_STATUSES.flatMap((from) => TRANSITIONS[from].map((to) => `${from}→${to}`)).sort();
    expect(table).toEqual(ALLOWED.map(([from, to]) => `${from}→${to}`).sort());
  });

  it('every status has an entry and only cancelled is terminal', () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...ORDER_STATUSES].sort());
    expect(TERMINAL_STATUSES).toEqual(['cancelled']);
  });

  it('every status is reachable from draft', () => {
    const seen = new Set<OrderStatus>(['draft']);
    const queue: OrderStatus[] = ['draft'];
    for (let from = queue.shift(); from; from = queue.shift()) {
      for (const next of TRANSITIONS[from]) {
        if (seen.has(next)) continue;
        seen.add(next);
        queue.push(next);
      }
    }
    expect([...seen].sort()).toEqual([...ORDER_STATUSES].sort());
  });
});

// status, open, reserves stock, clerk may edit
const PREDICATES = [
  ['draft', false, false, true],
  ['submitted', true, false, true],
  ['on_hold', true, false, true],
  ['approved', true, true, true],
  ['allocated', true, true, true],
  ['picking', true, true, false],
  ['partly_shipped', true, true, false],
  ['shipped', true, false, false],
  ['delivered', false, false, false],
  ['settled', false, false, false],
  ['closed', false, false, false],
  ['cancelled', false, false, false],
] as const;

describe('status predicates', () => {
  it.each(PREDICATES)('%s: open %s, reserves stock %s, editable %s', (status, open, reserves, editable) => {
    expect(isOpen(status)).toBe(open);
    expect(reservesStock(status)).toBe(reserves);
    expect(isEditableByClerk(status)).toBe(editable);
  });

  it('the predicate table covers every status', () => {
    // A status added to ORDER_STATUSES must get a decision here.
    expect(PREDICATES.map(([status]) => status)).toEqual([...ORDER_STATUSES]);
  });
});
