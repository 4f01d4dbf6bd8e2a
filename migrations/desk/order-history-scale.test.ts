import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { registerFunctions } from '../../src/main/store/functions';
import { migrate } from '../../src/main/store/migrator';
import { DESK_MIGRATIONS } from './index';

describe('20261127_0006_order_history_scale', () => {
  it('bills the orders that already have a settlement and leaves the others open', () => {
    const db = new Database(':memory:');
    registerFunctions(db);
    const before = DESK_MIGRATIONS.slice(0, DESK_MIGRATIONS.findIndex((m) => m.name === '20261127_0006_order_history_scale'));
    migrate(db, before);
    db.exec(`INSERT INTO customers (id, code, name, name_pinyin, kind, created_at, updated_at) VALUES ('c1', 'C1', '甲公司', 'jgs', 'company', 't', 't')`);
    const order = db.prepare(
      `INSERT INTO orders (id, number, desk_code, customer_id, status, channel, order_type, priority, payment_method,
         contact_name, contact_phone, ship_recipient, ship_phone, ship_province, ship_city, ship_district, ship_street,
         total, created_at, updated_at)
       VALUES (?, ?, 'D1', 'c1', ?, 'phone', 'retail', 'regular', 'credit', '张三', '13800138000', '张三', '13800138000',
         '上海市', '上海市', '浦东新区', '世纪大道 1 号', ?, 't', 't')`,
    );
    order.run('o1', 'SO-1', 'delivered', 10_000);
    order.run('o2', 'SO-2', 'delivered', 20_000);
    order.run('o3', 'SO-3', 'shipped', 30_000);
    const settle = db.prepare(
      `INSERT INTO settlements (id, number, customer_id, order_id, amount, paid, issued_at, due_date, status) VALUES (?, ?, 'c1', ?, ?, 0, ?, '2026-12-31', ?)`,
    );
    settle.run('s1', 'ST-1', 'o1', 10_000, '2026-11-02T08:00:00.000Z', 'open');
    settle.run('s2', 'ST-2', 'o2', 20_000, '2026-11-03T08:00:00.000Z', 'void');

    migrate(db);
    const billed = db.prepare('SELECT id, billed_at FROM orders ORDER BY id').all();
    expect(billed).toEqual([
      { id: 'o1', billed_at: '2026-11-02T08:00:00.000Z' },
      { id: 'o2', billed_at: null }, // its only settlement was voided: still open exposure
      { id: 'o3', billed_at: null },
    ]);
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN SELECT sum(total) FROM orders WHERE customer_id = ? AND status IN ('approved', 'delivered') AND billed_at IS NULL`)
      .all('c1') as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('COVERING INDEX orders_customer_status');
    const lines = db
      .prepare(`EXPLAIN QUERY PLAN SELECT DISTINCT order_id FROM order_lines WHERE product_id = ? ORDER BY order_id DESC LIMIT 2000`)
      .all('p1') as { detail: string }[];
    const detail = lines.map((p) => p.detail).join(' ');
    expect(detail).toContain('COVERING INDEX order_lines_product');
    expect(detail).not.toContain('TEMP B-TREE'); // newest orders first straight from the index
    expect(db.prepare(`SELECT v FROM orders_fts_config WHERE k = 'crisismerge'`).get()).toEqual({ v: 2000 });
    db.close();
  });
});
