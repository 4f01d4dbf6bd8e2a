/**
 * Load demo data into an empty desk: master data, stock, users and (optionally) order history.
 *
 * This is a generator, not a user mutation, so it writes with raw prepared statements in large
 * transactions instead of one dispatcher call per row: 1,000,000 orders in under two minutes is
 * impossible at one transaction (and one fsync) per order. Consequences, on purpose:
 * - no outbox rows: demo data is local to this desk and must never be pushed to a hub;
 * - one audit_log row ("demo data loaded", written by the demo.load handler), not one per row;
 * - while loading, synchronous = OFF and foreign_keys = OFF (a crash mid-load leaves a half-filled desk, which the
 *   refusal below will not load into again: delete the data folder and start over); the desk's
 *   durability setting is restored afterwards and the file flushed to the disk before the load
 *   reports done;
 * - the secondary indexes of the order tables are dropped and built once at the end (recorded in
 *   deferred_indexes, so the next open rebuilds them if the load dies; see store/deferred-indexes.ts);
 * - the journal is a rollback journal while loading: in WAL mode every page of a 3 GB load is written
 *   twice (log, then checkpoint), while new pages appended by a rollback-journal commit go straight
 *   to the file. WAL comes back at the end (and at every open);
 * - the FTS triggers are replayed per batch and FTS5 gets a larger term buffer (see bulk.ts).
 */
import type Database from 'better-sqlite3';
import { DeskError } from '../../shared/errors';
import { readSettings } from '../../shared/mutators/settings';
import { hashPassword } from '../auth/password';
import { deferIndexes, restoreIndexes } from '../store/deferred-indexes';
import { fsyncFile } from '../store/fsync';
import type { Desk } from '../desk/desk';
import { TableWriter, withFtsBuffer, type StorageTimer } from './bulk';
import { buildMasters, type MasterData } from './masters';
import { writeOrders, type OrderStats } from './orders';
import { Rng } from './random';

export const DEMO_SEED = 'order-desk-demo';
export const DEMO_CUSTOMERS = 300;
export const DEMO_JOB = 'demo.load';
/** The tables the order history fills; their secondary indexes are built after the load. */
const BULK_TABLES = ['orders', 'order_lines', 'order_status_history', 'settlements', 'payments'] as const;

export interface DemoOptions {
  password: string;
  orders: number;
  /** Same seed (and asOf) → same data. */
  seed?: string;
  /** The "now" the history ends at (ms); default: the current time. */
  asOf?: number;
  customers?: number;
  /** Orders per transaction. */
  chunkSize?: number;
  onProgress?: (done: number, total: number, label: string) => void;
  /** Benchmarks: receives the time the order phase spent inside SQLite. */
  timer?: StorageTimer;
}

export interface DemoResult {
  customers: number;
  products: number;
  orders: number;
  lines: number;
  holds: number;
  settlements: number;
  byStatus: Record<string, number>;
  seed: string;
  asOf: string;
  ms: { masters: number; orders: number };
}

/** The code the refusal carries; its message belongs in the shared message bundle. */
export const DEMO_NOT_EMPTY = 'demo.notEmpty';

