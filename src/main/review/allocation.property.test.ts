/**
 * Property: whatever happens to orders and stock, in whatever order — submit, approve, change,
 * cancel, close, reopen, pre-close, deliver, undeliver, receive, issue — after every step
 *   stock.allocated (product × warehouse) = Σ allocated_qty of the lines of orders reserving stock there,
 *   lines of orders that do not reserve stock hold nothing, and on hand − allocated ≥ 0.
 * Refusals (DeskError) are fine; any other error (a CHECK constraint firing, say) is a bug.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeskError } from '../../shared/errors';
import { reservesStock } from '../../shared/orders/state-machine';
import type { OrderStatus } from '../../shared/orders/status';
import { allocateWaiting, cancelDelivery, issueStock, receiveStock, recordDelivery } from '../../shared/review/allocation';
import { onOrderCancelled, reviewSubmittedOrder } from '../../shared/review/route';
import { setOrderStatus } from '../../shared/review/status';
import { openTestDesk, type TestDesk } from '../testing/desk';
import { addCustomer, addProduct, addWarehouse, inTx, insertOrder, setStock, testEnv } from './testing';

let t: TestDesk;
let manager: string;
let clerk: string;
beforeAll(async () => {
  t = await openTestDesk();
  manager = await t.signInAs('manager', 'boss');
  clerk = await t.signInAs('clerk', 'desk');
});
afterAll(async () => t?.close());

const P = 3;
const W = 2;

type Op =
  | { op: 'submit'; lines: { p: number; w: number; qty: number }[]; late: boolean; custom: boolean }
  | { op: 'approve' | 'reject' | 'cancel' | 'close' | 'reopen'; o: number }
  | { op: 'change'; o: number; line: number; qty: number }
  | { op: 'cancelLine' | 'deliver' | 'undeliver'; o: number; line: number; qty: number }
  | { op: 'receive' | 'issue'; p: number; w: number; qty: number };

const idx = fc.nat({ max: 20 });
const qty = fc.integer({ min: 1, max: 12 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    arbitrary: fc.record({
      op: fc.constant('submit' as const),
      lines: fc.array(fc.record({ p: fc.nat({ max: P - 1 }), w: fc.nat({ max: W - 1 }), qty }), { minLength: 1, maxLength: 3 }),
      late: fc.boolean(),
      custom: fc.boolean(),
    }),
    weight: 4,
  },
  { arbitrary: fc.record({ op: fc.constantFrom('approve' as const, 'reject' as const, 'cancel' as const, 'close' as const, 'reopen' as const), o: idx }), weight: 5 },
  { arbitrary: fc.record({ op: fc.constant('change' as const), o: idx, line: idx, qty: fc.integer({ min: 1, max: 15 }) }), weight: 3 },
  { arbitrary: fc.record({ op: fc.constantFrom('cancelLine' as const, 'deliver' as const, 'undeliver' as const), o: idx, line: idx, qty: fc.integer({ min: 1, max: 6 }) }), weight: 4 },
  { arbitrary: fc.record({ op: fc.constantFrom('receive' as const, 'issue' as const), p: fc.nat({ max: P - 1 }), w: fc.nat({ max: W - 1 }), qty }), weight: 2 },
);

interface World {
  customerId: string;
  products: string[];
  warehouses: string[];
  orders: string[];
}

async function newWorld(stock: number[], inTransit: number): Promise<World> {
  const db = t.desk.store.db;
  const customerId = await addCustomer(db, { creditLimit: 6_000_00 });
  const products = [];
  for (let i = 0; i < P; i++) products.push(await addProduct(db));
  const warehouses = [];
  for (let i = 0; i < W; i++) warehouses.push(await addWarehouse(db));
  for (let p = 0; p < P; p++) {
    for (let w = 0; w < W; w++) await setStock(db, products[p], warehouses[w], stock[p * W + w], { inTransit, inTransitEta: '2026-12-01' });
  }
  return { customerId, products, warehouses, orders: [] };
}

async function order(id: string) {
  const db = t.desk.store.db;
  const o = await db.selectFrom('orders').select(['id', 'status', 'row_version']).where('id', '=', id).executeTakeFirstOrThrow();
  const lines = await db.selectFrom('order_lines').selectAll().where('order_id', '=', id).orderBy('line_no').execute();
  const holds = await db.selectFrom('order_holds').select(['id', 'kind']).where('order_id', '=', id).where('status', '=', 'open').execute();
  return { ...o, lines, holds };
}

async function step(w: World, op: Op): Promise<void> {
  const db = t.desk.store.db;
  const pick = (n: number) => (w.orders.length ? w.orders[n % w.orders.length] : null);
  switch (op.op) {
    case 'submit': {
      const submittedAt = op.late ? new Date(Date.now() - 5 * 3600_000).toISOString() : new Date().toISOString();
      const o = await insertOrder(db, {
        customerId: w.customerId,
        submittedAt,
        customFlag: op.custom,
        customText: op.custom ? '定制' : null,
        lines: op.lines.map((l) => ({ productId: w.products[l.p], warehouseId: w.warehouses[l.w], quantity: l.qty })),
      });
      w.orders.push(o.id);
      await inTx(db, (tx) => reviewSubmittedOrder(tx, o.id, testEnv({ at: new Date().toISOString() })));
      return;
    }
    case 'receive':
      // Arrivals go first to approved lines still waiting for stock (approved on in-transit).
      return inTx(db, async (tx) => {
        await receiveStock(tx, w.products[op.p], w.warehouses[op.w], op.qty, testEnv());
        await allocateWaiting(tx, w.products[op.p], w.warehouses[op.w], testEnv());
      });
    case 'issue':
      return inTx(db, (tx) => issueStock(tx, w.products[op.p], w.warehouses[op.w], op.qty, testEnv()));
  }
  const id = pick(op.o);
  if (!id) return;
  const o = await order(id);
  const line = 'line' in op && o.lines.length ? o.lines[op.line % o.lines.length] : null;
  const confirmation = { channel: 'phone', person: '客户', confirmedAt: '2026-11-20', text: '确认' };
  switch (op.op) {
    case 'approve': {
      if (!o.holds.length) return;
      const change = o.holds.every((h) => h.kind === 'change_request');
      await t.call('approvals.decide', { orderId: id, rowVersion: o.row_version, decision: change ? 'approve_change' : 'release', confirmation }, manager);
      return;
    }
    case 'reject':
      if (!o.holds.length) return;
      await t.call('approvals.decide', { orderId: id, rowVersion: o.row_version, decision: 'reject', comment: 'no' }, manager);
      return;
    case 'cancel':
      // What orders.cancel does: review lets go first, then the transition (which may refuse).
      await inTx(db, async (tx) => {
        const env = testEnv();
        await onOrderCancelled(tx, id, env, 'cancel');
        await setOrderStatus(tx, id, o.status, 'cancelled', env, 'cancel');
      });
      return;
    case 'close':
      await t.call('orders.close', { orderId: id, rowVersion: o.row_version, reason: 'close' }, manager);
      return;
    case 'reopen':
      await t.call('orders.reopen', { orderId: id, rowVersion: o.row_version, reason: 'reopen' }, manager);
      return;
    case 'change':
      if (!line) return;
      await t.call(
        'orders.amend',
        { orderId: id, rowVersion: o.row_version, lines: o.lines.map((l) => ({ id: l.id, quantity: l.id === line.id ? op.qty : l.quantity })) },
        clerk,
      );
      return;
    case 'cancelLine':
      if (!line) return;
      await t.call('orders.cancelLine', { orderId: id, rowVersion: o.row_version, lineId: line.id, quantity: op.qty, reason: 'pre-close' }, clerk);
      return;
    case 'deliver':
      if (!line) return;
      await inTx(db, (tx) => recordDelivery(tx, line.id, op.qty, testEnv()));
      return;
    case 'undeliver':
      if (!line) return;
      await inTx(db, (tx) => cancelDelivery(tx, line.id, op.qty, testEnv()));
      return;
  }
}

async function assertInvariant(w: World, trace: string[]): Promise<void> {
  const db = t.desk.store.db;
  const stock = await db.selectFrom('stock').selectAll().where('product_id', 'in', w.products).execute();
  const lines = w.orders.length
    ? await db
        .selectFrom('order_lines')
        .innerJoin('orders', 'orders.id', 'order_lines.order_id')
        .select(['order_lines.product_id', 'order_lines.warehouse_id', 'order_lines.allocated_qty', 'order_lines.quantity', 'order_lines.delivered_qty', 'order_lines.cancelled_qty', 'orders.status'])
        .where('orders.id', 'in', w.orders)
        .execute()
    : [];
  for (const s of stock) {
    const reserved = lines
      .filter((l) => l.product_id === s.product_id && l.warehouse_id === s.warehouse_id && reservesStock(l.status as OrderStatus))
      .reduce((n, l) => n + l.allocated_qty, 0);
    expect(s.allocated, `allocated of ${s.product_id}/${s.warehouse_id} after ${trace.join(' → ')}`).toBe(reserved);
    expect(s.on_hand - s.allocated, `available after ${trace.join(' → ')}`).toBeGreaterThanOrEqual(0);
  }
  for (const l of lines) {
    if (!reservesStock(l.status as OrderStatus)) expect(l.allocated_qty, `a ${l.status} order holds stock after ${trace.join(' → ')}`).toBe(0);
    expect(l.allocated_qty + l.delivered_qty + l.cancelled_qty).toBeLessThanOrEqual(l.quantity);
  }
}

const stats: Record<string, number> = {};

describe('allocation invariant (property)', () => {
  it('holds after every step of any sequence', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat({ max: 15 }), { minLength: P * W, maxLength: P * W }),
        fc.array(opArb, { minLength: 5, maxLength: 30 }),
        fc.boolean(),
        async (stock, ops, countInTransit) => {
          await t.call('settings.update', { countInTransit }, t.admin);
          const w = await newWorld(stock, countInTransit ? 6 : 0);
          const trace: string[] = [];
          for (const op of ops) {
            trace.push(JSON.stringify(op));
            try {
              await step(w, op);
              stats[`${op.op}:ok`] = (stats[`${op.op}:ok`] ?? 0) + 1;
            } catch (e) {
              // A refusal is an answer; anything else (constraint failure, TypeError) is a bug.
              if (!(e instanceof DeskError)) throw e;
              stats[`${op.op}:${e.code}`] = (stats[`${op.op}:${e.code}`] ?? 0) + 1;
            }
            await assertInvariant(w, trace);
          }
        },
      ),
      { numRuns: 60 },
    );
    if (process.env.REVIEW_STATS) console.log(Object.entries(stats).sort());
  });
});
