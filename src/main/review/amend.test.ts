/** Change window, small-change authority and change requests (orders.amend, approvals.decide). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allocationDrift, recordDelivery } from '../../shared/review/allocation';
import { reviewSubmittedOrder } from '../../shared/review/route';
import { openTestDesk, type TestDesk } from '../testing/desk';
import { addProduct, holdsOf, inTx, insertOrder, linesOf, orderRow, setStock, stockOf, testEnv, world } from './testing';

let t: TestDesk;
let clerk: string;
let approver: string;
beforeAll(async () => {
  t = await openTestDesk();
  clerk = await t.signInAs('clerk', 'xiaoli');
  approver = await t.signInAs('approver', 'wang');
});
afterAll(async () => t?.close());

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

interface Amended {
  outcome: 'window' | 'small_change' | 'change_request';
  status: string;
  rowVersion: number;
  revision: number;
  diff: { field: string; before: unknown; after: unknown; line?: number }[];
  amountDelta: number;
  changeRequestId: string | null;
  holds: { code: string }[];
}

/** An approved order of 10 × 100.00 (+13%) with stock reserved, submitted `age` minutes ago. */
async function approvedOrder(age: number, onHand = 100) {
  const w = await world(t, onHand);
  const o = await insertOrder(w.db, { customerId: w.customerId, submittedAt: minutesAgo(age), promisedDate: '2026-12-20', lines: [{ productId: w.productId, warehouseId: w.warehouseId, quantity: 10 }] });
  expect((await inTx(w.db, (tx) => reviewSubmittedOrder(tx, o.id, testEnv()))).status).toBe('approved');
  const [line] = await linesOf(w.db, o.id);
  const row = await orderRow(w.db, o.id);
  return { ...w, orderId: o.id, lineId: line.id, rowVersion: row.row_version };
}

