import crypto from 'node:crypto';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isDeskError } from '../../shared/errors';
import { lineAmounts } from '../../shared/money';
import { allocationDrift } from '../../shared/review/allocation';
import { isLandline, isMobile } from '../../shared/validators/phone';
import { isPostcode } from '../../shared/validators/postcode';
import { isUscc } from '../../shared/validators/uscc';
import { TEST_PASSWORD, openTestDesk, type TestDesk } from '../testing/desk';
import { ean13Check, isEan13 } from './codes';
import { loadDemo } from './load';
import { buildMasters } from './masters';
import { Rng } from './random';
import { orderCounterName } from '../../shared/orders/numbering';

const AS_OF = Date.parse('2026-11-27T06:30:00Z'); // 14:30 in Shanghai

function rows<T>(t: TestDesk, sql: string, ...params: unknown[]): T[] {
  return t.desk.store.raw.prepare(sql).all(...params) as T[];
}
function one<T>(t: TestDesk, sql: string, ...params: unknown[]): T {
  return t.desk.store.raw.prepare(sql).get(...params) as T;
}

describe('demo master data (demo.load)', () => {
  let t: TestDesk;
  beforeAll(async () => {
    t = await openTestDesk();
    const result = await t.call<{ customers: number; products: number; orders: number }>('demo.load', { password: TEST_PASSWORD }, t.admin);
    expect(result).toEqual({ customers: 300, products: 400, orders: 0 });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(t.dataDir, { recursive: true, force: true });
  });

  it('gives every customer a valid unified social credit code and a reachable address', () => {
    const customers = rows<{ id: string; code: string; name: string; uscc: string }>(t, 'SELECT id, code, name, uscc FROM customers');
    expect(customers.length).toBeGreaterThanOrEqual(300);
    expect(new Set(customers.map((c) => c.name)).size).toBe(customers.length);
    for (const c of customers) {
      expect(isUscc(c.uscc), `${c.code} ${c.uscc}`).toBe(true);
      const addresses = rows<{ phone: string; postcode: string | null; province: string; city: string; district: string }>(
        t,
        'SELECT phone, postcode, province, city, district FROM customer_addresses WHERE customer_id = ?',
        c.id,
      );
      expect(addresses.length).toBeGreaterThanOrEqual(1);
      expect(addresses.length).toBeLessThanOrEqual(3);
      expect(addresses.some((a) => (isMobile(a.phone) || isLandline(a.phone)) && a.postcode !== null && isPostcode(a.postcode))).toBe(true);
    }
    const contacts = rows<{ mobile: string | null; landline: string | null }>(t, 'SELECT mobile, landline FROM customer_contacts');
    for (const k of contacts) {
      expect(k.mobile === null || /^1[3-9]\d{9}$/.test(k.mobile)).toBe(true);
      expect(k.landline === null || isLandline(k.landline)).toBe(true);
    }
    expect(contacts.some((k) => k.landline?.startsWith('010-'))).toBe(true);
    expect(contacts.some((k) => k.landline?.startsWith('021-'))).toBe(true);
    expect(contacts.some((k) => k.landline?.startsWith('0755-'))).toBe(true);
  });

  it('codes customers C001…C300, so the 3-character prefix C01 picks C010 first', async () => {
    const codes = rows<{ code: string }>(t, 'SELECT code FROM customers ORDER BY code').map((r) => r.code);
    expect(codes[0]).toBe('C001');
    expect(codes[codes.length - 1]).toBe('C300');
    const hits = await t.call<{ rows: { code: string }[] }>('search.customers', { q: 'C01' }, t.admin);
    expect(hits.rows[0].code).toBe('C010');
  });

  it('finds 北京市场贸易有限公司 by its pinyin initials', async () => {
    const row = one<{ name_pinyin: string }>(t, `SELECT name_pinyin FROM customers WHERE name = '北京市场贸易有限公司'`);
    expect(row.name_pinyin).toBe('bjscmyyxgs');
    const hits = await t.call<{ rows: { name: string }[] }>('search.customers', { q: 'bjsc' }, t.admin);
    expect(hits.rows.map((r) => r.name)).toContain('北京市场贸易有限公司');
  });

  it('has 400 products with 4-character SKUs a clerk can type, valid EAN-13s and group prices', async () => {
    const products = rows<{ id: string; sku: string; barcode: string; tax_rate_bp: number; list_price: number; unit: string }>(
      t,
      'SELECT id, sku, barcode, tax_rate_bp, list_price, unit FROM products',
    );
    expect(products).toHaveLength(400);
    for (const p of products) {
      expect(p.sku).toMatch(/^[A-Z]{2}\d{2}$/);
      expect(isEan13(p.barcode), p.barcode).toBe(true);
      // Independent of the generator's helper: weights 1,3,1,3… and a check digit that tops up to 10.
      const sum = [...p.barcode.slice(0, 12)].reduce((s, d, i) => s + Number(d) * (i % 2 ? 3 : 1), 0);
      expect((sum + Number(p.barcode[12])) % 10).toBe(0);
      expect(p.list_price).toBeGreaterThan(0);
    }
    expect(new Set(products.map((p) => p.sku.slice(0, 4))).size).toBe(400);
    expect(new Set(products.map((p) => p.barcode)).size).toBe(400);
    expect(new Set(products.map((p) => p.tax_rate_bp))).toEqual(new Set([1300, 900, 600]));
    for (const unit of ['张', '把', '台', '箱', '盒', '套', '盆']) expect(products.some((p) => p.unit === unit), unit).toBe(true);
    expect(ean13Check('692000000001')).toBe(String((10 - ((6 + 9 * 3 + 2 + 1 * 3) % 10)) % 10));
    const prices = one<{ n: number }>(t, 'SELECT count(*) AS n FROM product_prices');
    expect(prices.n).toBe(1200);
    const hit = await t.call<{ rows: { sku: string }[] }>('search.products', { q: 'JJ01' }, t.admin);
    expect(hit.rows[0].sku).toBe('JJ01');
  });

  it('stocks every stocked product in the four warehouses, some of them short, none oversold', () => {
    const warehouses = rows<{ code: string; name: string; bins: number }>(
      t,
      'SELECT w.code, w.name, (SELECT count(*) FROM bins b WHERE b.warehouse_id = w.id) AS bins FROM warehouses w ORDER BY w.code',
    );
    expect(warehouses.map((w) => `${w.code} ${w.name}`)).toEqual(['WH-BJ 北京仓', 'WH-CD 成都仓', 'WH-GZ 广州仓', 'WH-SH 上海一号仓']);
    for (const w of warehouses) expect(w.bins).toBeGreaterThan(100);
    const stock = rows<{ on_hand: number; allocated: number; safety_stock: number; in_transit: number; in_transit_eta: string | null; bin_code: string }>(
      t,
      'SELECT on_hand, allocated, safety_stock, in_transit, in_transit_eta, bin_code FROM stock',
    );
    expect(stock.length).toBeGreaterThan(1400);
    for (const s of stock) {
      expect(s.on_hand - s.allocated).toBeGreaterThanOrEqual(0);
      expect(s.in_transit > 0).toBe(s.in_transit_eta !== null);
    }
    expect(stock.filter((s) => s.on_hand - s.allocated < s.safety_stock).length).toBeGreaterThan(20);
    const binless = one<{ n: number }>(t, 'SELECT count(*) AS n FROM stock s JOIN bins b ON b.warehouse_id = s.warehouse_id AND b.code = s.bin_code');
    expect(binless.n).toBe(stock.length);
  });

  it('has regions, sales reps, carriers and the three price groups', () => {
    expect(rows<{ name: string }>(t, 'SELECT name FROM regions ORDER BY code').map((r) => r.name).sort()).toEqual(
      ['东北', '华东', '华中', '华北', '华南', '港澳台', '西北', '西南'].sort(),
    );
    expect(rows<{ name: string }>(t, 'SELECT name FROM price_groups').map((r) => r.name).sort()).toEqual(['零售', '批发', '大客户'].sort());
    expect(rows<{ name: string }>(t, 'SELECT name FROM carriers').map((r) => r.name)).toEqual(expect.arrayContaining(['顺丰速运', '京东物流', '德邦快递', '中通快递']));
    const reps = rows<{ mobile: string }>(t, 'SELECT mobile FROM sales_reps');
    expect(reps.length).toBeGreaterThanOrEqual(8);
    for (const r of reps) expect(isMobile(r.mobile)).toBe(true);
  });

  it('lets the five demo users sign in with the password given', async () => {
    for (const username of ['admin', 'clerk', 'approver', 'warehouse', 'manager']) {
      const s = await t.call<{ user: { role: string } }>('auth.login', { username, password: TEST_PASSWORD });
      expect(s.user.role).toBe(username === 'admin' ? 'admin' : username);
    }
  });

  it('records one audit row and no outbox row, and refuses to load twice', async () => {
    const audit = rows<{ handler: string; summary: string }>(t, `SELECT handler, summary FROM audit_log WHERE handler = 'demo.load'`);
    expect(audit).toEqual([{ handler: 'demo.load', summary: 'demo data loaded' }]);
    expect(one<{ n: number }>(t, 'SELECT count(*) AS n FROM outbox').n).toBe(0);
    const before = one<{ n: number }>(t, 'SELECT count(*) AS n FROM customers').n;
    const err = await t.call('demo.load', { password: TEST_PASSWORD }, t.admin).catch((e: unknown) => e);
    expect(isDeskError(err) && err.code).toBe('demo.notEmpty');
    expect(isDeskError(err) && err.status).toBe(409);
    expect(one<{ n: number }>(t, 'SELECT count(*) AS n FROM customers').n).toBe(before);
  });

  it('is refused to a role other than admin', async () => {
    const clerk = await t.call<{ sessionId: string }>('auth.login', { username: 'clerk', password: TEST_PASSWORD });
    const err = await t.call('demo.load', { password: TEST_PASSWORD }, clerk.sessionId).catch((e: unknown) => e);
    expect(isDeskError(err) && err.code).toBe('auth.forbidden');
  });
});

