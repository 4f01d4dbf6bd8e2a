/**
 * Master data and its search indexes. customers/products carry an INTEGER seq so the
 * contentless FTS tables can key on a rowid that VACUUM never renumbers.
 * cjk_grams() is a SQL function the desk registers on every connection (store/functions.ts).
 */
const ftsFor = (table: string, searched: string, text: string, grams: string) => [
  `CREATE VIRTUAL TABLE ${table}_fts USING fts5(text, tokenize='trigram', content='', contentless_delete=1)`,
  `CREATE VIRTUAL TABLE ${table}_cjk USING fts5(grams, tokenize='unicode61', content='', contentless_delete=1)`,
  `CREATE TRIGGER ${table}_search_ai AFTER INSERT ON ${table} BEGIN
     INSERT INTO ${table}_fts (rowid, text) VALUES (new.seq, ${text});
     INSERT INTO ${table}_cjk (rowid, grams) VALUES (new.seq, ${grams});
   END`,
  // Only edits of searched columns rewrite the index; a credit-limit or price change does not.
  `CREATE TRIGGER ${table}_search_au AFTER UPDATE OF ${searched} ON ${table} BEGIN
     DELETE FROM ${table}_fts WHERE rowid = old.seq;
     DELETE FROM ${table}_cjk WHERE rowid = old.seq;
     INSERT INTO ${table}_fts (rowid, text) VALUES (new.seq, ${text});
     INSERT INTO ${table}_cjk (rowid, grams) VALUES (new.seq, ${grams});
   END`,
  `CREATE TRIGGER ${table}_search_ad AFTER DELETE ON ${table} BEGIN
     DELETE FROM ${table}_fts WHERE rowid = old.seq;
     DELETE FROM ${table}_cjk WHERE rowid = old.seq;
   END`,
];

