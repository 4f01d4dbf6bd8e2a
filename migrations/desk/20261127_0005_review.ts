/** Holds and decisions of the approval queue, change requests, confirmations, settlements, payments. */
export const review = {
  name: '20261127_0005_review',
  statements: [
    `CREATE TABLE order_holds (
      id TEXT PRIMARY KEY, order_id TEXT NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('credit','stock','custom_review','change_request')),
      code TEXT NOT NULL, params TEXT NOT NULL DEFAULT '{}',
      status TEXT NOT NULL CHECK (status IN ('open','released','rejected','superseded')),
      created_at TEXT NOT NULL, decided_at TEXT, decided_by TEXT, comment TEXT,
      awaiting_change INTEGER NOT NULL DEFAULT 0, change_request_id TEXT)`,
    // The approval queue groups open holds per order (optionally of one kind): both indexes cover it.
    `CREATE INDEX order_holds_open ON order_holds (status, kind, order_id, created_at)`,
    `CREATE INDEX order_holds_queue ON order_holds (status, order_id, kind, created_at)`,
    `CREATE INDEX order_holds_order ON order_holds (order_id)`,
    `CREATE TABLE approval_decisions (
      id TEXT PRIMARY KEY, order_id TEXT NOT NULL REFERENCES orders(id) ON DELETE CASCADE, hold_id TEXT,
      change_request_id TEXT, decision TEXT NOT NULL, comment TEXT, order_row_version INTEGER NOT NULL,
      decided_at TEXT NOT NULL, decided_by TEXT NOT NULL)`,
    `CREATE INDEX approval_decisions_order ON approval_decisions (order_id)`,
    `CREATE TABLE change_requests (
      id TEXT PRIMARY KEY, order_id TEXT NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
      base_revision INTEGER NOT NULL, payload TEXT NOT NULL, diff TEXT NOT NULL, amount_delta INTEGER NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('open','approved','rejected')), requested_by TEXT NOT NULL,
      requested_at TEXT NOT NULL, decided_by TEXT, decided_at TEXT, comment TEXT)`,
    `CREATE INDEX change_requests_order ON change_requests (order_id, status)`,
    `CREATE TABLE customer_confirmations (
      id TEXT PRIMARY KEY, order_id TEXT NOT NULL REFERENCES orders(id) ON DELETE CASCADE, channel TEXT NOT NULL,
      person TEXT NOT NULL, confirmed_at TEXT NOT NULL, text TEXT NOT NULL, recorded_by TEXT NOT NULL,
      recorded_at TEXT NOT NULL)`,
    `CREATE TABLE settlements (
      id TEXT PRIMARY KEY, number TEXT NOT NULL UNIQUE, customer_id TEXT NOT NULL REFERENCES customers(id),
      order_id TEXT REFERENCES orders(id), amount INTEGER NOT NULL, paid INTEGER NOT NULL DEFAULT 0,
      issued_at TEXT NOT NULL, due_date TEXT NOT NULL, status TEXT NOT NULL)`,
    `CREATE INDEX settlements_customer ON settlements (customer_id, status)`,
    // Credit exposure: "this order is not settled yet" and "due in the last three months" stay indexed.
    `CREATE INDEX settlements_order ON settlements (order_id)`,
    `CREATE INDEX settlements_customer_due ON settlements (customer_id, due_date)`,
    // Open orders of one customer, without walking its whole history.
    `CREATE INDEX orders_customer_status ON orders (customer_id, status, total)`,
    `CREATE TABLE payments (
      id TEXT PRIMARY KEY, settlement_id TEXT REFERENCES settlements(id), customer_id TEXT NOT NULL,
      amount INTEGER NOT NULL, paid_at TEXT NOT NULL, reference TEXT)`,
    `CREATE INDEX payments_customer ON payments (customer_id, paid_at)`,
  ],
};