describe('demo order history', () => {
  let t: TestDesk;
  const ORDERS = 2000;
  /** Files the load fsynced, by path (it writes with synchronous = OFF, so only its own flush makes it durable). */
  const flushed: string[] = [];
  beforeAll(async () => {
    t = await openTestDesk();
    const opened = new Map<number, string>();
    const realOpen = fs.openSync.bind(fs);
    const realFsync = fs.fsyncSync.bind(fs);
    const openSpy = vi.spyOn(fs, 'openSync').mockImplementation(((file: fs.PathLike, flags?: fs.OpenMode, mode?: fs.Mode | null) => {
      const fd = realOpen(file, flags ?? 'r', mode);
      opened.set(fd, String(file));
      return fd;
    }) as typeof fs.openSync);
    const fsyncSpy = vi.spyOn(fs, 'fsyncSync').mockImplementation((fd: number) => {
      flushed.push(opened.get(fd) ?? `fd ${fd}`);
      realFsync(fd);
    });
    try {
      const r = await loadDemo(t.desk, { password: TEST_PASSWORD, orders: ORDERS, asOf: AS_OF, seed: 'history-test' });
      expect(r.orders).toBe(ORDERS);
    } finally {
      openSpy.mockRestore();
      fsyncSpy.mockRestore();
    }
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(t.dataDir, { recursive: true, force: true });
  });

  it('flushes the desk file to the disk before it reports done', () => {
    expect(flushed).toContain(t.desk.store.file);
  });

  it('keeps every reference valid', () => {
    expect(rows(t, 'PRAGMA foreign_key_check')).toEqual([]);
    // Restored after the load.
    expect(t.desk.store.raw.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(t.desk.store.raw.pragma('synchronous', { simple: true })).toBe(2);
    expect(t.desk.store.raw.pragma('journal_mode', { simple: true })).toBe('wal');
  });

  it('builds every index the load dropped, so the desk has the same indexes as a new one', async () => {
    const indexes = (x: TestDesk) => rows<{ name: string; sql: string }>(x, `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name`);
    const fresh = await openTestDesk();
    try {
      const expected = indexes(fresh);
      expect(expected.map((i) => i.name)).toContain('order_lines_product');
      expect(indexes(t)).toEqual(expected);
    } finally {
      await fresh.close();
      fs.rmSync(fresh.dataDir, { recursive: true, force: true });
    }
    expect(rows(t, 'SELECT name FROM deferred_indexes')).toEqual([]);
    // The planner uses them: a customer's orders come from its (customer, created) index.
    const plan = rows<{ detail: string }>(t, `EXPLAIN QUERY PLAN SELECT id FROM orders WHERE customer_id = 'x' ORDER BY created_at DESC LIMIT 5`);
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/orders_customer_created/);
  });

  it('makes order totals the sum of their lines, and lines follow the money rule', () => {
    const bad = rows(
      t,
      `SELECT o.number FROM orders o JOIN (SELECT order_id, sum(amount) a, sum(tax) x, sum(total) s, count(*) n FROM order_lines GROUP BY order_id) l
         ON l.order_id = o.id
       WHERE o.subtotal <> l.a OR o.tax_total <> l.x OR o.total <> l.s OR o.line_count <> l.n`,
    );
    expect(bad).toEqual([]);
    expect(one<{ n: number }>(t, 'SELECT count(*) AS n FROM orders WHERE id NOT IN (SELECT order_id FROM order_lines)').n).toBe(0);
    const lines = rows<{ quantity: number; unit_price: number; discount_bp: number; tax_rate_bp: number; amount: number; tax: number; total: number }>(
      t,
      'SELECT quantity, unit_price, discount_bp, tax_rate_bp, amount, tax, total FROM order_lines LIMIT 3000',
    );
    for (const l of lines) {
      expect(lineAmounts({ quantity: l.quantity, unitPrice: l.unit_price, discountBp: l.discount_bp, taxRateBp: l.tax_rate_bp })).toEqual({
        amount: l.amount,
        tax: l.tax,
        total: l.total,
      });
    }
    const perOrder = one<{ lo: number; hi: number }>(t, 'SELECT min(line_count) AS lo, max(line_count) AS hi FROM orders');
    expect(perOrder).toEqual({ lo: 1, hi: 6 });
  });

  it('numbers orders SO-<desk>-<yyyymmdd>-<seq>, unique, by local day, in step with the counters', () => {
    const orders = rows<{ number: string; created_at: string }>(t, 'SELECT number, created_at FROM orders ORDER BY seq');
    expect(new Set(orders.map((o) => o.number)).size).toBe(ORDERS);
    const maxSeq = new Map<string, number>();
    for (const o of orders) {
      const m = /^SO-T1-(\d{8})-(\d{4})$/.exec(o.number);
      expect(m, o.number).not.toBeNull();
      const local = new Date(Date.parse(o.created_at) + 8 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, '');
      expect(m![1]).toBe(local);
      maxSeq.set(m![1], Math.max(maxSeq.get(m![1]) ?? 0, Number(m![2])));
    }
    for (const [ymd, seq] of maxSeq) {
      expect(one<{ value: number }>(t, 'SELECT value FROM counters WHERE name = ?', orderCounterName('T1', ymd)).value).toBe(seq);
    }
    const last = orders[orders.length - 1].created_at;
    expect(Date.parse(last)).toBeLessThanOrEqual(AS_OF);
    expect(Date.parse(orders[0].created_at)).toBeGreaterThan(AS_OF - 366 * 86_400_000);
  });

  it('reserves exactly what the open orders allocate, and never oversells', async () => {
    expect(await allocationDrift(t.desk.store.db)).toEqual([]);
    const reserved = one<{ n: number }>(t, 'SELECT coalesce(sum(allocated), 0) AS n FROM stock').n;
    expect(reserved).toBeGreaterThan(0);
    const closed = one<{ n: number }>(
      t,
      `SELECT count(*) AS n FROM order_lines l JOIN orders o ON o.id = l.order_id
       WHERE l.allocated_qty > 0 AND o.status NOT IN ('approved', 'allocated', 'picking', 'partly_shipped')`,
    );
    expect(closed.n).toBe(0);
    const approvedShort = one<{ n: number }>(
      t,
      `SELECT count(*) AS n FROM order_lines l JOIN orders o ON o.id = l.order_id
       WHERE o.status IN ('approved', 'picking') AND l.allocated_qty <> l.quantity`,
    );
    expect(approvedShort.n).toBe(0);
    expect(one<{ n: number }>(t, 'SELECT count(*) AS n FROM stock WHERE on_hand < allocated').n).toBe(0);
  });

  it('is mostly finished history, with open orders of every kind and holds with reasons', async () => {
    const byStatus = Object.fromEntries(rows<{ status: string; n: number }>(t, 'SELECT status, count(*) AS n FROM orders GROUP BY status').map((r) => [r.status, r.n]));
    const finished = (byStatus.closed ?? 0) + (byStatus.settled ?? 0) + (byStatus.delivered ?? 0);
    expect(finished / ORDERS).toBeGreaterThan(0.85);
    for (const s of ['approved', 'on_hold', 'draft', 'shipped', 'cancelled']) expect(byStatus[s] ?? 0, s).toBeGreaterThan(0);
    const heldWithout = one<{ n: number }>(
      t,
      `SELECT count(*) AS n FROM orders o WHERE o.status = 'on_hold'
       AND NOT EXISTS (SELECT 1 FROM order_holds h WHERE h.order_id = o.id AND h.status = 'open')`,
    );
    expect(heldWithout.n).toBe(0);
    const stray = one<{ n: number }>(t, `SELECT count(*) AS n FROM order_holds h JOIN orders o ON o.id = h.order_id WHERE o.status <> 'on_hold'`);
    expect(stray.n).toBe(0);
    const queue = await t.call<{ total: number; rows: { reasons: { code: string }[] }[] }>('approvals.queue', {}, t.admin);
    expect(queue.total).toBe(byStatus.on_hold);
    expect(queue.rows.every((r) => r.reasons.length > 0)).toBe(true);
  });

  it('bills what was delivered: a settlement per delivered order, payments for what was paid', () => {
    const unbilled = one<{ n: number }>(
      t,
      `SELECT count(*) AS n FROM orders o WHERE o.status IN ('delivered', 'settled', 'closed')
       AND NOT EXISTS (SELECT 1 FROM settlements s WHERE s.order_id = o.id)`,
    );
    expect(unbilled.n).toBe(0);
    const mismatch = one<{ n: number }>(
      t,
      `SELECT count(*) AS n FROM settlements s JOIN orders o ON o.id = s.order_id
       WHERE s.amount <> o.total OR s.paid <> coalesce((SELECT sum(p.amount) FROM payments p WHERE p.settlement_id = s.id), 0)
          OR (o.status IN ('settled', 'closed')) <> (s.status = 'paid')`,
    );
    expect(mismatch.n).toBe(0);
    const early = one<{ n: number }>(
      t,
      `SELECT count(*) AS n FROM payments p JOIN settlements s ON s.id = p.settlement_id WHERE p.paid_at < s.issued_at`,
    );
    expect(early.n).toBe(0);
    // Each billed order says so (credit exposure skips it), and only billed orders do.
    const billing = one<{ n: number }>(
      t,
      `SELECT count(*) AS n FROM orders o
       WHERE (o.billed_at IS NOT NULL) <> EXISTS (SELECT 1 FROM settlements s WHERE s.order_id = o.id AND s.status != 'void')`,
    );
    expect(billing.n).toBe(0);
    // The running credit figures agree with the settlements to the cent.
    const balances = one<{ n: number }>(
      t,
      `SELECT count(*) AS n FROM (SELECT customer_id, sum(amount - paid) AS unpaid FROM settlements WHERE status = 'open' GROUP BY customer_id) s
       LEFT JOIN customer_balances b ON b.customer_id = s.customer_id WHERE b.unpaid IS NOT s.unpaid`,
    );
    expect(balances.n).toBe(0);
    const dues = one<{ n: number; rows: number }>(
      t,
      `SELECT sum(d.due IS NOT s.due OR d.paid IS NOT s.paid) AS n, count(*) AS rows FROM
         (SELECT customer_id, due_date, sum(amount) AS due, sum(paid) AS paid FROM settlements WHERE status != 'void' GROUP BY 1, 2) s
       LEFT JOIN customer_dues d ON d.customer_id = s.customer_id AND d.due_date = s.due_date`,
    );
    expect(dues.rows).toBeGreaterThan(100);
    expect(dues.n).toBe(0);
  });

  it('tells each order\'s story in time order', () => {
    const bad = one<{ n: number }>(
      t,
      `SELECT count(*) AS n FROM orders WHERE (submitted_at IS NOT NULL AND submitted_at < created_at)
         OR (approved_at IS NOT NULL AND approved_at < submitted_at) OR (paid_at IS NOT NULL AND paid_at < approved_at)
         OR (closed_at IS NOT NULL AND closed_at < paid_at) OR updated_at < created_at OR created_at > ?`,
      new Date(AS_OF).toISOString(),
    );
    expect(bad.n).toBe(0);
    const history = rows<{ order_id: string; from_status: string | null; to_status: string; at: string }>(
      t,
      'SELECT order_id, from_status, to_status, at FROM order_status_history ORDER BY order_id, at, rowid',
    );
    expect(history.length).toBeGreaterThan(0);
    const last = new Map<string, string>();
    for (const h of history) {
      expect(h.from_status).toBe(last.get(h.order_id) ?? null);
      last.set(h.order_id, h.to_status);
    }
    const status = new Map(rows<{ id: string; status: string }>(t, 'SELECT id, status FROM orders').map((o) => [o.id, o.status]));
    for (const [orderId, to] of last) expect(to).toBe(status.get(orderId));
  });

  it('has seasons, repeat customers and products bought together', () => {
    const perDay = (from: string, to: string) =>
      one<{ n: number }>(t, `SELECT count(*) AS n FROM orders WHERE created_at >= ? AND created_at < ?`, from, to).n /
      ((Date.parse(to) - Date.parse(from)) / 86_400_000);
    // Spring Festival 2026 (17 Feb) against April.
    expect(perDay('2026-04-01', '2026-05-01')).toBeGreaterThan(3 * perDay('2026-02-14', '2026-02-24'));

    const counts = rows<{ n: number }>(t, 'SELECT count(*) AS n FROM orders GROUP BY customer_id ORDER BY n DESC').map((r) => r.n);
    const top = counts.slice(0, Math.ceil(300 / 5)).reduce((s, n) => s + n, 0);
    expect(top / ORDERS).toBeGreaterThan(0.7);

    // Orders with a desk carry a chair far more often than orders in general.
    const withDesk = `SELECT DISTINCT l.order_id FROM order_lines l JOIN products p ON p.id = l.product_id WHERE p.name LIKE '%办公桌%'`;
    const hasChair = `EXISTS (SELECT 1 FROM order_lines l2 JOIN products p2 ON p2.id = l2.product_id WHERE l2.order_id = o.id AND p2.name LIKE '%椅%')`;
    const deskChair = one<{ n: number; c: number }>(t, `SELECT count(*) AS n, sum(${hasChair}) AS c FROM orders o WHERE o.id IN (${withDesk})`);
    const anyChair = one<{ n: number; c: number }>(t, `SELECT count(*) AS n, sum(${hasChair}) AS c FROM orders o`);
    expect(deskChair.n).toBeGreaterThan(10);
    expect(deskChair.c / deskChair.n).toBeGreaterThan(2 * (anyChair.c / anyChair.n));
  });

  it('ships orders the way their channel does: store customers carry, online goes by courier, wholesale by freight', () => {
    const share = (channel: string, method: string) => {
      const r = one<{ n: number; m: number }>(t, `SELECT count(*) AS n, sum(delivery_method = ?) AS m FROM orders WHERE channel = ?`, method, channel);
      return r.m / r.n;
    };
    expect(share('store', 'pickup')).toBeGreaterThan(0.6);
    expect(share('online', 'courier')).toBeGreaterThan(0.7);
    expect(share('wholesale', 'freight')).toBeGreaterThan(0.6);
    expect(share('phone', 'delivery')).toBeGreaterThan(0.7);
  });

  it('makes orders findable like real ones: number, customer, pinyin, phone, SKU', () => {
    const o = one<{ seq: number; number: string; search_text: string }>(t, `SELECT seq, number, search_text FROM orders WHERE customer_po IS NOT NULL LIMIT 1`);
    expect(o.search_text).toContain(o.number);
    const customer = one<{ code: string; name: string; name_pinyin: string }>(
      t,
      'SELECT c.code, c.name, c.name_pinyin FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.seq = ?',
      o.seq,
    );
    for (const part of [customer.code, customer.name, customer.name_pinyin]) expect(o.search_text).toContain(part);
    const hits = rows<{ rowid: number }>(t, `SELECT rowid FROM orders_fts WHERE orders_fts MATCH ?`, `"${o.number}"`);
    expect(hits.map((h) => h.rowid)).toEqual([o.seq]);
    // The load swaps the FTS trigger for a per-batch replay and enlarges FTS5's buffer: both are back.
    const trigger = one<{ n: number }>(t, `SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name = 'orders_search_ai'`);
    expect(trigger.n).toBe(1);
    expect(one<{ v: number }>(t, `SELECT v FROM orders_fts_config WHERE k = 'hashsize'`).v).toBe(1024 * 1024);
  });
});

