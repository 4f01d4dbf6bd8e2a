/**
 * The allocation facts of issue 4, on a real desk store (SQLite file, migrations, dispatcher).
 * Deliveries arrive in a later issue, so they are exercised through the store-level operations.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeskError } from '../../shared/errors';
import { allocateWaiting, allocationDrift, cancelDelivery, issueStock, receiveStock, recordDelivery } from '../../shared/review/allocation';
import { onOrderCancelled, reviewSubmittedOrder } from '../../shared/review/route';
import { setOrderStatus } from '../../shared/review/status';
import { implementations } from '../handlers';
import { openTestDesk, type TestDesk } from '../testing/desk';
import { holdsOf, inTx, insertOrder, linesOf, orderRow, setStock, stockOf, testEnv, world } from './testing';

let t: TestDesk;
let approver: string;
beforeAll(async () => {
  t = await openTestDesk();
  approver = await t.signInAs('approver', 'li');
});
afterAll(async () => t?.close());

async function facts(orderId: string, productId: string, warehouseId: string) {
  const db = t.desk.store.db;
  const [line] = await linesOf(db, orderId);
  const stock = await stockOf(db, productId, warehouseId);
  const order = await orderRow(db, orderId);
  return { lineAllocated: line.allocated_qty, delivered: line.delivered_qty, stockAllocated: stock.allocated, onHand: stock.on_hand, status: order.status, rowVersion: order.row_version, lineId: line.id };
}

describe('allocation facts', () => {
  it('10 allocates 10; 5 delivered leaves 5; close releases; reopen takes 5; undelivery brings back 10; cancel releases all', async () => {
    const { db, customerId, productId, warehouseId } = await world(t, 10);
    const order = await insertOrder(db, { customerId, lines: [{ productId, warehouseId, quantity: 10 }] });

    const review = await inTx(db, (tx) => reviewSubmittedOrder(tx, order.id, testEnv()));
    expect(review).toEqual({ status: 'approved', holds: [] });
    let f = await facts(order.id, productId, warehouseId);
    expect(f).toMatchObject({ status: 'approved', lineAllocated: 10, stockAllocated: 10, onHand: 10 });

    await inTx(db, (tx) => recordDelivery(tx, f.lineId, 5, testEnv()));
    f = await facts(order.id, productId, warehouseId);
    expect(f).toMatchObject({ lineAllocated: 5, delivered: 5, stockAllocated: 5, onHand: 5 });

    const closed = await t.call<{ status: string; allocationChange: number }>('orders.close', { orderId: order.id, rowVersion: f.rowVersion, reason: '客户不要剩余' }, approver);
    expect(closed).toMatchObject({ status: 'closed', allocationChange: -5 });
    f = await facts(order.id, productId, warehouseId);
    expect(f).toMatchObject({ status: 'closed', lineAllocated: 0, stockAllocated: 0, onHand: 5 });

    const reopened = await t.call<{ status: string; allocationChange: number }>('orders.reopen', { orderId: order.id, rowVersion: f.rowVersion, reason: '客户又要了' }, approver);
    expect(reopened).toMatchObject({ status: 'approved', allocationChange: 5 });
    f = await facts(order.id, productId, warehouseId);
    expect(f).toMatchObject({ status: 'approved', lineAllocated: 5, stockAllocated: 5, onHand: 5 });

    await inTx(db, (tx) => cancelDelivery(tx, f.lineId, 5, testEnv()));
    f = await facts(order.id, productId, warehouseId);
    expect(f).toMatchObject({ lineAllocated: 10, delivered: 0, stockAllocated: 10, onHand: 10 });

    // What orders.cancel does for an approved order: release through review, then the transition.
    await inTx(db, async (tx) => {
      const env = testEnv();
      await onOrderCancelled(tx, order.id, env, 'customer cancelled');
      await setOrderStatus(tx, order.id, 'approved', 'cancelled', env, 'customer cancelled');
    });
    f = await facts(order.id, productId, warehouseId);
    expect(f).toMatchObject({ status: 'cancelled', lineAllocated: 0, stockAllocated: 0, onHand: 10 });
    expect(await allocationDrift(db)).toEqual([]);
  });

  it('three lines of 5 against 10 on hand: the third is short, the order is held for stock, nothing is reserved', async () => {
    const { db, customerId, productId, warehouseId } = await world(t, 10);
    const order = await insertOrder(db, {
      customerId,
      lines: [
        { productId, warehouseId, quantity: 5 },
        { productId, warehouseId, quantity: 5 },
        { productId, warehouseId, quantity: 5 },
      ],
    });
    const review = await inTx(db, (tx) => reviewSubmittedOrder(tx, order.id, testEnv()));
    expect(review.status).toBe('on_hold');
    expect(review.holds).toEqual([{ kind: 'stock', code: 'stock.short', params: { line: 3, sku: 'SKU-3', need: 5, available: 0, short: 5 } }]);
    const holds = await holdsOf(db, order.id);
    expect(holds.map((h) => [h.kind, h.code, JSON.parse(h.params).line])).toEqual([['stock', 'stock.short', 3]]);
    expect((await linesOf(db, order.id)).map((l) => l.allocated_qty)).toEqual([0, 0, 0]);
    const stock = await stockOf(db, productId, warehouseId);
    expect(stock.on_hand - stock.allocated).toBe(10);
    const history = await db.selectFrom('order_status_history').select(['from_status', 'to_status']).where('order_id', '=', order.id).execute();
    expect(history).toEqual([{ from_status: 'submitted', to_status: 'on_hold' }]);
  });

  it('two orders of 6 against 10: the second is held, available never goes below zero', async () => {
    const { db, customerId, productId, warehouseId } = await world(t, 10);
    const a = await insertOrder(db, { customerId, lines: [{ productId, warehouseId, quantity: 6 }] });
    const b = await insertOrder(db, { customerId, lines: [{ productId, warehouseId, quantity: 6 }] });
    expect((await inTx(db, (tx) => reviewSubmittedOrder(tx, a.id, testEnv()))).status).toBe('approved');
    const second = await inTx(db, (tx) => reviewSubmittedOrder(tx, b.id, testEnv()));
    expect(second.holds[0]).toMatchObject({ code: 'stock.short', params: { need: 6, available: 4 } });
    const stock = await stockOf(db, productId, warehouseId);
    expect(stock).toMatchObject({ on_hand: 10, allocated: 6 });
  });

  it('100 on hand and 50 allocated: issuing 100 elsewhere is refused, 50 is fine', async () => {
    const { db, customerId, productId, warehouseId } = await world(t, 100);
    const order = await insertOrder(db, { customerId, lines: [{ productId, warehouseId, quantity: 50 }] });
    await inTx(db, (tx) => reviewSubmittedOrder(tx, order.id, testEnv()));
    expect(await stockOf(db, productId, warehouseId)).toMatchObject({ on_hand: 100, allocated: 50 });

    const refused = await inTx(db, (tx) => issueStock(tx, productId, warehouseId, 100, testEnv())).catch((e) => e);
    expect(refused).toBeInstanceOf(DeskError);
    expect(refused).toMatchObject({ code: 'review.issueExceedsAvailable', params: { qty: 100, available: 50 } });
    expect(await stockOf(db, productId, warehouseId)).toMatchObject({ on_hand: 100, allocated: 50 });

    // The schema refuses it too, whoever writes the row.
    await expect(db.updateTable('stock').set({ on_hand: 0 }).where('product_id', '=', productId).where('warehouse_id', '=', warehouseId).execute()).rejects.toThrow(/CHECK/);

    await inTx(db, (tx) => issueStock(tx, productId, warehouseId, 50, testEnv()));
    expect(await stockOf(db, productId, warehouseId)).toMatchObject({ on_hand: 50, allocated: 50 });
    expect(await allocationDrift(db)).toEqual([]);
  });

  it.runIf(Boolean((implementations as Record<string, unknown>)['stock.move']))('the master-data stock.move refuses the same issue', async () => {
    const { db, customerId, productId, warehouseId } = await world(t, 100);
    const order = await insertOrder(db, { customerId, lines: [{ productId, warehouseId, quantity: 50 }] });
    await inTx(db, (tx) => reviewSubmittedOrder(tx, order.id, testEnv()));
    await expect(t.call('stock.move', { productId, warehouseId, kind: 'issue', quantity: 100 }, t.admin)).rejects.toBeInstanceOf(DeskError);
    expect(await stockOf(db, productId, warehouseId)).toMatchObject({ on_hand: 100, allocated: 50 });
  });

  it('a delivery beyond what is owed, or of goods reserved by others, is refused', async () => {
    const { db, customerId, productId, warehouseId } = await world(t, 10);
    const a = await insertOrder(db, { customerId, lines: [{ productId, warehouseId, quantity: 8 }] });
    await inTx(db, (tx) => reviewSubmittedOrder(tx, a.id, testEnv()));
    const [line] = await linesOf(db, a.id);
    await expect(inTx(db, (tx) => recordDelivery(tx, line.id, 9, testEnv()))).rejects.toMatchObject({ code: 'review.deliveryExceedsOpen' });
    // An unreserved order (held) delivering goods the first one reserved.
    const b = await insertOrder(db, { customerId, status: 'on_hold', lines: [{ productId, warehouseId, quantity: 5 }] });
    const [bl] = await linesOf(db, b.id);
    await expect(inTx(db, (tx) => recordDelivery(tx, bl.id, 5, testEnv()))).rejects.toMatchObject({ code: 'review.issueExceedsAvailable' });
    expect(await stockOf(db, productId, warehouseId)).toMatchObject({ on_hand: 10, allocated: 8 });
    await expect(inTx(db, (tx) => cancelDelivery(tx, line.id, 1, testEnv()))).rejects.toMatchObject({ code: 'review.undeliverExceedsDelivered' });
  });

  it('pre-closing part of a line shrinks its reservation; more than is owed is refused', async () => {
    const { db, customerId, productId, warehouseId } = await world(t, 10);
    const order = await insertOrder(db, { customerId, lines: [{ productId, warehouseId, quantity: 10 }] });
    await inTx(db, (tx) => reviewSubmittedOrder(tx, order.id, testEnv()));
    let f = await facts(order.id, productId, warehouseId);
    const r = await t.call<{ cancelledQty: number; allocationChange: number; rowVersion: number }>(
      'orders.cancelLine',
      { orderId: order.id, rowVersion: f.rowVersion, lineId: f.lineId, quantity: 3, reason: '客户只要 7 件' },
      approver,
    );
    expect(r).toMatchObject({ cancelledQty: 3, allocationChange: -3 });
    f = await facts(order.id, productId, warehouseId);
    expect(f).toMatchObject({ lineAllocated: 7, stockAllocated: 7 });
    await inTx(db, (tx) => recordDelivery(tx, f.lineId, 5, testEnv()));
    f = await facts(order.id, productId, warehouseId);
    await expect(
      t.call('orders.cancelLine', { orderId: order.id, rowVersion: f.rowVersion, lineId: f.lineId, quantity: 3, reason: 'x' }, approver),
    ).rejects.toMatchObject({ code: 'review.cancelExceedsOpen', params: { open: 2 } });
    await t.call('orders.cancelLine', { orderId: order.id, rowVersion: f.rowVersion, lineId: f.lineId, quantity: 2, reason: '余量不要了' }, approver);
    f = await facts(order.id, productId, warehouseId);
    expect(f).toMatchObject({ lineAllocated: 0, stockAllocated: 0, onHand: 5, delivered: 5 });
    const [line] = await linesOf(db, order.id);
    expect(line.cancelled_qty).toBe(5);
    const audit = await db.selectFrom('audit_log').select('summary').where('entity_id', '=', order.id).where('handler', '=', 'orders.cancelLine').execute();
    expect(audit.map((a) => a.summary)).toEqual([expect.stringContaining('客户只要 7 件'), expect.stringContaining('余量不要了')]);
  });

  it('reopening when the stock has gone puts the order on hold for stock instead of over-reserving', async () => {
    const { db, customerId, productId, warehouseId } = await world(t, 10);
    const order = await insertOrder(db, { customerId, lines: [{ productId, warehouseId, quantity: 8 }] });
    await inTx(db, (tx) => reviewSubmittedOrder(tx, order.id, testEnv()));
    let f = await facts(order.id, productId, warehouseId);
    await t.call('orders.close', { orderId: order.id, rowVersion: f.rowVersion, reason: '暂停' }, approver);
    await inTx(db, (tx) => issueStock(tx, productId, warehouseId, 5, testEnv()));
    f = await facts(order.id, productId, warehouseId);
    const r = await t.call<{ status: string; holds: { code: string }[] }>('orders.reopen', { orderId: order.id, rowVersion: f.rowVersion, reason: '恢复' }, approver);
    expect(r).toMatchObject({ status: 'on_hold', holds: [{ code: 'stock.short' }] });
    expect(await stockOf(db, productId, warehouseId)).toMatchObject({ on_hand: 5, allocated: 0 });
    const history = await db.selectFrom('order_status_history').select(['from_status', 'to_status']).where('order_id', '=', order.id).orderBy('at').execute();
    expect(history.map((h) => `${h.from_status}→${h.to_status}`)).toEqual(['submitted→approved', 'approved→closed', 'closed→approved', 'approved→on_hold']);
  });

  it('closing refuses orders that were never approved and stale versions; clerks may not close', async () => {
    const { db, customerId, productId, warehouseId } = await world(t, 10);
    const order = await insertOrder(db, { customerId, status: 'on_hold', lines: [{ productId, warehouseId, quantity: 1 }] });
    await expect(t.call('orders.close', { orderId: order.id, rowVersion: 1, reason: 'x' }, approver)).rejects.toMatchObject({ code: 'order.illegalTransition' });
    await expect(t.call('orders.close', { orderId: order.id, rowVersion: 7, reason: 'x' }, approver)).rejects.toMatchObject({ code: 'conflict.stale' });
    const clerk = await t.signInAs('clerk', 'clerk-close');
    await expect(t.call('orders.close', { orderId: order.id, rowVersion: 1, reason: 'x' }, clerk)).rejects.toMatchObject({ code: 'auth.forbidden' });
  });

  it('in-transit stock counts when allowed: the order is approved, reserves what is on hand, and the rest on arrival', async () => {
    await t.call('settings.update', { countInTransit: true }, t.admin);
    try {
      const { db, customerId, productId, warehouseId } = await world(t, 5);
      await setStock(db, productId, warehouseId, 5, { inTransit: 10, inTransitEta: '2026-12-01' });
      const late = await insertOrder(db, { customerId, promisedDate: '2026-12-01', lines: [{ productId, warehouseId, quantity: 8 }] });
      expect((await inTx(db, (tx) => reviewSubmittedOrder(tx, late.id, testEnv()))).holds.map((h) => h.code)).toEqual(['stock.short']);
      const order = await insertOrder(db, { customerId, promisedDate: '2026-12-05', lines: [{ productId, warehouseId, quantity: 8 }] });
      expect((await inTx(db, (tx) => reviewSubmittedOrder(tx, order.id, testEnv()))).status).toBe('approved');
      expect(await facts(order.id, productId, warehouseId)).toMatchObject({ lineAllocated: 5, stockAllocated: 5, onHand: 5 });
      // 10 in transit, 3 of them already promised: an order of 8 more must wait.
      const third = await insertOrder(db, { customerId, promisedDate: '2026-12-05', lines: [{ productId, warehouseId, quantity: 8 }] });
      expect((await inTx(db, (tx) => reviewSubmittedOrder(tx, third.id, testEnv()))).holds[0]).toMatchObject({ code: 'stock.short', params: { available: 7 } });
      await inTx(db, async (tx) => {
        await receiveStock(tx, productId, warehouseId, 10, testEnv());
        expect(await allocateWaiting(tx, productId, warehouseId, testEnv())).toBe(3);
      });
      expect(await facts(order.id, productId, warehouseId)).toMatchObject({ lineAllocated: 8, stockAllocated: 8, onHand: 15 });
      expect(await allocationDrift(db)).toEqual([]);
    } finally {
      await t.call('settings.update', { countInTransit: false }, t.admin);
    }
  });

  it('a line without a warehouse draws from the one with most available and keeps it', async () => {
    const { db, customerId, productId, warehouseId } = await world(t, 3);
    const { addWarehouse } = await import('./testing');
    const big = await addWarehouse(db);
    await setStock(db, productId, big, 20);
    const order = await insertOrder(db, { customerId, lines: [{ productId, warehouseId: null, quantity: 5 }] });
    expect((await inTx(db, (tx) => reviewSubmittedOrder(tx, order.id, testEnv()))).status).toBe('approved');
    const [line] = await linesOf(db, order.id);
    expect(line).toMatchObject({ warehouse_id: big, allocated_qty: 5 });
    expect(await stockOf(db, productId, warehouseId)).toMatchObject({ allocated: 0 });
  });
});
