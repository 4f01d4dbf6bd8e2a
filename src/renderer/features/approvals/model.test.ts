import { describe, expect, it } from 'vitest';
import type { HoldReason } from '@shared/contract/review';
import { ageParts, fromDeskInput, needsConfirmation, nextSort, planDecision, toDeskInput } from './model';

const hold = (kind: HoldReason['kind'], id: string): HoldReason => ({
  holdId: id,
  kind,
  code: 'x',
  params: {},
  createdAt: '2026-11-20T02:00:00.000Z',
  awaitingChange: false,
  comment: null,
});

const credit = hold('credit', 'c1');
const stock = hold('stock', 's1');
const custom = hold('custom_review', 'u1');
const change = hold('change_request', 'r1');

describe('what a key decides', () => {
  it.each([
    ['A in the credit group releases the credit hold, the stock hold may be ticked too', 'approve', 'credit', [credit, stock], 'release', ['c1'], ['c1', 's1']],
    ['A in "all" releases every hold but a change request', 'approve', 'all', [credit, custom, change], 'release', ['c1', 'u1'], ['c1', 'u1']],
    ['R rejects the whole order', 'reject', 'stock', [credit, stock], 'reject', ['c1', 's1'], ['c1', 's1']],
    ['C asks for a change to the group’s holds', 'askChange', 'stock', [credit, stock], 'ask_change', ['s1'], ['c1', 's1']],
    ['A in the change-request group approves the change', 'approve', 'change_request', [credit, change], 'approve_change', ['r1'], ['r1']],
    ['R on an order waiting only for a change rejects the change, not the order', 'reject', 'all', [change], 'reject_change', ['r1'], ['r1']],
  ] as const)('%s', (_name, key, tab, holds, decision, checked, offered) => {
    const plan = planDecision(key, tab, holds)!;
    expect(plan.decision).toBe(decision);
    expect(plan.checked).toEqual(checked);
    expect(plan.holds.map((h) => h.holdId)).toEqual(offered);
  });

  it('C does not apply to a change request', () => {
    expect(planDecision('askChange', 'change_request', [change])).toBeNull();
    expect(planDecision('approve', 'all', [])).toBeNull();
  });

  it('only a release that includes a custom review needs the customer’s confirmation', () => {
    expect(needsConfirmation('release', [credit, custom], ['c1'])).toBe(false);
    expect(needsConfirmation('release', [credit, custom], ['c1', 'u1'])).toBe(true);
    expect(needsConfirmation('reject', [custom], ['u1'])).toBe(false);
  });
});

describe('queue display', () => {
  it.each([
    [0, 'now', 0],
    [59, 'minutes', 59],
    [60, 'hours', 1],
    [179, 'hours', 2],
    [24 * 60 - 1, 'hours', 23],
    [3 * 24 * 60 + 5, 'days', 3],
  ] as const)('%i minutes reads as %s %i', (minutes, key, n) => {
    expect(ageParts(minutes)).toEqual({ key, n });
  });

  it('S cycles age → amount → customer, each in its natural direction', () => {
    expect(nextSort('age')).toEqual({ sort: 'amount', dir: 'desc' });
    expect(nextSort('amount')).toEqual({ sort: 'customer', dir: 'asc' });
    expect(nextSort('customer')).toEqual({ sort: 'age', dir: 'desc' });
  });

  it('confirmation times are typed in desk time (UTC+8) and stored as instants', () => {
    expect(toDeskInput(new Date('2026-11-20T17:05:00.000Z'))).toBe('2026-11-21 01:05');
    expect(fromDeskInput('2026-11-21 01:05')).toBe('2026-11-20T17:05:00.000Z');
    expect(fromDeskInput(' 2026-11-21 9:30 ')).toBe('2026-11-21T01:30:00.000Z');
    for (const bad of ['2026-11-21', '2026-02-30 10:00', '2026-11-21 25:00', '明天下午']) expect(fromDeskInput(bad), bad).toBeNull();
  });
});
