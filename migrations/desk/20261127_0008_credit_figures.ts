/**
 * Running credit figures per customer, kept by triggers on settlements so they can never drift:
 *   customer_balances — the unpaid balance of open settlements;
 *   customer_dues     — per due date, what fell due and what of it was paid (void settlements excluded).
 * The credit check reads one row and at most ~92 daily rows instead of summing every settlement of a
 * large customer (tens of thousands at a million orders). The hub keeps the same figures in its own
 * store.
 */
export const creditFigures = {
  name: '20261127_0008_credit_figures',
  statements: [
    `CREATE TABLE customer_balances (
      customer_id TEXT PRIMARY KEY, unpaid INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID`,
    `CREATE TABLE customer_dues (
      customer_id TEXT NOT NULL, due_date TEXT NOT NULL, due INTEGER NOT NULL DEFAULT 0, paid INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (customer_id, due_date)) WITHOUT ROWID`,
    `INSERT INTO customer_balances (customer_id, unpaid)
       SELECT customer_id, sum(amount - paid) FROM settlements WHERE status = 'open' GROUP BY customer_id`,
    `INSERT INTO customer_dues (customer_id, due_date, due, paid)
       SELECT customer_id, due_date, sum(amount), sum(paid) FROM settlements WHERE status != 'void' GROUP BY customer_id, due_date`,
    `CREATE TRIGGER settlements_figures_ai AFTER INSERT ON settlements BEGIN
       INSERT INTO customer_balances (customer_id, unpaid) SELECT new.customer_id, new.amount - new.paid WHERE new.status = 'open'
         ON CONFLICT (customer_id) DO UPDATE SET unpaid = unpaid + excluded.unpaid;
       INSERT INTO customer_dues (customer_id, due_date, due, paid) SELECT new.customer_id, new.due_date, new.amount, new.paid WHERE new.status != 'void'
         ON CONFLICT (customer_id, due_date) DO UPDATE SET due = due + excluded.due, paid = paid + excluded.paid;
     END`,
    `CREATE TRIGGER settlements_figures_ad AFTER DELETE ON settlements BEGIN
       UPDATE customer_balances SET unpaid = unpaid - (old.amount - old.paid) WHERE customer_id = old.customer_id AND old.status = 'open';
       UPDATE customer_dues SET due = due - old.amount, paid = paid - old.paid
         WHERE customer_id = old.customer_id AND due_date = old.due_date AND old.status != 'void';
     END`,
    `CREATE TRIGGER settlements_figures_au AFTER UPDATE OF customer_id, amount, paid, due_date, status ON settlements BEGIN
       UPDATE customer_balances SET unpaid = unpaid - (old.amount - old.paid) WHERE customer_id = old.customer_id AND old.status = 'open';
       UPDATE customer_dues SET due = due - old.amount, paid = paid - old.paid
         WHERE customer_id = old.customer_id AND due_date = old.due_date AND old.status != 'void';
       INSERT INTO customer_balances (customer_id, unpaid) SELECT new.customer_id, new.amount - new.paid WHERE new.status = 'open'
         ON CONFLICT (customer_id) DO UPDATE SET unpaid = unpaid + excluded.unpaid;
       INSERT INTO customer_dues (customer_id, due_date, due, paid) SELECT new.customer_id, new.due_date, new.amount, new.paid WHERE new.status != 'void'
         ON CONFLICT (customer_id, due_date) DO UPDATE SET due = due + excluded.due, paid = paid + excluded.paid;
     END`,
  ],
};