export const masters = {
  name: '20261127_0003_masters',
  statements: [
    `CREATE TABLE regions (id TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE COLLATE NOCASE, name TEXT NOT NULL,
      active INTEGER NOT NULL DEFAULT 1, updated_at TEXT NOT NULL)`,
    `CREATE TABLE sales_reps (id TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE COLLATE NOCASE, name TEXT NOT NULL,
      mobile TEXT, email TEXT, region_id TEXT REFERENCES regions(id), active INTEGER NOT NULL DEFAULT 1,
      updated_at TEXT NOT NULL)`,
    `CREATE TABLE carriers (id TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE COLLATE NOCASE, name TEXT NOT NULL,
      phone TEXT, active INTEGER NOT NULL DEFAULT 1, updated_at TEXT NOT NULL)`,
    `CREATE TABLE price_groups (id TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE COLLATE NOCASE, name TEXT NOT NULL,
      updated_at TEXT NOT NULL)`,
    `CREATE TABLE customers (
      seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, code TEXT NOT NULL UNIQUE COLLATE NOCASE,
      name TEXT NOT NULL, name_pinyin TEXT NOT NULL COLLATE NOCASE,
      kind TEXT NOT NULL CHECK (kind IN ('company','person')), uscc TEXT, uscc_override_reason TEXT,
      region_id TEXT REFERENCES regions(id), credit_limit INTEGER NOT NULL DEFAULT 0,
      payment_terms_days INTEGER NOT NULL DEFAULT 0, price_group_id TEXT REFERENCES price_groups(id),
      sales_rep_id TEXT REFERENCES sales_reps(id), email TEXT, notes TEXT,
      active INTEGER NOT NULL DEFAULT 1, created_at TEXT NOT NULL, updated_at TEXT NOT NULL)`,
    `CREATE INDEX customers_pinyin ON customers (name_pinyin)`,
    `CREATE INDEX customers_name ON customers (name)`,
    `CREATE TABLE customer_contacts (id TEXT PRIMARY KEY,
      customer_id TEXT NOT NULL REFERENCES customers(id) ON DELETE CASCADE, name TEXT NOT NULL,
      mobile TEXT, landline TEXT, email TEXT, is_primary INTEGER NOT NULL DEFAULT 0)`,
    `CREATE INDEX customer_contacts_customer ON customer_contacts (customer_id)`,
    `CREATE INDEX customer_contacts_mobile ON customer_contacts (mobile)`,
    `CREATE TABLE customer_addresses (id TEXT PRIMARY KEY,
      customer_id TEXT NOT NULL REFERENCES customers(id) ON DELETE CASCADE, label TEXT, recipient TEXT NOT NULL,
      phone TEXT NOT NULL, province TEXT NOT NULL, city TEXT NOT NULL, district TEXT NOT NULL, street TEXT NOT NULL,
      postcode TEXT, is_default INTEGER NOT NULL DEFAULT 0)`,
    `CREATE INDEX customer_addresses_customer ON customer_addresses (customer_id)`,
    `CREATE TABLE products (
      seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, sku TEXT NOT NULL UNIQUE COLLATE NOCASE,
      name TEXT NOT NULL, name_pinyin TEXT NOT NULL COLLATE NOCASE, spec TEXT, unit TEXT NOT NULL,
      category TEXT, list_price INTEGER NOT NULL, tax_rate_bp INTEGER NOT NULL DEFAULT 1300,
      barcode TEXT, make_to_order INTEGER NOT NULL DEFAULT 0, bom_note TEXT,
      active INTEGER NOT NULL DEFAULT 1, created_at TEXT NOT NULL, updated_at TEXT NOT NULL)`,
    `CREATE INDEX products_pinyin ON products (name_pinyin)`,
    `CREATE INDEX products_barcode ON products (barcode)`,
    `CREATE TABLE product_prices (product_id TEXT NOT NULL REFERENCES products(id) ON DELETE CASCADE,
      price_group_id TEXT NOT NULL REFERENCES price_groups(id), price INTEGER NOT NULL,
      PRIMARY KEY (product_id, price_group_id))`,
    `CREATE TABLE warehouses (id TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE COLLATE NOCASE, name TEXT NOT NULL,
      region_id TEXT REFERENCES regions(id), address TEXT, active INTEGER NOT NULL DEFAULT 1, updated_at TEXT NOT NULL)`,
    `CREATE TABLE bins (id TEXT PRIMARY KEY, warehouse_id TEXT NOT NULL REFERENCES warehouses(id) ON DELETE CASCADE,
      code TEXT NOT NULL, UNIQUE (warehouse_id, code))`,
    `CREATE TABLE stock (
      product_id TEXT NOT NULL REFERENCES products(id), warehouse_id TEXT NOT NULL REFERENCES warehouses(id),
      on_hand INTEGER NOT NULL DEFAULT 0, allocated INTEGER NOT NULL DEFAULT 0 CHECK (allocated >= 0),
      in_transit INTEGER NOT NULL DEFAULT 0 CHECK (in_transit >= 0), in_transit_eta TEXT,
      safety_stock INTEGER NOT NULL DEFAULT 0, bin_code TEXT, updated_at TEXT NOT NULL,
      PRIMARY KEY (product_id, warehouse_id), CHECK (on_hand >= allocated))`,
    `CREATE INDEX stock_warehouse ON stock (warehouse_id)`,
    `CREATE TABLE stock_moves (id TEXT PRIMARY KEY, product_id TEXT NOT NULL, warehouse_id TEXT NOT NULL,
      kind TEXT NOT NULL, quantity INTEGER NOT NULL, reference TEXT, at TEXT NOT NULL, user_id TEXT)`,
    `CREATE INDEX stock_moves_product ON stock_moves (product_id, warehouse_id, at)`,
    ...ftsFor(
      'customers',
      'code, name, name_pinyin, uscc',
      `new.code || ' ' || new.name || ' ' || new.name_pinyin || ' ' || coalesce(new.uscc, '')`,
      `cjk_grams(new.name)`,
    ),
    ...ftsFor(
      'products',
      'sku, name, name_pinyin, spec, barcode',
      `new.sku || ' ' || new.name || ' ' || new.name_pinyin || ' ' || coalesce(new.spec, '') || ' ' || coalesce(new.barcode, '')`,
      `cjk_grams(new.name || ' ' || coalesce(new.spec, ''))`,
    ),
  ],
};
