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
});
