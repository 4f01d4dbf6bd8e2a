import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { registerFunctions } from '../../src/main/store/functions';
import { migrate } from '../../src/main/store/migrator';

describe('20261128_0010_customer_list_filters', () => {
  it("walks a customer's orders of one channel or type newest first without visiting the rows", () => {
    const db = new Database(':memory:');
    registerFunctions(db);
    migrate(db);
    for (const [filter, value] of [
      ['channel', 'phone'],
      ['order_type', 'wholesale'],
    ]) {
      const plan = db
        .prepare(`EXPLAIN QUERY PLAN SELECT seq FROM orders WHERE customer_id = ? AND ${filter} = ? ORDER BY created_at DESC LIMIT 201`)
        .all('c1', value) as { detail: string }[];
      const detail = plan.map((p) => p.detail).join(' ');
      expect(detail).toContain('COVERING INDEX orders_customer_created');
      expect(detail).not.toContain('TEMP B-TREE');
    }
    db.close();
  });

  it('20261128_0011: a SKU walk reads (product, order) from the index alone, and allocating a line leaves the index alone', () => {
    const db = new Database(':memory:');
    registerFunctions(db);
    migrate(db);
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN SELECT order_id FROM order_lines WHERE product_id = ? GROUP BY order_id ORDER BY order_id DESC LIMIT 200`)
      .all('p1') as { detail: string }[];
    const detail = plan.map((p) => p.detail).join(' ');
    expect(detail).toContain('COVERING INDEX order_lines_product');
    expect(detail).not.toContain('TEMP B-TREE');
    const columns = db.prepare(`SELECT name FROM pragma_index_info('order_lines_product') ORDER BY seqno`).pluck().all();
    expect(columns).toEqual(['product_id', 'order_id']);
    db.close();
  });
});