describe('demo determinism', () => {
  async function digest(seed: string, chunkSize?: number, check?: (t: TestDesk) => void): Promise<string> {
    const t = await openTestDesk();
    try {
      await loadDemo(t.desk, { password: TEST_PASSWORD, orders: 300, asOf: AS_OF, seed, chunkSize });
      check?.(t);
      const h = crypto.createHash('sha256');
      for (const sql of [
        'SELECT * FROM customers ORDER BY seq',
        'SELECT * FROM customer_addresses ORDER BY id',
        'SELECT * FROM products ORDER BY seq',
        'SELECT * FROM stock ORDER BY product_id, warehouse_id',
        'SELECT * FROM orders ORDER BY seq',
        'SELECT * FROM order_lines ORDER BY id',
        'SELECT * FROM order_status_history ORDER BY id',
        'SELECT * FROM order_holds ORDER BY id',
        'SELECT * FROM settlements ORDER BY id',
        'SELECT * FROM payments ORDER BY id',
        `SELECT id, username, role FROM users WHERE username <> 'admin' ORDER BY id`,
      ]) {
        h.update(JSON.stringify(t.desk.store.raw.prepare(sql).all()));
      }
      return h.digest('hex');
    } finally {
      await t.close();
      fs.rmSync(t.dataDir, { recursive: true, force: true });
    }
  }

  it('loads the same data from the same seed', async () => {
    const a = await digest('same-seed');
    const b = await digest('same-seed');
    expect(b).toBe(a);
  });

  it('writes the same rows in batches of 70 orders, and makes the orders of every batch findable', async () => {
    const findable = (t: TestDesk) => {
      const orders = rows<{ seq: number; number: string }>(t, 'SELECT seq, number FROM orders ORDER BY seq');
      expect(orders).toHaveLength(300);
      const search = t.desk.store.raw.prepare('SELECT rowid FROM orders_fts WHERE orders_fts MATCH ?').pluck();
      for (const o of orders) expect(search.all(`"${o.number}"`)).toEqual([o.seq]);
      expect(one<{ n: number }>(t, 'SELECT count(*) AS n FROM orders_fts_docsize').n).toBe(300);
    };
    const whole = await digest('batch-seed', undefined, findable);
    const batched = await digest('batch-seed', 70, findable);
    expect(batched).toBe(whole);
  });

  it('makes other data from another seed', () => {
    const opts = { customers: 300, ordersPerDay: 100, asOf: AS_OF };
    const a = buildMasters(new Rng('same-seed'), opts);
    const b = buildMasters(new Rng('other-seed'), opts);
    expect(JSON.stringify(buildMasters(new Rng('same-seed'), opts))).toBe(JSON.stringify(a));
    expect(b.customers.map((c) => c.uscc)).not.toEqual(a.customers.map((c) => c.uscc));
    expect(b.customers[0].name).toBe('北京市场贸易有限公司');
  });
});