export function assertEmpty(raw: Database.Database): void {
  const count = (table: string) => (raw.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  const params = { customers: count('customers'), products: count('products'), orders: count('orders') };
  if (params.customers || params.products || params.orders) {
    throw new DeskError(DEMO_NOT_EMPTY, params, { status: 409 });
  }
}

function writeMasters(raw: Database.Database, m: MasterData, hashes: Map<string, string>, existingUsers: Set<string>): void {
  const at = m.createdAt;
  raw.transaction(() => {
    const regions = new TableWriter(raw, 'regions');
    for (const r of m.regions) regions.insert({ id: r.id, code: r.code, name: r.name, active: 1, updated_at: at });
    const reps = new TableWriter(raw, 'sales_reps');
    for (const r of m.salesReps) reps.insert({ id: r.id, code: r.code, name: r.name, mobile: r.mobile, email: r.email, region_id: r.regionId, active: 1, updated_at: at });
    const carriers = new TableWriter(raw, 'carriers');
    for (const c of m.carriers) carriers.insert({ id: c.id, code: c.code, name: c.name, phone: c.phone, active: 1, updated_at: at });
    const groups = new TableWriter(raw, 'price_groups');
    for (const g of m.priceGroups) groups.insert({ id: g.id, code: g.code, name: g.name, updated_at: at });
    const warehouses = new TableWriter(raw, 'warehouses');
    const bins = new TableWriter(raw, 'bins');
    for (const w of m.warehouses) {
      warehouses.insert({ id: w.id, code: w.code, name: w.name, region_id: w.regionId, address: w.address, active: 1, updated_at: at });
      for (const b of w.bins) bins.insert({ id: b.id, warehouse_id: w.id, code: b.code });
    }
    const customers = new TableWriter(raw, 'customers');
    const contacts = new TableWriter(raw, 'customer_contacts');
    const addresses = new TableWriter(raw, 'customer_addresses');
    for (const c of m.customers) {
      customers.insert({
        id: c.id,
        code: c.code,
        name: c.name,
        name_pinyin: c.pinyin,
        kind: 'company',
        uscc: c.uscc,
        uscc_override_reason: null,
        region_id: c.regionId,
        credit_limit: c.creditLimit,
        payment_terms_days: c.paymentTermsDays,
        price_group_id: m.priceGroups[c.priceGroup].id,
        sales_rep_id: c.salesRepId,
        email: c.email,
        notes: c.notes,
        active: 1,
        created_at: c.createdAt,
        updated_at: c.createdAt,
      });
      for (const k of c.contacts) {
        contacts.insert({ id: k.id, customer_id: c.id, name: k.name, mobile: k.mobile, landline: k.landline, email: k.email, is_primary: k.isPrimary ? 1 : 0 });
      }
      for (const a of c.addresses) {
        addresses.insert({
          id: a.id,
          customer_id: c.id,
          label: a.label,
          recipient: a.recipient,
          phone: a.phone,
          province: a.province,
          city: a.city,
          district: a.district,
          street: a.street,
          postcode: a.postcode,
          is_default: a.isDefault ? 1 : 0,
        });
      }
    }
    const products = new TableWriter(raw, 'products');
    const prices = new TableWriter(raw, 'product_prices');
    for (const p of m.products) {
      products.insert({
        id: p.id,
        sku: p.sku,
        name: p.name,
        name_pinyin: p.pinyin,
        spec: p.spec,
        unit: p.unit,
        category: p.category,
        list_price: p.listPrice,
        tax_rate_bp: p.taxRateBp,
        barcode: p.barcode,
        make_to_order: p.makeToOrder ? 1 : 0,
        bom_note: p.bomNote,
        active: 1,
        created_at: at,
        updated_at: at,
      });
      m.priceGroups.forEach((g, i) => prices.insert({ product_id: p.id, price_group_id: g.id, price: p.prices[i] }));
    }
    const stock = new TableWriter(raw, 'stock');
    for (const s of m.stock) {
      stock.insert({
        product_id: m.products[s.product].id,
        warehouse_id: m.warehouses[s.warehouse].id,
        on_hand: s.onHand,
        allocated: 0,
        in_transit: s.inTransit,
        in_transit_eta: s.inTransitEta,
        safety_stock: s.safetyStock,
        bin_code: s.binCode,
        updated_at: at,
      });
    }
    const users = new TableWriter(raw, 'users');
    for (const u of m.users) {
      if (existingUsers.has(u.username.toLowerCase())) continue;
      users.insert({
        id: u.id,
        username: u.username,
        display_name: u.displayName,
        role: u.role,
        password_hash: hashes.get(u.username)!,
        approval_limit: null,
        active: 1,
        failed_logins: 0,
        locked_until: null,
        last_login_at: null,
        created_at: at,
        updated_at: at,
      });
    }
  })();
}

/** Fill an empty desk. Refuses (demo.notEmpty) when it already holds customers, products or orders. */
export async function loadDemo(desk: Desk, opts: DemoOptions): Promise<DemoResult> {
  const raw = desk.store.raw;
  assertEmpty(raw);
  const seed = opts.seed ?? DEMO_SEED;
  const asOf = opts.asOf ?? Date.now();
  const progress = (done: number, total: number, label: string) => {
    opts.onProgress?.(done, total, label);
    desk.events.emit({ type: 'progress', jobId: DEMO_JOB, done, total, label });
  };
  const rng = new Rng(seed);
  const m = buildMasters(rng, { customers: opts.customers ?? DEMO_CUSTOMERS, ordersPerDay: Math.max(opts.orders, 50_000) / 365, asOf });

  // Existing users (the admin, or a demo user made by hand) are left as they are.
  const userRows = raw.prepare('SELECT id, username, role FROM users').all() as { id: string; username: string; role: string }[];
  const existing = new Set(userRows.map((u) => u.username.toLowerCase()));
  const toCreate = m.users.filter((u) => !existing.has(u.username.toLowerCase()));
  const hashes = new Map(await Promise.all(toCreate.map(async (u) => [u.username, await hashPassword(opts.password)] as const)));
  assertEmpty(raw); // hashing yielded: someone may have added data meanwhile
  const idOf = (username: string) =>
    userRows.find((u) => u.username.toLowerCase() === username)?.id ?? m.users.find((u) => u.username === username)?.id ?? null;

  const settings = await readSettings(desk.store.db);
  const previous = {
    synchronous: raw.pragma('synchronous', { simple: true }) as number,
    foreignKeys: raw.pragma('foreign_keys', { simple: true }) as number,
  };
  raw.pragma('synchronous = OFF');
  // The page cache stays at the desk's 64 MB. A 50,000-order batch dirties a few hundred MB, but
  // spilling mid-transaction is cheap here (new pages are appended, nothing is synced), while a
  // 512 MB cache made the order phase ~6 % slower at 1M orders (~20 % at 250k).
  // Every reference is taken from rows written just before (the tests run foreign_key_check on a
  // loaded desk); checking three parents per order line would cost a quarter of the load time.
  raw.pragma('foreign_keys = OFF');
  // Refused (stays 'wal') while another connection has the file open, e.g. a backup: load in WAL then.
  const rollbackJournal = raw.pragma('journal_mode = TRUNCATE', { simple: true }) === 'truncate';
  const started = performance.now();
  let ordersDone = 0;
  let stats: OrderStats = { orders: 0, lines: 0, byStatus: {}, holds: 0, settlements: 0 };
  let mastersMs = 0;
  let indexesDeferred = false;
  try {
    progress(0, opts.orders, 'masters');
    writeMasters(raw, m, hashes, existing);
    mastersMs = performance.now() - started;
    if (opts.orders > 0) {
      indexesDeferred = deferIndexes(raw, BULK_TABLES).length > 0;
      const clerk = idOf('clerk');
      const enteredBy = [
        { id: clerk, weight: 85 },
        { id: idOf('manager'), weight: 15 },
      ].filter((u): u is { id: string; weight: number } => u.id !== null);
      stats = await withFtsBuffer(raw, ['orders_fts'], () => writeOrders(raw, m, rng, {
        orders: opts.orders,
        asOf,
        deskCode: desk.identity.deskCode,
        timeZone: settings.timeZone,
        enteredBy,
        staff: { approver: idOf('approver'), warehouse: idOf('warehouse'), manager: idOf('manager') },
        chunkSize: opts.chunkSize,
        timer: opts.timer,
        collectionThresholdBp: settings.collectionRateThresholdBp,
        onBatch: async (done, total) => {
          ordersDone = done;
          progress(done, total, 'orders');
          // Let the event loop serve other requests between batches.
          await new Promise((resolve) => setImmediate(resolve));
        },
      }));
    }
  } finally {
    // Also after a failed load: whatever was written is indexed before anyone reads it.
    if (indexesDeferred) {
      progress(ordersDone, opts.orders, 'indexes');
      const t0 = performance.now();
      restoreIndexes(raw);
      if (opts.timer) opts.timer.ms += performance.now() - t0;
    }
    if (rollbackJournal) raw.pragma('journal_mode = WAL');
    raw.pragma(`synchronous = ${previous.synchronous}`);
    raw.pragma(`foreign_keys = ${previous.foreignKeys ? 'ON' : 'OFF'}`);
  }
  // Fold the bulk load's WAL into the store now, so the first orders after it do not pay for it.
  raw.pragma('wal_checkpoint(TRUNCATE)');
  // The load wrote with synchronous = OFF and a rollback journal, so nothing above forced its pages
  // to the disk: flush them before saying it is done. Otherwise a power cut in the next minute could
  // take what the desk reported as loaded, and the first orders' commits queued their fsyncs behind
  // the kernel writing back gigabytes.
  const flushStarted = performance.now();
  fsyncFile(desk.store.file);
  if (opts.timer) opts.timer.ms += performance.now() - flushStarted;
  progress(ordersDone, opts.orders, 'done');
  return {
    customers: m.customers.length,
    products: m.products.length,
    orders: stats.orders,
    lines: stats.lines,
    holds: stats.holds,
    settlements: stats.settlements,
    byStatus: stats.byStatus,
    seed,
    asOf: new Date(asOf).toISOString(),
    ms: { masters: Math.round(mastersMs), orders: Math.round(performance.now() - started - mastersMs) },
  };
}