describe('inside the change window', () => {
  it('applies at once: new revision with a diff, changed flag, re-reviewed and re-reserved', async () => {
    const o = await approvedOrder(10);
    const r = await t.call<Amended>('orders.amend', { orderId: o.orderId, rowVersion: o.rowVersion, lines: [{ id: o.lineId, quantity: 12 }], header: { shipStreet: '世纪大道 100 号' } }, clerk);
    expect(r).toMatchObject({ outcome: 'window', status: 'approved', revision: 1, amountDelta: 226_00, changeRequestId: null, holds: [] });
    expect(r.diff).toEqual(
      expect.arrayContaining([
        { field: 'shipStreet', before: '世纪大道 1 号', after: '世纪大道 100 号' },
        { field: 'line.quantity', line: 1, sku: 'SKU-1', before: 10, after: 12 },
        { field: 'total', before: 1_130_00, after: 1_356_00 },
      ]),
    );
    const order = await orderRow(o.db, o.orderId);
    expect(order).toMatchObject({ revision: 1, changed_flag: 1, total: 1_356_00, subtotal: 1_200_00, tax_total: 156_00, ship_street: '世纪大道 100 号' });
    expect((await linesOf(o.db, o.orderId))[0]).toMatchObject({ quantity: 12, allocated_qty: 12, total: 1_356_00 });
    expect(await stockOf(o.db, o.productId, o.warehouseId)).toMatchObject({ allocated: 12 });
    const versions = await o.db.selectFrom('order_versions').selectAll().where('order_id', '=', o.orderId).orderBy('revision').execute();
    expect(versions.map((v) => v.revision)).toEqual([0, 1]);
    expect(JSON.parse(versions[0].snapshot).lines[0].quantity).toBe(10);
    expect(JSON.parse(versions[1].snapshot).lines[0].quantity).toBe(12);
    expect(JSON.parse(versions[1].diff!)).toEqual(r.diff);
    expect(await allocationDrift(o.db)).toEqual([]);
  });

  it('changes the bill-to and the delivery method of a submitted order, each in the diff', async () => {
    const o = await approvedOrder(10);
    const header = { billTo: '上海某某贸易有限公司 财务部 税号 91310000MA1K000000', deliveryMethod: 'pickup' };
    const r = await t.call<Amended>('orders.amend', { orderId: o.orderId, rowVersion: o.rowVersion, header }, clerk);
    expect(r).toMatchObject({ outcome: 'window', revision: 1, amountDelta: 0 });
    expect(r.diff).toEqual(
      expect.arrayContaining([
        { field: 'billTo', before: null, after: header.billTo },
        { field: 'deliveryMethod', before: 'delivery', after: 'pickup' },
      ]),
    );
    expect(await orderRow(o.db, o.orderId)).toMatchObject({ bill_to: header.billTo, delivery_method: 'pickup', revision: 1 });
  });

  it('adds and removes lines, pricing new ones from the product', async () => {
    const o = await approvedOrder(5);
    const other = await addProduct(o.db, { price: 50_00 });
    await setStock(o.db, other, o.warehouseId, 10);
    const r = await t.call<Amended>('orders.amend', { orderId: o.orderId, rowVersion: o.rowVersion, lines: [{ productId: other, quantity: 3, warehouseId: o.warehouseId }] }, clerk);
    expect(r.outcome).toBe('window');
    expect(r.diff.map((d) => d.field)).toEqual(['line.added', 'line.removed', 'total']);
    const lines = await linesOf(o.db, o.orderId);
    expect(lines).toMatchObject([{ line_no: 2, product_id: other, quantity: 3, unit_price: 50_00, amount: 150_00, tax: 19_50, total: 169_50, allocated_qty: 3 }]);
    expect(await stockOf(o.db, o.productId, o.warehouseId)).toMatchObject({ allocated: 0 });
    expect(await stockOf(o.db, other, o.warehouseId)).toMatchObject({ allocated: 3 });
    expect((await orderRow(o.db, o.orderId)).total).toBe(169_50);
  });

  it('a change that takes more than the stock puts the order on hold for stock, reserving nothing', async () => {
    const o = await approvedOrder(5, 15);
    const r = await t.call<Amended>('orders.amend', { orderId: o.orderId, rowVersion: o.rowVersion, lines: [{ id: o.lineId, quantity: 20 }] }, clerk);
    expect(r).toMatchObject({ outcome: 'window', status: 'on_hold', holds: [{ code: 'stock.short' }] });
    expect(await stockOf(o.db, o.productId, o.warehouseId)).toMatchObject({ on_hand: 15, allocated: 0 });
    // And back down: the hold is superseded and the order approved again.
    const back = await t.call<Amended>('orders.amend', { orderId: o.orderId, rowVersion: r.rowVersion, lines: [{ id: o.lineId, quantity: 15 }] }, clerk);
    expect(back).toMatchObject({ status: 'approved', revision: 2 });
    expect(await holdsOf(o.db, o.orderId)).toEqual([]);
    expect((await holdsOf(o.db, o.orderId, 'superseded')).map((h) => h.code)).toEqual(['stock.short']);
    expect(await stockOf(o.db, o.productId, o.warehouseId)).toMatchObject({ allocated: 15 });
  });

  it('refuses a quantity below what was delivered; exactly the delivered quantity is fine', async () => {
    const o = await approvedOrder(5);
    await inTx(o.db, (tx) => recordDelivery(tx, o.lineId, 5, testEnv()));
    const before = await orderRow(o.db, o.orderId);
    await expect(t.call('orders.amend', { orderId: o.orderId, rowVersion: before.row_version, lines: [{ id: o.lineId, quantity: 4 }] }, clerk)).rejects.toMatchObject({
      code: 'change.belowDelivered',
      params: { line: 1, delivered: 5, quantity: 4 },
    });
    await expect(t.call('orders.amend', { orderId: o.orderId, rowVersion: before.row_version, lines: [{ productId: o.productId, quantity: 4 }] }, clerk)).rejects.toMatchObject({
      code: 'change.belowDelivered',
    });
    const r = await t.call<Amended>('orders.amend', { orderId: o.orderId, rowVersion: before.row_version, lines: [{ id: o.lineId, quantity: 5 }] }, clerk);
    expect(r.status).toBe('approved');
    expect((await linesOf(o.db, o.orderId))[0]).toMatchObject({ quantity: 5, delivered_qty: 5, allocated_qty: 0 });
    expect(await stockOf(o.db, o.productId, o.warehouseId)).toMatchObject({ on_hand: 95, allocated: 0 });
  });

  it('changed custom requirements need review again; stale versions and nothing-changed are refused', async () => {
    const o = await approvedOrder(5);
    await expect(t.call('orders.amend', { orderId: o.orderId, rowVersion: o.rowVersion - 1, header: { notes: 'x' } }, clerk)).rejects.toMatchObject({ code: 'conflict.stale' });
    await expect(t.call('orders.amend', { orderId: o.orderId, rowVersion: o.rowVersion, lines: [{ id: o.lineId, quantity: 10 }] }, clerk)).rejects.toMatchObject({ code: 'change.nothing' });
    const r = await t.call<Amended>('orders.amend', { orderId: o.orderId, rowVersion: o.rowVersion, header: { customText: '包装印公司标志' } }, clerk);
    expect(r).toMatchObject({ status: 'on_hold', holds: [{ code: 'review.customReview' }] });
    expect((await orderRow(o.db, o.orderId)).custom_flag).toBe(1);
    // No reason typed: the version and the move to on_hold carry the route as a reason code.
    const versions = await o.db.selectFrom('order_versions').select(['revision', 'reason']).where('order_id', '=', o.orderId).orderBy('revision').execute();
    expect(versions.at(-1)).toEqual({ revision: 1, reason: 'order.reason.changeInWindow' });
    const history = await o.db.selectFrom('order_status_history').select(['to_status', 'reason']).where('order_id', '=', o.orderId).orderBy('at', 'desc').executeTakeFirstOrThrow();
    expect(history).toEqual({ to_status: 'on_hold', reason: 'order.reason.changeInWindow' });
  });

  it('refuses a discount beyond the clerk\u2019s authority', async () => {
    const o = await approvedOrder(5);
    await expect(t.call('orders.amend', { orderId: o.orderId, rowVersion: o.rowVersion, lines: [{ id: o.lineId, quantity: 10, discountBp: 1500 }] }, clerk)).rejects.toMatchObject({
      code: 'validation.failed',
      fields: [{ path: 'lines.0.discountBp', code: 'order.discountTooDeep', params: { max: 10, given: 15, role: 'clerk' } }],
    });
  });
});

