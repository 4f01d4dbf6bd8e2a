import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderListRow } from '../../shared/contract/orders';
import { openTestDesk, type TestDesk } from '../testing/desk';
import { seedMasters, type MastersFixture } from '../testing/masters-fixtures';
import { COUNT_AHEAD } from './list';
import { insertOrders, orderDoc, placeOrder, type Submitted } from './testing';

interface ListResult {
  rows: OrderListRow[];
  total: number;
  totalIsEstimate: boolean;
  offset: number;
}

describe('orders list and search', () => {
  let t: TestDesk;
  let f: MastersFixture;
  let clerk: string;
  const placed: Record<string, Submitted> = {};
  const list = (input: Record<string, unknown>) => t.call<ListResult>('orders.list', input, clerk);
  const numbers = (r: ListResult) => r.rows.map((row) => row.number).sort();

  beforeAll(async () => {
    t = await openTestDesk();
    f = await seedMasters(t);
    clerk = await t.signInAs('clerk', 'li');
    placed.a = await placeOrder(t, clerk, orderDoc(f, { customerPo: 'PO-ABC-123' }));
    placed.b = await placeOrder(
      t,
      clerk,
      orderDoc(f, {
        customerId: f.customers.C003,
        paymentMethod: 'cash',
        paymentTermsDays: 0,
        orderType: 'retail',
        channel: 'store',
        shipTo: { ...orderDoc(f).shipTo, recipient: '王小明', phone: '158-2123-4567' },
        lines: [{ productId: f.products['C300-1'], quantity: 1 }],
      }),
    );
    placed.c = await placeOrder(
      t,
      clerk,
      orderDoc(f, { customerId: f.customers.C002, lines: [{ productId: f.products['A100-2'], quantity: 7 }, { productId: f.products['C300-1'], quantity: 2 }] }),
    );
  });
  afterAll(async () => t?.close());

  it('finds an order by its number, whole or by prefix', async () => {
    expect(numbers(await list({ q: placed.b.number }))).toEqual([placed.b.number]);
    expect(numbers(await list({ q: placed.b.number.toLowerCase() }))).toEqual([placed.b.number]);
    const prefix = placed.a.number.slice(0, -2); // SO-T1-yyyymmdd-00
    expect(numbers(await list({ q: prefix }))).toEqual([placed.a.number, placed.b.number, placed.c.number].sort());
    // Without the SO- prefix too.
    expect(numbers(await list({ q: placed.c.number.slice(3) }))).toEqual([placed.c.number]);
  });

  it('finds orders by customer code, name, pinyin initials', async () => {
    const pinyin = (t.desk.store.raw.prepare('SELECT name_pinyin FROM customers WHERE id = ?').get(f.customers.C001) as { name_pinyin: string })
      .name_pinyin;
    expect(numbers(await list({ q: pinyin.slice(0, 4) }))).toEqual([placed.a.number]);
    expect(numbers(await list({ q: pinyin.slice(0, 2) }))).toEqual([placed.a.number]);
    expect(numbers(await list({ q: 'C002' }))).toEqual([placed.c.number]);
    expect(numbers(await list({ q: '西湖电子' }))).toEqual([placed.c.number]);
    expect(numbers(await list({ q: '小明' }))).toEqual([placed.b.number]);
  });

  it('finds orders by phone, however it is typed, and by part of it', async () => {
    expect(numbers(await list({ q: '15821234567' }))).toEqual([placed.b.number]);
    expect(numbers(await list({ q: '158 2123 4567' }))).toEqual([placed.b.number]);
    expect(numbers(await list({ q: '21234567' }))).toEqual([placed.b.number]);
    // The contact phone counts too (b ships to 158…, but its contact is 138…).
    expect(numbers(await list({ q: '13800138000' }))).toEqual([placed.a.number, placed.b.number, placed.c.number].sort());
  });

  it('finds orders by SKU, product name and customer PO', async () => {
    expect(numbers(await list({ q: 'C300-1' }))).toEqual([placed.b.number, placed.c.number].sort());
    expect(numbers(await list({ q: '千斤顶' }))).toEqual([placed.b.number, placed.c.number].sort());
    expect(numbers(await list({ q: 'PO-ABC-123' }))).toEqual([placed.a.number]);
    expect(numbers(await list({ q: 'zzz-nothing' }))).toEqual([]);
  });

  it('combines terms (all must match) and filters', async () => {
    expect(numbers(await list({ q: 'C002 C300-1' }))).toEqual([placed.c.number]);
    expect(numbers(await list({ q: 'C003 A100-2' }))).toEqual([]);
    expect(numbers(await list({ q: 'C300-1', type: 'retail' }))).toEqual([placed.b.number]);
    expect(numbers(await list({ q: 'C300-1', channel: 'store' }))).toEqual([placed.b.number]);
    expect(numbers(await list({ customerId: f.customers.C002 }))).toEqual([placed.c.number]);
    expect(numbers(await list({ regionId: f.regions.EAST }))).toEqual([placed.a.number, placed.c.number].sort());
    const statuses = [...new Set((await list({})).rows.map((r) => r.status))];
    expect(numbers(await list({ status: statuses }))).toEqual([placed.a.number, placed.b.number, placed.c.number].sort());
    expect((await list({ status: ['cancelled'] })).rows).toEqual([]);
  });

  it('filters by order date in the desk time zone, inclusive', async () => {
    const today = placed.a.number.split('-')[2].replace(/(\d{4})(\d{2})(\d{2})/, '$1-$2-$3');
    expect((await list({ from: today, to: today })).rows).toHaveLength(3);
    expect((await list({ to: '2020-01-01' })).rows).toHaveLength(0);
  });

  describe('at scale', () => {
    const BULK = 12_000;
    beforeAll(() => {
      const start = Date.parse('2025-01-01T00:00:00Z');
      insertOrders(
        t,
        Array.from({ length: BULK }, (_, i) => ({
          customerId: f.customers.C002,
          status: i % 10 === 0 ? 'closed' : 'approved',
          createdAt: new Date(start + i * 3_600_000).toISOString(),
          channel: i % 2 ? 'online' : 'phone',
          lines: [{ productId: f.products['A100-2'], quantity: 1 + (i % 50) }],
        })),
      );
    });

    it('pages the whole list newest first with an exact total', async () => {
      const first = await list({ limit: 50 });
      expect(first).toMatchObject({ total: BULK + 3, totalIsEstimate: false });
      expect(first.rows[0].number).toBe(placed.c.number);
      const createdAt = first.rows.map((r) => r.createdAt);
      expect(createdAt).toEqual([...createdAt].sort().reverse());
      const next = await list({ limit: 50, offset: 50 });
      expect(next.rows[0].createdAt <= first.rows[49].createdAt).toBe(true);
      expect(new Set([...first.rows, ...next.rows].map((r) => r.id)).size).toBe(100);
    });

    it('estimates the total of a large filtered set and reaches its end exactly', async () => {
      const approved = await list({ status: ['approved'], limit: 100 });
      expect(approved).toMatchObject({ totalIsEstimate: true, total: 100 + COUNT_AHEAD + 1 });
      expect(approved.rows.every((r) => r.status === 'approved')).toBe(true);
      const count = (t.desk.store.raw.prepare(`SELECT count(*) AS n FROM orders WHERE status = 'approved'`).get() as { n: number }).n;
      const last = await list({ status: ['approved'], limit: 100, offset: count - 50 });
      expect(last).toMatchObject({ totalIsEstimate: false, total: count });
      expect(last.rows).toHaveLength(50);
      const online = await list({ channel: 'online', status: ['closed'], limit: 100 });
      expect(online.rows).toEqual([]); // closed ones are all i % 10 === 0, i.e. even: phone
    });

    it('searches a customer with many orders by walking the list', async () => {
      const r = await list({ q: 'C002', limit: 20 });
      expect(r.totalIsEstimate).toBe(true);
      expect(r.rows).toHaveLength(20);
      expect(r.rows.every((row) => row.customerCode === 'C002')).toBe(true);
      expect(r.rows[0].number).toBe(placed.c.number);
      // A selective term among many: still exact.
      expect(numbers(await list({ q: 'C002 C300-1' }))).toEqual([placed.c.number]);
    });

    it('merges the walks of several customers newest first, one page at a time', async () => {
      // C00 is the code prefix of all three customers: each is walked along its own index.
      const first = await list({ q: 'C00', limit: 5 });
      expect(first.rows.slice(0, 3).map((r) => r.number)).toEqual([placed.c.number, placed.b.number, placed.a.number]);
      // Then C002's bulk orders, newest first (one an hour from 2025-01-01).
      const hour = (i: number) => new Date(Date.parse('2025-01-01T00:00:00Z') + i * 3_600_000).toISOString();
      expect(first.rows.slice(3).map((r) => r.createdAt)).toEqual([hour(BULK - 1), hour(BULK - 2)]);
      expect(first.totalIsEstimate).toBe(true);
      const second = await list({ q: 'C00', limit: 5, offset: 5 });
      const all = [...first.rows, ...second.rows];
      expect(new Set(all.map((r) => r.id)).size).toBe(10);
      const created = all.map((r) => r.createdAt);
      expect(created).toEqual([...created].sort().reverse());
      // Two customers by a shared part of their names (C001 and C002, not the person C003).
      const named = await list({ q: '有限公司', limit: 4 });
      expect(named.rows.slice(0, 2).map((r) => r.number)).toEqual([placed.c.number, placed.a.number]);
      expect(named.rows.every((r) => r.customerCode !== 'C003')).toBe(true);
    });

    it('walks a SKU with thousands of orders newest first with filters, and counts exactly at the end', async () => {
      const first = await list({ q: 'A100-2', channel: 'online', limit: 50 });
      expect(first.rows).toHaveLength(50);
      expect(first.rows.every((r) => r.channel === 'online')).toBe(true);
      expect(first.totalIsEstimate).toBe(true);
      expect(first.total).toBe(50 + COUNT_AHEAD + 1);
      // The bulk orders are one an hour from 2025-01-01; online ones are the odd hours, the newest is the last.
      expect(first.rows[0].createdAt).toBe(new Date(Date.parse('2025-01-01T00:00:00Z') + (BULK - 1) * 3_600_000).toISOString());
      expect(first.rows[1].createdAt).toBe(new Date(Date.parse('2025-01-01T00:00:00Z') + (BULK - 3) * 3_600_000).toISOString());
      const created = first.rows.map((r) => r.createdAt);
      expect(created).toEqual([...created].sort().reverse());
      const next = await list({ q: 'A100-2', channel: 'online', limit: 50, offset: 50 });
      expect(next.rows[0].createdAt < first.rows[49].createdAt).toBe(true);
      const oldest = await list({ q: 'A100-2', channel: 'online', sort: 'created_asc', limit: 2 });
      expect(oldest.rows.map((r) => r.createdAt)).toEqual(['2025-01-01T01:00:00.000Z', '2025-01-01T03:00:00.000Z']);
      const online = BULK / 2;
      const end = await list({ q: 'A100-2', channel: 'online', limit: 50, offset: online - 20 });
      expect(end).toMatchObject({ totalIsEstimate: false, total: online });
      expect(end.rows).toHaveLength(20);
    });

    it('sorts by amount and by number', async () => {
      const byTotal = await list({ sort: 'total_desc', limit: 5 });
      const totals = byTotal.rows.map((r) => r.total);
      expect(totals).toEqual([...totals].sort((a, b) => b - a));
      const max = (t.desk.store.raw.prepare('SELECT max(total) AS m FROM orders').get() as { m: number }).m;
      expect(totals[0]).toBe(max);
      const byNumber = await list({ sort: 'number_asc', limit: 3 });
      expect(byNumber.rows.map((r) => r.number)).toEqual([...byNumber.rows.map((r) => r.number)].sort());
    });
  });

  describe('a customer with a few hundred orders', () => {
    beforeAll(() => {
      const start = Date.parse('2024-06-01T00:00:00Z');
      insertOrders(
        t,
        Array.from({ length: 150 }, (_, i) => ({
          customerId: f.customers.C003,
          status: 'closed',
          createdAt: new Date(start + i * 86_400_000).toISOString(),
          channel: 'store',
          lines: [{ productId: f.products['C300-1'], quantity: 1 }],
        })),
      );
    });

    it('walks their orders for the page and still counts them exactly', async () => {
      const r = await list({ q: '王小明', limit: 10 });
      expect(r.rows).toHaveLength(10);
      expect(r.rows[0].number).toBe(placed.b.number);
      expect(r).toMatchObject({ total: 151, totalIsEstimate: false });
      // With a filter the walk cannot know the count before its end: an estimate that grows.
      const filtered = await list({ q: '王小明', channel: 'store', limit: 10 });
      expect(filtered.totalIsEstimate).toBe(true);
      expect(filtered.total).toBe(10 + COUNT_AHEAD + 1);
    });
  });

  it("lists only the signed-in user's orders when asked (drafts to resume)", async () => {
    const other = await t.signInAs('clerk', 'wu');
    const mineDraft = await t.call<{ id: string }>('orders.saveDraft', orderDoc(f, { customerPo: 'PO-MINE' }), clerk);
    const theirs = await t.call<{ id: string }>('orders.saveDraft', orderDoc(f, { customerPo: 'PO-THEIRS' }), other);
    const ids = async (session: string) =>
      (await t.call<ListResult>('orders.list', { status: ['draft'], mine: true }, session)).rows.map((r) => r.id);
    expect(await ids(clerk)).toContain(mineDraft.id);
    expect(await ids(clerk)).not.toContain(theirs.id);
    expect(await ids(other)).toEqual([theirs.id]);
    // Without it, everyone's drafts.
    const all = (await list({ status: ['draft'] })).rows.map((r) => r.id);
    expect(all).toEqual(expect.arrayContaining([mineDraft.id, theirs.id]));
  });
});

