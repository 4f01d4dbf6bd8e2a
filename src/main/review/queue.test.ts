/** The approval queue and the approver's detail view. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewSubmittedOrder } from '../../shared/review/route';
import { openTestDesk, type TestDesk } from '../testing/desk';
import { addCustomer, addProduct, addSettlement, addWarehouse, inTx, insertOrder, setStock, testEnv, world } from './testing';

let t: TestDesk;
let approver: string;
beforeAll(async () => {
  t = await openTestDesk();
  approver = await t.signInAs('approver', 'wang');
});
afterAll(async () => t?.close());

interface Queue {
  counts: Record<'all' | 'credit' | 'stock' | 'custom_review' | 'change_request', number>;
  total: number;
  rows: { orderId: string; number: string; customerName: string; amount: number; since: string; ageMinutes: number; kinds: string[]; reasons: { code: string; kind: string }[] }[];
}

describe('approvals.queue', () => {
  it('groups open holds by order, counts per kind, filters by kind, sorts by age, amount and customer, pages', async () => {
    const db = t.desk.store.db;
    const productId = await addProduct(db);
    const warehouseId = await addWarehouse(db);
    await setStock(db, productId, warehouseId, 3);
    const a = await addCustomer(db, { name: 'A 客户', creditLimit: 0 }); // credit
    const b = await addCustomer(db, { name: 'B 客户', creditLimit: 1_000_000_00 });
    const c = await addCustomer(db, { name: 'C 客户', creditLimit: 0 });
    const held: Record<string, string> = {};
    const submit = async (key: string, customerId: string, quantity: number, at: string, customFlag = false) => {
      const o = await insertOrder(db, { customerId, customFlag, customText: customFlag ? '刻字' : null, lines: [{ productId, warehouseId, quantity }] });
      held[key] = o.id;
      await inTx(db, (tx) => reviewSubmittedOrder(tx, o.id, testEnv({ at })));
    };
    await submit('creditOnly', a, 1, '2026-11-20T01:00:00.000Z'); // 113.00, credit
    await submit('stockOnly', b, 50, '2026-11-20T03:00:00.000Z'); // 5,650.00, stock
    await submit('both', c, 20, '2026-11-20T02:00:00.000Z', true); // 2,260.00, credit + stock + custom
    await submit('fine', b, 1, '2026-11-20T04:00:00.000Z'); // approved

    const all = await t.call<Queue>('approvals.queue', {}, approver);
    expect(all.counts).toEqual({ all: 3, credit: 2, stock: 2, custom_review: 1, change_request: 0 });
    expect(all.total).toBe(3);
    // Default: oldest first.
    expect(all.rows.map((r) => r.orderId)).toEqual([held.creditOnly, held.both, held.stockOnly]);
    expect(all.rows[1].kinds).toEqual(['credit', 'stock', 'custom_review']);
    expect(all.rows[1].reasons.map((r) => r.code)).toEqual(['credit.overLimit', 'stock.short', 'review.customReview']);
    expect(all.rows[0].ageMinutes).toBeGreaterThan(60 * 24);

    const stock = await t.call<Queue>('approvals.queue', { kind: 'stock', sort: 'amount', dir: 'desc' }, approver);
    expect(stock.total).toBe(2);
    expect(stock.rows.map((r) => [r.orderId, r.amount])).toEqual([
      [held.stockOnly, 5_650_00],
      [held.both, 2_260_00],
    ]);
    const byCustomer = await t.call<Queue>('approvals.queue', { sort: 'customer', dir: 'asc' }, approver);
    expect(byCustomer.rows.map((r) => r.customerName)).toEqual(['A 客户', 'B 客户', 'C 客户']);
    const newest = await t.call<Queue>('approvals.queue', { sort: 'age', dir: 'asc', limit: 1, offset: 1 }, approver);
    expect(newest.rows.map((r) => r.orderId)).toEqual([held.both]);
  });

  it('first page stays fast with 10,000 open holds', async () => {
    const raw = t.desk.store.raw;
    const db = t.desk.store.db;
    const productId = await addProduct(db);
    const customers = [await addCustomer(db), await addCustomer(db), await addCustomer(db)];
    const orders = raw.prepare(
      `INSERT INTO orders (id, number, desk_code, customer_id, status, channel, order_type, priority, payment_method, contact_name, contact_phone,
         ship_recipient, ship_phone, ship_province, ship_city, ship_district, ship_street, total, created_at, updated_at, submitted_at)
       VALUES (?, ?, 'T1', ?, 'on_hold', 'phone', 'retail', 'regular', 'credit', 'x', '13800138000', 'x', '13800138000', 'p', 'c', 'd', 's', ?, ?, ?, ?)`,
    );
    const holds = raw.prepare(`INSERT INTO order_holds (id, order_id, kind, code, params, status, created_at) VALUES (?, ?, ?, ?, '{}', 'open', ?)`);
    raw.transaction(() => {
      for (let i = 0; i < 8000; i++) {
        const id = `bulk-${i}`;
        const at = new Date(Date.parse('2026-10-01T00:00:00Z') + i * 60_000).toISOString();
        orders.run(id, `SO-BULK-${i}`, customers[i % 3], 1000 + ((i * 7919) % 100000), at, at, at);
        holds.run(`${id}-c`, id, 'credit', 'credit.overLimit', at);
        if (i % 4 === 0) holds.run(`${id}-s`, id, 'stock', 'stock.short', at);
      }
    })();
    void productId;
    const count = raw.prepare(`SELECT count(*) AS n FROM order_holds WHERE status = 'open'`).get() as { n: number };
    expect(count.n).toBeGreaterThanOrEqual(10_000);

    await t.call<Queue>('approvals.queue', {}, approver); // warm the statement cache
    const timings: Record<string, number> = {};
    for (const input of [{}, { kind: 'stock' }, { sort: 'amount' }, { sort: 'customer', dir: 'asc' }] as const) {
      let best = Infinity;
      for (let i = 0; i < 5; i++) {
        const started = performance.now();
        const q = await t.call<Queue>('approvals.queue', { ...input, limit: 50 }, approver);
        best = Math.min(best, performance.now() - started);
        expect(q.rows).toHaveLength(50);
      }
      timings[JSON.stringify(input)] = best;
    }
    console.log('approvals.queue first page (ms):', Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Math.round(v * 10) / 10])));
    // The bench holds the 20 ms target; here a loose bound catches a lost index or a per-row query.
    for (const ms of Object.values(timings)) expect(ms).toBeLessThan(250);
    const plan = raw.prepare(`EXPLAIN QUERY PLAN SELECT order_id, min(created_at) FROM order_holds WHERE status = 'open' AND kind = 'stock' GROUP BY order_id`).all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/COVERING INDEX order_holds_(open|queue)/);
  });
});

describe('approvals.detail', () => {
  it('shows holds, exposure, collection by month, stock per warehouse, decisions', async () => {
    const { db, customerId, productId, warehouseId } = await world(t, 4, 2_000_00);
    const second = await addWarehouse(db);
    await setStock(db, productId, second, 7, { allocated: 2, inTransit: 20, inTransitEta: '2026-12-01' });
    const today = new Date().toISOString().slice(0, 10);
    const lastMonth = new Date(Date.now() - 31 * 86_400_000).toISOString().slice(0, 10);
    await addSettlement(db, customerId, { amount: 300_00, paid: 100_00, dueDate: today });
    await addSettlement(db, customerId, { amount: 500_00, paid: 500_00, dueDate: lastMonth });
    await insertOrder(db, { customerId, status: 'approved', lines: [{ productId, warehouseId: second, quantity: 2, allocatedQty: 2 }] }); // 226.00 open
    const o = await insertOrder(db, { customerId, lines: [{ productId, warehouseId, quantity: 15 }] }); // 1,695.00
    await inTx(db, (tx) => reviewSubmittedOrder(tx, o.id, testEnv()));

    const d = await t.call<{
      order: { number: string; status: string; total: number; rowVersion: number };
      holds: { code: string }[];
      exposure: Record<string, number>;
      collection: { months: { month: string; due: number; paid: number }[]; due: number; paid: number; rateBp: number | null; thresholdBp: number };
      stock: { sku: string; need: number; warehouses: { warehouseId: string; onHand: number; available: number; inTransit: number }[] }[];
      decisions: { decision: string; decidedBy: string }[];
      myLimit: number | null;
    }>('approvals.detail', { orderId: o.id }, approver);
    expect(d.order).toMatchObject({ number: o.number, status: 'on_hold', total: 1_695_00 });
    expect(d.holds.map((h) => h.code)).toEqual(['credit.overLimit', 'stock.short']);
    expect(d.exposure).toEqual({ creditLimit: 2_000_00, unpaidSettlements: 200_00, openOrders: 226_00, thisOrder: 1_695_00, total: 2_121_00, headroom: -121_00 });
    expect(d.collection).toMatchObject({ due: 800_00, paid: 600_00, rateBp: 7500, thresholdBp: 8000 });
    expect(d.collection.months).toEqual([
      { month: lastMonth.slice(0, 7), due: 500_00, paid: 500_00 },
      { month: today.slice(0, 7), due: 300_00, paid: 100_00 },
    ]);
    expect(d.stock).toHaveLength(1);
    expect(d.stock[0].need).toBe(15);
    expect(d.stock[0].warehouses.map((w) => [w.warehouseId, w.onHand, w.available, w.inTransit]).sort()).toEqual(
      [
        [warehouseId, 4, 4, 0],
        [second, 7, 5, 20],
      ].sort(),
    );
    expect(d.myLimit).toBe(20_000_000);

    await t.call('approvals.decide', { orderId: o.id, rowVersion: d.order.rowVersion, decision: 'ask_change', comment: '请改为 4 件' }, approver);
    const again = await t.call<{ decisions: { decision: string; decidedBy: string; comment: string }[] }>('approvals.detail', { orderId: o.id }, approver);
    expect(again.decisions.map((x) => [x.decision, x.decidedBy, x.comment])).toEqual([
      ['ask_change', 'wang', '请改为 4 件'],
      ['ask_change', 'wang', '请改为 4 件'],
    ]);
  });

  it('an unknown order is not found', async () => {
    await expect(t.call('approvals.detail', { orderId: 'nope' }, approver)).rejects.toMatchObject({ code: 'order.notFound', status: 404 });
  });
});
