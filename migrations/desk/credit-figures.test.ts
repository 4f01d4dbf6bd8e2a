import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { registerFunctions } from '../../src/main/store/functions';
import { migrate } from '../../src/main/store/migrator';
import { DESK_MIGRATIONS } from './index';

/** The figures as they must be: recomputed from the settlements themselves. */
function recomputed(db: Database.Database) {
  return {
    balances: db
      .prepare(`SELECT customer_id, sum(amount - paid) AS unpaid FROM settlements WHERE status = 'open' GROUP BY customer_id ORDER BY customer_id`)
      .all(),
    dues: db
      .prepare(
        `SELECT customer_id, due_date, sum(amount) AS due, sum(paid) AS paid FROM settlements WHERE status != 'void'
         GROUP BY customer_id, due_date ORDER BY customer_id, due_date`,
      )
      .all(),
  };
}

/** The figures as kept, leaving out rows that fell back to zero. */
function kept(db: Database.Database) {
  return {
    balances: db.prepare(`SELECT customer_id, unpaid FROM customer_balances WHERE unpaid != 0 ORDER BY customer_id`).all(),
    dues: db.prepare(`SELECT customer_id, due_date, due, paid FROM customer_dues WHERE due != 0 OR paid != 0 ORDER BY customer_id, due_date`).all(),
  };
}

describe('20261127_0008_credit_figures', () => {
  it('backfills the figures and keeps them equal to the settlements through inserts, payments, voids and deletes', () => {
    const db = new Database(':memory:');
    registerFunctions(db);
    migrate(db, DESK_MIGRATIONS.slice(0, DESK_MIGRATIONS.findIndex((m) => m.name === '20261127_0008_credit_figures')));
    for (const c of ['c1', 'c2']) {
      db.prepare(`INSERT INTO customers (id, code, name, name_pinyin, kind, created_at, updated_at) VALUES (?, ?, ?, 'x', 'company', 't', 't')`).run(c, c.toUpperCase(), `客户${c}`);
    }
    const add = db.prepare(
      `INSERT INTO settlements (id, number, customer_id, amount, paid, issued_at, due_date, status) VALUES (?, ?, ?, ?, ?, 't', ?, ?)`,
    );
    add.run('s1', 'ST-1', 'c1', 100_000, 0, '2026-10-01', 'open');
    add.run('s2', 'ST-2', 'c1', 50_000, 50_000, '2026-10-01', 'paid');
    add.run('s3', 'ST-3', 'c2', 30_000, 10_000, '2026-11-15', 'open');

    migrate(db);
    expect(kept(db)).toEqual(recomputed(db));
    expect(db.prepare(`SELECT unpaid FROM customer_balances WHERE customer_id = 'c1'`).get()).toEqual({ unpaid: 100_000 });
    expect(db.prepare(`SELECT due, paid FROM customer_dues WHERE customer_id = 'c1' AND due_date = '2026-10-01'`).get()).toEqual({ due: 150_000, paid: 50_000 });

    add.run('s4', 'ST-4', 'c1', 20_000, 0, '2026-10-01', 'open'); // a new settlement
    db.prepare(`UPDATE settlements SET paid = 60_000 WHERE id = 's1'`).run(); // a part payment
    db.prepare(`UPDATE settlements SET paid = 30_000, status = 'paid' WHERE id = 's3'`).run(); // paid in full
    db.prepare(`UPDATE settlements SET status = 'void' WHERE id = 's2'`).run(); // voided
    db.prepare(`UPDATE settlements SET due_date = '2026-12-01', customer_id = 'c2' WHERE id = 's4'`).run(); // moved
    add.run('s5', 'ST-5', 'c2', 5_000, 0, '2026-12-01', 'void');
    db.prepare(`DELETE FROM settlements WHERE id = 's5'`).run();
    expect(kept(db)).toEqual(recomputed(db));
    // c1: s1 owes 40,000; s2 void; s4 moved to c2. c2: s3 paid; s4 owes 20,000.
    expect(kept(db).balances).toEqual([
      { customer_id: 'c1', unpaid: 40_000 },
      { customer_id: 'c2', unpaid: 20_000 },
    ]);
    db.close();
  });
});
