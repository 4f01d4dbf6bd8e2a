/** Review on submit (facts gathered from the store) and approval decisions through the dispatcher. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeskError } from '../../shared/errors';
import { allocationDrift, issueStock } from '../../shared/review/allocation';
import { reviewOrder, reviewSubmittedOrder } from '../../shared/review/route';
import { openTestDesk, type TestDesk } from '../testing/desk';
import { addSettlement, holdsOf, inTx, insertOrder, linesOf, orderRow, setStock, stockOf, testEnv, world } from './testing';

let t: TestDesk;
let approver: string;
let manager: string;
let clerk: string;
beforeAll(async () => {
  t = await openTestDesk();
  approver = await t.signInAs('approver', 'wang');
  manager = await t.signInAs('manager', 'zhao');
  clerk = await t.signInAs('clerk', 'xiao');
});
afterAll(async () => t?.close());

const NOW = '2026-11-20T02:00:00.000Z';

describe('credit facts gathered on submit', () => {
  it('exposure = unpaid settlements + unsettled approved orders + this order', async () => {
    // Order totals include 13% VAT: 10 × 100.00 → 1,130.00.
    const { db, customerId, productId, warehouseId } = await world(t, 1000, 3_000_00);
    await addSettlement(db, customerId, { amount: 500_00, paid: 200_00, dueDate: '2026-12-15' }); // unpaid 300.00
    await addSettlement(db, customerId, { amount: 900_00, paid: 900_00, dueDate: '2026-12-15' }); // paid: 0
    await addSettlement(db, customerId, { amount: 700_00, dueDate: '2026-12-15', status: 'void' }); // void: 0
    await insertOrder(db, { customerId, status: 'approved', lines: [{ productId, warehouseId, quantity: 5 }] }); // 565.00
    await insertOrder(db, { customerId, status: 'shipped', lines: [{ productId, warehouseId, quantity: 1 }] }); // 113.00
    const settled = await insertOrder(db, { customerId, status: 'delivered', lines: [{ productId, warehouseId, quantity: 4 }] });
    await addSettlement(db, customerId, { amount: settled.total, paid: settled.total, dueDate: '2026-12-30', orderId: settled.id }); // settled: 0
    await insertOrder(db, { customerId, status: 'cancelled', lines: [{ productId, warehouseId, quantity: 9 }] });
    await insertOrder(db, { customerId, status: 'draft', lines: [{ productId, warehouseId, quantity: 9 }] });
    await insertOrder(db, { customerId, status: 'on_hold', lines: [{ productId, warehouseId, quantity: 9 }] });

    const order = await insertOrder(db, { customerId, lines: [{ productId, warehouseId, quantity: 10 }] }); // 1,130.00
    const review = await inTx(db, (tx) => reviewSubmittedOrder(tx, order.id, testEnv({ at: NOW })));
    // 300.00 + 565.00 + 113.00 + 1,130.00 = 2,108.00 ≤ 3,000.00
    expect(review.status).toBe('approved');
    // Checked again (a change within the window): the order counts once, as this order, not also
    // among the approved ones — 2,108.00 again, where counting it twice would make 3,238.00 > 3,000.00.
    const again = await inTx(db, (tx) => reviewOrder(tx, order.id, testEnv({ at: NOW })));
    expect(again).toEqual({ status: 'approved', holds: [] });

    const bigger = await insertOrder(db, { customerId, lines: [{ productId, warehouseId, quantity: 8 }] }); // 904.00
    const held = await inTx(db, (tx) => reviewSubmittedOrder(tx, bigger.id, testEnv({ at: NOW })));
    // 300.00 + 565.00 + 113.00 + 1,130.00 (now approved) + 904.00 = 3,012.00
    expect(held.status).toBe('on_hold');
    expect(held.holds).toEqual([
      {
        kind: 'credit',
        code: 'credit.overLimit',
        params: { exposure: 3_012_00, limit: 3_000_00, over: 12_00, exposureText: '3,012.00', limitText: '3,000.00', overText: '12.00' },
      },
    ]);
    expect((await linesOf(db, bigger.id))[0].allocated_qty).toBe(0);
    const hold = (await holdsOf(db, bigger.id))[0];
    expect(hold).toMatchObject({ kind: 'credit', code: 'credit.overLimit', status: 'open' });
    expect(JSON.parse(hold.params)).toMatchObject({ over: 12_00 });
  });

  it('collection rate over the last three months, void and older settlements ignored; each failure its own hold', async () => {
    const { db, customerId, productId, warehouseId } = await world(t, 100, 1_000_00);
    await addSettlement(db, customerId, { amount: 1_000_00, paid: 500_00, dueDate: '2026-10-01' });
    await addSettlement(db, customerId, { amount: 1_000_00, paid: 1_000_00, dueDate: '2026-11-19' });
    await addSettlement(db, customerId, { amount: 9_000_00, paid: 0, dueDate: '2026-08-19', status: 'paid' }); // before the window
    await addSettlement(db, customerId, { amount: 9_000_00, paid: 0, dueDate: '2026-11-01', status: 'void' });
    await addSettlement(db, customerId, { amount: 9_000_00, paid: 0, dueDate: '2026-11-21', status: 'paid' }); // not due yet
    // paid 1,500.00 of 2,000.00 due = 75% < 80%; exposure 500.00 unpaid + 113.00 > ... no: limit 1,000.00, 613.00 passes.
    const order = await insertOrder(db, { customerId, lines: [{ productId, warehouseId, quantity: 1 }] });
    const review = await inTx(db, (tx) => reviewSubmittedOrder(tx, order.id, testEnv({ at: NOW })));
    expect(review.holds.map((h) => [h.code, h.params.percent, h.params.thresholdPercent])).toEqual([['credit.lowCollection', '75', '80']]);

    const big = await insertOrder(db, { customerId, lines: [{ productId, warehouseId, quantity: 5 }] });
    const both = await inTx(db, (tx) => reviewSubmittedOrder(tx, big.id, testEnv({ at: NOW })));
    expect(both.holds.map((h) => h.code)).toEqual(['credit.overLimit', 'credit.lowCollection']);
    expect((await holdsOf(db, big.id)).map((h) => h.code).sort()).toEqual(['credit.lowCollection', 'credit.overLimit']);
  });

  it('cash orders skip the credit check; custom orders wait for review; every reason is recorded', async () => {
    const { db, customerId, productId, warehouseId } = await world(t, 1, 0);
    const cash = await insertOrder(db, { customerId, paymentMethod: 'cash', lines: [{ productId, warehouseId, quantity: 1 }] });
    expect((await inTx(db, (tx) => reviewSubmittedOrder(tx, cash.id, testEnv()))).status).toBe('approved');

    const all = await insertOrder(db, { customerId, customFlag: true, customText: '外箱印客户 LOGO', lines: [{ productId, warehouseId, quantity: 2 }] });
    const review = await inTx(db, (tx) => reviewSubmittedOrder(tx, all.id, testEnv()));
    expect(review.holds.map((h) => h.kind)).toEqual(['credit', 'stock', 'custom_review']);
    expect(review.holds[2]).toEqual({ kind: 'custom_review', code: 'review.customReview', params: { text: '外箱印客户 LOGO' } });
  });

  it('refuses to review an order that is not submitted', async () => {
    const { db, customerId, productId, warehouseId } = await world(t);
    const draft = await insertOrder(db, { customerId, status: 'draft', lines: [{ productId, warehouseId, quantity: 1 }] });
    await expect(inTx(db, (tx) => reviewSubmittedOrder(tx, draft.id, testEnv()))).rejects.toMatchObject({ code: 'order.illegalTransition' });
  });
});

async function heldOrder(opts: { onHand?: number; creditLimit?: number; quantity?: number; price?: number; customFlag?: boolean } = {}) {
  const w = await world(t, opts.onHand ?? 100, opts.creditLimit ?? 0);
  const order = await insertOrder(w.db, {
    customerId: w.customerId,
    customFlag: opts.customFlag,
    customText: opts.customFlag ? '定制刻字' : null,
    lines: [{ productId: w.productId, warehouseId: w.warehouseId, quantity: opts.quantity ?? 10, unitPrice: opts.price }],
  });
  const review = await inTx(w.db, (tx) => reviewSubmittedOrder(tx, order.id, testEnv()));
  const row = await orderRow(w.db, order.id);
  return { ...w, order, review, rowVersion: row.row_version };
}

type Decided = { status: string; rowVersion: number; openHolds: number; holds: { code: string }[] };

describe('approvals.decide', () => {
  it('releasing the last credit hold approves the order and reserves its stock; decision and audit recorded', async () => {
    const h = await heldOrder();
    expect(h.review.holds.map((x) => x.code)).toEqual(['credit.overLimit']);
    const r = await t.call<Decided>('approvals.decide', { orderId: h.order.id, rowVersion: h.rowVersion, decision: 'release', comment: '老客户，已电话确认付款' }, approver);
    expect(r).toMatchObject({ status: 'approved', openHolds: 0, holds: [] });
    expect((await linesOf(h.db, h.order.id))[0].allocated_qty).toBe(10);
    expect(await stockOf(h.db, h.productId, h.warehouseId)).toMatchObject({ allocated: 10 });
    const holds = await holdsOf(h.db, h.order.id, 'released');
    expect(holds).toHaveLength(1);
    expect(holds[0].comment).toBe('老客户，已电话确认付款');
    const decisions = await h.db.selectFrom('approval_decisions').selectAll().where('order_id', '=', h.order.id).execute();
    expect(decisions).toMatchObject([{ decision: 'release', hold_id: holds[0].id, order_row_version: h.rowVersion, comment: '老客户，已电话确认付款' }]);
    const audit = await h.db.selectFrom('audit_log').selectAll().where('entity_id', '=', h.order.id).where('handler', '=', 'approvals.decide').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0].username).toBe('wang');
    const history = await h.db.selectFrom('order_status_history').select(['from_status', 'to_status']).where('order_id', '=', h.order.id).orderBy('at').execute();
    expect(history.map((x) => `${x.from_status}→${x.to_status}`)).toEqual(['submitted→on_hold', 'on_hold→approved']);
  });

  it('refuses a decision on a stale version ("the order changed, reload")', async () => {
    const h = await heldOrder();
    const err = await t.call('approvals.decide', { orderId: h.order.id, rowVersion: h.rowVersion - 1, decision: 'release' }, approver).catch((e) => e);
    expect(err).toBeInstanceOf(DeskError);
    expect(err).toMatchObject({ code: 'conflict.stale', status: 409 });
    expect(await holdsOf(h.db, h.order.id)).toHaveLength(1);
  });

  it('refuses beyond the decider\u2019s authority and names who may; a manager may', async () => {
    // 2,000 × 100.00 + 13% = 226,000.00 > the approver's 200,000.00
    const h = await heldOrder({ quantity: 2000, onHand: 5000 });
    const err = await t.call('approvals.decide', { orderId: h.order.id, rowVersion: h.rowVersion, decision: 'release' }, approver).catch((e) => e);
    expect(err).toMatchObject({ code: 'authority.overLimit', status: 403, params: { limit: 20_000_000, amount: 22_600_000, who: 'manager, admin' } });
    expect(await holdsOf(h.db, h.order.id)).toHaveLength(1);
    const r = await t.call<Decided>('approvals.decide', { orderId: h.order.id, rowVersion: h.rowVersion, decision: 'release' }, manager);
    expect(r.status).toBe('approved');
  });

  it('a user\u2019s own limit overrides the role\u2019s', async () => {
    const small = await t.signInAs('approver', 'small', 1_000_00);
    const h = await heldOrder({ quantity: 10 }); // 1,130.00
    await expect(t.call('approvals.decide', { orderId: h.order.id, rowVersion: h.rowVersion, decision: 'release' }, small)).rejects.toMatchObject({
      code: 'authority.overLimit',
      params: { limit: 1_000_00, amount: 1_130_00 },
    });
  });

  it('clerks may not decide', async () => {
    const h = await heldOrder();
    await expect(t.call('approvals.decide', { orderId: h.order.id, rowVersion: h.rowVersion, decision: 'release' }, clerk)).rejects.toMatchObject({
      code: 'auth.forbidden',
      params: { allowed: 'approver, manager, admin' },
    });
  });

  it('releasing a stock hold re-checks stock: refused while short, approved once stock arrived', async () => {
    const h = await heldOrder({ onHand: 4, creditLimit: 1_000_000_00 });
    expect(h.review.holds.map((x) => x.code)).toEqual(['stock.short']);
    await expect(t.call('approvals.decide', { orderId: h.order.id, rowVersion: h.rowVersion, decision: 'release' }, approver)).rejects.toMatchObject({
      code: 'stock.short',
      params: { need: 10, available: 4 },
    });
    await setStock(h.db, h.productId, h.warehouseId, 12);
    const r = await t.call<Decided>('approvals.decide', { orderId: h.order.id, rowVersion: h.rowVersion, decision: 'release' }, approver);
    expect(r.status).toBe('approved');
    expect(await stockOf(h.db, h.productId, h.warehouseId)).toMatchObject({ on_hand: 12, allocated: 10 });
  });

  it('stock sold while the order waited: releasing the last credit hold puts a stock hold on it instead', async () => {
    const h = await heldOrder({ onHand: 10 });
    await inTx(h.db, (tx) => issueStock(tx, h.productId, h.warehouseId, 5, testEnv()));
    const r = await t.call<Decided>('approvals.decide', { orderId: h.order.id, rowVersion: h.rowVersion, decision: 'release' }, approver);
    expect(r).toMatchObject({ status: 'on_hold', openHolds: 1, holds: [{ code: 'stock.short' }] });
    expect(await stockOf(h.db, h.productId, h.warehouseId)).toMatchObject({ on_hand: 5, allocated: 0 });
  });

  it('reject cancels the order with the comment; a comment is required', async () => {
    const h = await heldOrder();
    await expect(t.call('approvals.decide', { orderId: h.order.id, rowVersion: h.rowVersion, decision: 'reject' }, approver)).rejects.toMatchObject({
      code: 'validation.failed',
      fields: [{ path: 'comment', code: 'approval.commentRequired' }],
    });
    const r = await t.call<Decided>('approvals.decide', { orderId: h.order.id, rowVersion: h.rowVersion, decision: 'reject', comment: '逾期未还款' }, approver);
    expect(r).toMatchObject({ status: 'cancelled', openHolds: 0 });
    const order = await orderRow(h.db, h.order.id);
    expect(order.cancelled_at).not.toBeNull();
    const last = await h.db.selectFrom('order_status_history').selectAll().where('order_id', '=', h.order.id).where('to_status', '=', 'cancelled').executeTakeFirstOrThrow();
    expect(last.reason).toBe('逾期未还款');
    expect(await holdsOf(h.db, h.order.id, 'rejected')).toHaveLength(1);
  });

  it('ask for a change: the hold stays open, flagged, and the decision is recorded', async () => {
    const h = await heldOrder();
    const r = await t.call<Decided>('approvals.decide', { orderId: h.order.id, rowVersion: h.rowVersion, decision: 'ask_change', comment: '请减少数量' }, approver);
    expect(r).toMatchObject({ status: 'on_hold', openHolds: 1 });
    expect(r.rowVersion).toBe(h.rowVersion + 1);
    const [hold] = await holdsOf(h.db, h.order.id);
    expect(hold).toMatchObject({ awaiting_change: 1, comment: '请减少数量' });
    const q = await t.call<{ rows: { orderId: string; awaitingChange: boolean }[] }>('approvals.queue', { kind: 'credit', limit: 200 }, approver);
    expect(q.rows.find((x) => x.orderId === h.order.id)?.awaitingChange).toBe(true);
  });

  it('releasing a custom-review hold needs the customer\u2019s confirmation (double sign-off), which is stored', async () => {
    const h = await heldOrder({ creditLimit: 1_000_000_00, customFlag: true });
    expect(h.review.holds.map((x) => x.code)).toEqual(['review.customReview']);
    await expect(t.call('approvals.decide', { orderId: h.order.id, rowVersion: h.rowVersion, decision: 'release' }, approver)).rejects.toMatchObject({
      code: 'validation.failed',
      fields: [{ path: 'confirmation', code: 'approval.confirmationRequired' }],
    });
    const confirmation = { channel: 'phone', person: '李经理', confirmedAt: '2026-11-20T09:30:00+08:00', text: '确认刻字内容"欢迎光临"' };
    const r = await t.call<Decided>('approvals.decide', { orderId: h.order.id, rowVersion: h.rowVersion, decision: 'release', confirmation }, approver);
    expect(r.status).toBe('approved');
    const stored = await h.db.selectFrom('customer_confirmations').selectAll().where('order_id', '=', h.order.id).execute();
    expect(stored).toMatchObject([{ channel: 'phone', person: '李经理', text: '确认刻字内容"欢迎光临"' }]);
  });

  it('releasing one of two holds keeps the order on hold; holds of other orders are not open here', async () => {
    const h = await heldOrder({ onHand: 3 });
    expect(h.review.holds.map((x) => x.code)).toEqual(['credit.overLimit', 'stock.short']);
    const open = await holdsOf(h.db, h.order.id);
    const credit = open.find((x) => x.kind === 'credit')!;
    const stock = open.find((x) => x.kind === 'stock')!;
    const r = await t.call<Decided>('approvals.decide', { orderId: h.order.id, rowVersion: h.rowVersion, holdIds: [credit.id], decision: 'release' }, approver);
    expect(r).toMatchObject({ status: 'on_hold', openHolds: 1 });
    await expect(t.call('approvals.decide', { orderId: h.order.id, rowVersion: r.rowVersion, holdIds: [credit.id], decision: 'release' }, approver)).rejects.toMatchObject({
      code: 'approval.holdNotOpen',
    });
    await expect(t.call('approvals.decide', { orderId: h.order.id, rowVersion: r.rowVersion, holdIds: [stock.id], decision: 'approve_change' }, approver)).rejects.toMatchObject({
      code: 'approval.wrongDecision',
    });
    expect(await allocationDrift(h.db)).toEqual([]);
  });
});
