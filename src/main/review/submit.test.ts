/** Review through order entry's own handlers: saveDraft → submit → (hold →) decide. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { implementations } from '../handlers';
import { openTestDesk, type TestDesk } from '../testing/desk';
import { holdsOf, linesOf, stockOf, world } from './testing';

const wired = ['orders.saveDraft', 'orders.submit'].every((n) => Boolean((implementations as Record<string, unknown>)[n]));

let t: TestDesk;
let clerk: string;
let approver: string;
beforeAll(async () => {
  if (!wired) return;
  t = await openTestDesk();
  clerk = await t.signInAs('clerk', 'entry');
  approver = await t.signInAs('approver', 'review');
});
afterAll(async () => t?.close());

async function enter(customerId: string, productId: string, warehouseId: string, quantity: number, paymentMethod: 'cash' | 'credit') {
  const draft = await t.call<{ id: string; rowVersion: number }>(
    'orders.saveDraft',
    {
      customerId,
      paymentMethod,
      contact: { name: '王经理', phone: '13800138000' },
      shipTo: { recipient: '王经理', phone: '13800138000', province: '上海市', city: '上海市', district: '浦东新区', street: '世纪大道 1 号' },
      lines: [{ productId, quantity, warehouseId }],
    },
    clerk,
  );
  return t.call<{ id: string; status: string; rowVersion: number; holds: { code: string }[] }>('orders.submit', { id: draft.id, rowVersion: draft.rowVersion }, clerk);
}

describe.runIf(wired)('review behind orders.submit', () => {
  it('a fine order is approved and reserves its stock in the same transaction', async () => {
    const { db, customerId, productId, warehouseId } = await world(t, 10);
    const r = await enter(customerId, productId, warehouseId, 6, 'credit');
    expect(r).toMatchObject({ status: 'approved', holds: [] });
    expect((await linesOf(db, r.id))[0].allocated_qty).toBe(6);
    expect(await stockOf(db, productId, warehouseId)).toMatchObject({ on_hand: 10, allocated: 6 });
    // One write of the order carries the outcome; the history keeps both steps.
    const raw = t.desk.store.raw;
    const row = raw.prepare('SELECT status, row_version, submitted_at, approved_at FROM orders WHERE id = ?').get(r.id) as Record<string, unknown>;
    expect(row).toMatchObject({ status: 'approved', row_version: r.rowVersion, submitted_at: expect.any(String) });
    expect(row.approved_at).toBe(row.submitted_at);
    const steps = raw.prepare('SELECT from_status, to_status FROM order_status_history WHERE order_id = ? ORDER BY at, rowid').all(r.id);
    expect(steps).toEqual([
      { from_status: 'draft', to_status: 'submitted' },
      { from_status: 'submitted', to_status: 'approved' },
    ]);
    const audit = raw.prepare(`SELECT before, after FROM audit_log WHERE entity_id = ? AND handler = 'orders.submit'`).get(r.id) as { before: string; after: string };
    expect(JSON.parse(audit.before)).toEqual({ status: 'draft' });
    expect(JSON.parse(audit.after)).toMatchObject({ status: 'approved' });
  });

  it('an order over the credit limit waits with its reason; the approver releases it and stock is reserved', async () => {
    const { db, customerId, productId, warehouseId } = await world(t, 10, 100_00);
    const r = await enter(customerId, productId, warehouseId, 6, 'credit');
    expect(r).toMatchObject({ status: 'on_hold', holds: [{ code: 'credit.overLimit' }] });
    expect((await holdsOf(db, r.id)).map((h) => h.code)).toEqual(['credit.overLimit']);
    expect(await stockOf(db, productId, warehouseId)).toMatchObject({ allocated: 0 });
    const held = t.desk.store.raw.prepare('SELECT status, row_version, approved_at FROM orders WHERE id = ?').get(r.id);
    expect(held).toEqual({ status: 'on_hold', row_version: r.rowVersion, approved_at: null });
    const queue = await t.call<{ rows: { orderId: string; rowVersion: number }[] }>('approvals.queue', { kind: 'credit' }, approver);
    const row = queue.rows.find((x) => x.orderId === r.id)!;
    expect(row.rowVersion).toBe(r.rowVersion);
    const d = await t.call<{ status: string }>('approvals.decide', { orderId: r.id, rowVersion: row.rowVersion, decision: 'release', comment: 'ok' }, approver);
    expect(d.status).toBe('approved');
    expect(await stockOf(db, productId, warehouseId)).toMatchObject({ allocated: 6 });
  });

  it('cash orders skip credit; a short order is held for stock', async () => {
    const { customerId, productId, warehouseId } = await world(t, 3, 0);
    const r = await enter(customerId, productId, warehouseId, 5, 'cash');
    expect(r).toMatchObject({ status: 'on_hold', holds: [{ code: 'stock.short' }] });
  });
});