describe('after the change window', () => {
  it('a larger change becomes a change request; the order keeps its version until it is approved', async () => {
    const o = await approvedOrder(180);
    const r = await t.call<Amended>('orders.amend', { orderId: o.orderId, rowVersion: o.rowVersion, lines: [{ id: o.lineId, quantity: 20 }], reason: '客户追加' }, clerk);
    expect(r).toMatchObject({ outcome: 'change_request', status: 'approved', revision: 0, amountDelta: 1_130_00 });
    expect(r.changeRequestId).toBeTruthy();
    expect((await linesOf(o.db, o.orderId))[0]).toMatchObject({ quantity: 10, allocated_qty: 10 });
    expect((await orderRow(o.db, o.orderId)).changed_flag).toBe(0);

    const queue = await t.call<{ counts: Record<string, number>; rows: { orderId: string; kinds: string[]; rowVersion: number; reasons: { code: string; params: Record<string, unknown> }[] }[] }>(
      'approvals.queue',
      { kind: 'change_request', limit: 200 },
      approver,
    );
    const row = queue.rows.find((x) => x.orderId === o.orderId)!;
    expect(row.kinds).toEqual(['change_request']);
    expect(row.reasons[0]).toMatchObject({ code: 'change.request', params: { delta: 1_130_00, deltaText: '1,130.00', newTotal: 2_260_00 } });

    const detail = await t.call<{ changeRequests: { status: string; diff: { field: string }[] }[] }>('approvals.detail', { orderId: o.orderId }, approver);
    expect(detail.changeRequests[0]).toMatchObject({ status: 'open' });
    expect(detail.changeRequests[0].diff.map((d) => d.field)).toEqual(['line.quantity', 'total']);

    const decided = await t.call<{ status: string; openHolds: number }>('approvals.decide', { orderId: o.orderId, rowVersion: row.rowVersion, decision: 'approve_change', comment: '同意' }, approver);
    expect(decided).toMatchObject({ status: 'approved', openHolds: 0 });
    expect((await linesOf(o.db, o.orderId))[0]).toMatchObject({ quantity: 20, allocated_qty: 20 });
    expect(await orderRow(o.db, o.orderId)).toMatchObject({ revision: 1, changed_flag: 1, total: 2_260_00 });
    const cr = await o.db.selectFrom('change_requests').selectAll().where('order_id', '=', o.orderId).executeTakeFirstOrThrow();
    expect(cr).toMatchObject({ status: 'approved', base_revision: 0, amount_delta: 1_130_00 });
    expect(await allocationDrift(o.db)).toEqual([]);
  });

  it('a rejected change request leaves the order as it was', async () => {
    const o = await approvedOrder(180);
    const r = await t.call<Amended>('orders.amend', { orderId: o.orderId, rowVersion: o.rowVersion, header: { shipStreet: '新地址 8 号' } }, clerk);
    expect(r.outcome).toBe('change_request');
    await expect(t.call('approvals.decide', { orderId: o.orderId, rowVersion: r.rowVersion, decision: 'reject_change' }, approver)).rejects.toMatchObject({ code: 'validation.failed' });
    const d = await t.call<{ status: string; openHolds: number }>('approvals.decide', { orderId: o.orderId, rowVersion: r.rowVersion, decision: 'reject_change', comment: '已发货前不能改地址' }, approver);
    expect(d).toMatchObject({ status: 'approved', openHolds: 0 });
    expect(await orderRow(o.db, o.orderId)).toMatchObject({ ship_street: '世纪大道 1 号', revision: 0 });
    expect(await o.db.selectFrom('change_requests').select('status').where('order_id', '=', o.orderId).execute()).toEqual([{ status: 'rejected' }]);
  });

  it.each([
    ['one more unit (113.00 < 500.00)', { lines: [{ quantity: 11 }] }, 'small_change'],
    ['five more units (565.00 ≥ 500.00)', { lines: [{ quantity: 15 }] }, 'change_request'],
    ['promised date moved 3 days', { header: { promisedDate: '2026-12-23' } }, 'small_change'],
    ['promised date moved 4 days', { header: { promisedDate: '2026-12-24' } }, 'change_request'],
    ['promised date cleared', { header: { promisedDate: null } }, 'change_request'],
    ['a note', { header: { notes: '请提前电话' } }, 'small_change'],
    ['the address', { header: { shipDistrict: '徐汇区' } }, 'change_request'],
    ['the bill-to', { header: { billTo: '上海某某贸易有限公司 财务部' } }, 'change_request'],
    ['payment method', { header: { paymentMethod: 'cash' } }, 'change_request'],
    ['delivery method: the customer collects it', { header: { deliveryMethod: 'pickup' } }, 'small_change'],
    ['delivery method and date moved 2 days', { header: { deliveryMethod: 'courier', promisedDate: '2026-12-22' } }, 'small_change'],
    ['delivery method and the address', { header: { deliveryMethod: 'freight', shipDistrict: '徐汇区' } }, 'change_request'],
  ] as const)('%s → %s', async (_name, change, outcome) => {
    const o = await approvedOrder(180);
    const input: Record<string, unknown> = { orderId: o.orderId, rowVersion: o.rowVersion };
    if ('header' in change) input.header = change.header;
    if ('lines' in change) input.lines = change.lines.map((l) => ({ ...l, id: o.lineId }));
    const r = await t.call<Amended>('orders.amend', input, clerk);
    expect(r.outcome).toBe(outcome);
    expect(r.revision).toBe(outcome === 'small_change' ? 1 : 0);
    if (outcome === 'small_change') {
      const audit = await o.db.selectFrom('audit_log').select(['summary', 'username']).where('entity_id', '=', o.orderId).where('handler', '=', 'orders.amend').execute();
      expect(audit[0].summary).toContain('small change');
      expect(audit[0].username).toBe('xiaoli');
      // No reason typed: the new version carries the route as a reason code.
      const version = await o.db.selectFrom('order_versions').select('reason').where('order_id', '=', o.orderId).where('revision', '=', 1).executeTakeFirstOrThrow();
      expect(version.reason).toBe('order.reason.smallChange');
    }
    const row = await orderRow(o.db, o.orderId);
    const method = 'header' in change && 'deliveryMethod' in change.header ? change.header.deliveryMethod : 'delivery';
    // A change request leaves the order as it was until it is approved.
    expect(row.delivery_method).toBe(outcome === 'change_request' ? 'delivery' : method);
  });

  it('the window counts from payment when that came later', async () => {
    const o = await approvedOrder(600);
    await o.db.updateTable('orders').set({ paid_at: minutesAgo(30) }).where('id', '=', o.orderId).execute();
    const r = await t.call<Amended>('orders.amend', { orderId: o.orderId, rowVersion: o.rowVersion, header: { shipDistrict: '徐汇区' } }, clerk);
    expect(r.outcome).toBe('window');
  });
});
