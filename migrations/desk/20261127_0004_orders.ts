/**
 * Sales orders, their lines, status history and versions; orders_fts backs the list search.
 * A draft line may hold quantity 0 (not entered yet); submit refuses it, so only drafts carry 0.
 */
export const orders = {
  name: '20261127_0004_orders',
  statements: [
    `CREATE TABLE orders (
      seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, number TEXT NOT NULL UNIQUE, desk_code TEXT NOT NULL,
      customer_id TEXT NOT NULL REFERENCES customers(id), status TEXT NOT NULL,
      row_version INTEGER NOT NULL DEFAULT 1, revision INTEGER NOT NULL DEFAULT 0,
      channel TEXT NOT NULL, order_type TEXT NOT NULL, priority TEXT NOT NULL,
      payment_method TEXT NOT NULL, payment_terms_days INTEGER NOT NULL DEFAULT 0, customer_po TEXT,
      contact_name TEXT NOT NULL, contact_phone TEXT NOT NULL, bill_to TEXT,
      ship_recipient TEXT NOT NULL, ship_phone TEXT NOT NULL, ship_province TEXT NOT NULL, ship_city TEXT NOT NULL,
      ship_district TEXT NOT NULL, ship_street TEXT NOT NULL, ship_postcode TEXT, ship_address_id TEXT,
      region_id TEXT, warehouse_id TEXT, sales_rep_id TEXT, requested_date TEXT, promised_date TEXT,
      notes TEXT, custom_text TEXT, custom_flag INTEGER NOT NULL DEFAULT 0, changed_flag INTEGER NOT NULL DEFAULT 0,
      duplicate_confirmed INTEGER NOT NULL DEFAULT 0,
      subtotal INTEGER NOT NULL DEFAULT 0, tax_total INTEGER NOT NULL DEFAULT 0, total INTEGER NOT NULL DEFAULT 0,
      line_count INTEGER NOT NULL DEFAULT 0, created_by TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
      submitted_at TEXT, approved_at TEXT, paid_at TEXT, closed_at TEXT, cancelled_at TEXT,
      search_text TEXT NOT NULL DEFAULT '')`,
    `CREATE INDEX orders_created ON orders (created_at)`,
    `CREATE INDEX orders_status_created ON orders (status, created_at)`,
    `CREATE INDEX orders_customer_created ON orders (customer_id, created_at)`,
    `CREATE INDEX orders_customer_submitted ON orders (customer_id, submitted_at)`,
    `CREATE INDEX orders_total ON orders (total)`,
    `CREATE INDEX orders_ship_phone ON orders (ship_phone)`,
    `CREATE INDEX orders_contact_phone ON orders (contact_phone)`,
    `CREATE INDEX orders_customer_po ON orders (customer_id, customer_po) WHERE customer_po IS NOT NULL`,
    `CREATE INDEX orders_region_created ON orders (region_id, created_at)`,
    `CREATE TABLE order_lines (
      id TEXT PRIMARY KEY, order_id TEXT NOT NULL REFERENCES orders(id) ON DELETE CASCADE, line_no INTEGER NOT NULL,
      product_id TEXT NOT NULL REFERENCES products(id), sku TEXT NOT NULL, name TEXT NOT NULL, spec TEXT,
      custom_params TEXT, unit TEXT NOT NULL, quantity INTEGER NOT NULL CHECK (quantity >= 0),
      list_price INTEGER NOT NULL, unit_price INTEGER NOT NULL, price_manual INTEGER NOT NULL DEFAULT 0,
      discount_bp INTEGER NOT NULL DEFAULT 0,
      tax_rate_bp INTEGER NOT NULL, amount INTEGER NOT NULL, tax INTEGER NOT NULL, total INTEGER NOT NULL,
      warehouse_id TEXT REFERENCES warehouses(id),
      allocated_qty INTEGER NOT NULL DEFAULT 0 CHECK (allocated_qty >= 0),
      delivered_qty INTEGER NOT NULL DEFAULT 0 CHECK (delivered_qty >= 0),
      cancelled_qty INTEGER NOT NULL DEFAULT 0 CHECK (cancelled_qty >= 0),
      CHECK (allocated_qty + delivered_qty + cancelled_qty <= quantity),
      UNIQUE (order_id, line_no))`,
    `CREATE INDEX order_lines_product ON order_lines (product_id, warehouse_id)`,
    `CREATE TABLE order_status_history (
      id TEXT PRIMARY KEY, order_id TEXT NOT NULL REFERENCES orders(id) ON DELETE CASCADE, from_status TEXT,
      to_status TEXT NOT NULL, at TEXT NOT NULL, user_id TEXT, reason TEXT)`,
    `CREATE INDEX order_status_history_order ON order_status_history (order_id, at)`,
    `CREATE TABLE order_versions (
      id TEXT PRIMARY KEY, order_id TEXT NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
      revision INTEGER NOT NULL, snapshot TEXT NOT NULL, diff TEXT, reason TEXT, created_at TEXT NOT NULL,
      created_by TEXT, UNIQUE (order_id, revision))`,
    `CREATE VIRTUAL TABLE orders_fts USING fts5(text, tokenize='trigram', content='', contentless_delete=1)`,
    `CREATE TRIGGER orders_search_ai AFTER INSERT ON orders BEGIN
       INSERT INTO orders_fts (rowid, text) VALUES (new.seq, new.search_text);
     END`,
    `CREATE TRIGGER orders_search_au AFTER UPDATE OF search_text ON orders BEGIN
       DELETE FROM orders_fts WHERE rowid = old.seq;
       INSERT INTO orders_fts (rowid, text) VALUES (new.seq, new.search_text);
     END`,
    `CREATE TRIGGER orders_search_ad AFTER DELETE ON orders BEGIN
       DELETE FROM orders_fts WHERE rowid = old.seq;
     END`,
  ],
};