describe('frequently bought together', () => {
  let t: TestDesk;
  let f: MastersFixture;
  let clerk: string;
  beforeAll(async () => {
    t = await openTestDesk();
    f = await seedMasters(t);
    clerk = await t.signInAs('clerk', 'li');
  });
  afterAll(async () => t?.close());

  it('suggests the product most often ordered with the ones on the order', async () => {
    const p = f.products;
    const at = (i: number) => new Date(Date.parse('2026-10-01T00:00:00Z') + i * 60_000).toISOString();
    insertOrders(t, [
      { customerId: f.customers.C001, createdAt: at(1), lines: [{ productId: p['A100-1'], quantity: 1 }, { productId: p['B200-1'], quantity: 2 }] },
      { customerId: f.customers.C002, createdAt: at(2), lines: [{ productId: p['A100-1'], quantity: 3 }, { productId: p['B200-1'], quantity: 1 }, { productId: p['C300-1'], quantity: 1 }] },
      { customerId: f.customers.C003, createdAt: at(3), lines: [{ productId: p['B200-1'], quantity: 1 }, { productId: p['A100-1'], quantity: 1 }] },
      { customerId: f.customers.C001, createdAt: at(4), lines: [{ productId: p['A100-1'], quantity: 1 }, { productId: p['A100-2'], quantity: 1 }] },
      // Not with A100-1: does not count for it.
      { customerId: f.customers.C002, createdAt: at(5), lines: [{ productId: p['C300-1'], quantity: 1 }, { productId: p['A100-2'], quantity: 1 }] },
    ]);
    type Suggestions = { rows: { sku: string; score: number }[] };
    const s = await t.call<Suggestions>('orders.suggestions', { productIds: [p['A100-1']] }, clerk);
    expect(s.rows.map((r) => [r.sku, r.score])).toEqual([
      ['B200-1', 3],
      ['A100-2', 1],
      ['C300-1', 1],
    ]);
    // Products already on the order are left out; baskets of either product count.
    const two = await t.call<Suggestions>('orders.suggestions', { productIds: [p['A100-1'], p['B200-1']], limit: 1 }, clerk);
    // A100-2 and C300-1 tie (one order each); ties go by SKU.
    expect(two.rows.map((r) => [r.sku, r.score])).toEqual([['A100-2', 1]]);
    // An inactive product is not suggested.
    await t.call('products.setActive', { id: p['B200-1'], active: false }, t.admin);
    const after = await t.call<Suggestions>('orders.suggestions', { productIds: [p['A100-1']] }, clerk);
    expect(after.rows.map((r) => r.sku)).toEqual(['A100-2', 'C300-1']);
    expect((await t.call<Suggestions>('orders.suggestions', { productIds: [] }, clerk)).rows).toEqual([]);
  });

  it('does not count the order being entered', async () => {
    const p = f.products;
    const draft = await t.call<{ id: string }>(
      'orders.saveDraft',
      orderDoc(f, { lines: [{ productId: p['M900-1'], quantity: 1 }, { productId: p['C300-1'], quantity: 1 }] }),
      clerk,
    );
    const own = await t.call<{ rows: { sku: string }[] }>('orders.suggestions', { productIds: [p['M900-1']], orderId: draft.id }, clerk);
    expect(own.rows).toEqual([]);
  });
});
