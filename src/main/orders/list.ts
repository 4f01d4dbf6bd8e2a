/**
 * orders.list at a million orders: a desk-only query (SQLite SQL is fine here; mutators stay portable).
 *
 * Search terms (q split on spaces, all must match) are resolved to index lookups instead of one
 * trigram match over everything, because trigrams every order shares ("SO-", "138", a SKU prefix)
 * make an orders_fts phrase query read a million-entry doclist:
 *   - order number prefix            → orders.number (unique index)
 *   - a full mobile / landline       → orders.ship_phone / contact_phone indexes
 *   - customer code / name / pinyin  → customers_fts / customers_cjk / code and pinyin prefixes → customer ids
 *   - SKU / product name             → products_fts / products_cjk → product ids → order_lines(product_id)
 *   - anything else (customer PO, part of a phone or number) → orders_fts trigram (newest 5,000 matches)
 *
 * Plan: a term that is only a few customers or only a few products, listed by date, walks each of
 * them along its own index in list order and merges the walks (walkList): the first page reads the
 * page and its look-ahead per key however many orders they have. Otherwise, when the matches of the
 * most selective term (or of a small status such as draft) number at
 * most COUNT_CAP, they are gathered by rowid and sorted: the total is exact. Otherwise one walk
 * along the sort index tests each order, which fills a page quickly because matches are dense, and
 * looks COUNT_AHEAD matches further: the total is exact if the walk reaches the end, else an
 * estimate (totalIsEstimate) that grows as the list scrolls. Without any filter, count(*) is exact.
 *
 * Measured on 1M orders / 3M lines (2 shared cores), first page in a fresh process: 1–10 ms for no
 * filter, status, region, dates, channel/type, number, full phone, customer code/name/pinyin, a SKU
 * with a type filter (was 30–160 ms gathering the SKU's newest 2,000 orders); a customer with
 * 10,000+ orders by name 14 ms (was 160 ms walking the whole list); a SKU prefix matching 50 products
 * ~30 ms; a trigram fallback whose trigrams are in most orders ("0001234") ~45 ms.
 */
import type Database from 'better-sqlite3';
import type { OrderListRow, OrderListSort } from '../../shared/contract/orders';
import { localDayStartUtc } from '../../shared/orders/numbering';
import type { OrderStatus } from '../../shared/orders/status';
import { isPhone, normalizePhone } from '../../shared/validators';

export const COUNT_CAP = 10_000;
/** Beyond the page, how many more matches the list looks for before calling the total an estimate. */
export const COUNT_AHEAD = 100;
const FTS_CAP = 5_000;
const PRODUCT_CAP = 2_000;
const MAX_CUSTOMERS = 200;
const MAX_PRODUCTS = 50;
const MAX_TERMS = 4;

export interface ListInput {
  q?: string;
  status?: OrderStatus[];
  from?: string;
  to?: string;
  regionId?: string;
  type?: 'retail' | 'wholesale';
  channel?: 'store' | 'online' | 'phone' | 'wholesale';
  customerId?: string;
  /** Only orders this user created. */
  createdBy?: string;
  offset: number;
  limit: number;
  sort: OrderListSort;
}

export interface ListResult {
  rows: OrderListRow[];
  total: number;
  totalIsEstimate: boolean;
  offset: number;
}

// ------------------------------------------------------------------------------------------------
// Prepared statements, cached per connection and SQL text.

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function prepared(db: Database.Database, sql: string): Database.Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let stmt = cache.get(sql);
  if (!stmt) {
    if (cache.size > 300) cache.clear();
    stmt = db.prepare(sql);
    cache.set(sql, stmt);
  }
  return stmt;
}

/** A list bound as one JSON parameter, so one statement serves every list length. */
const IN_LIST = '(SELECT value FROM json_each(?))';
const json = (values: readonly unknown[]) => JSON.stringify(values);

// ------------------------------------------------------------------------------------------------
// Terms

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;

/** A quoted FTS5 phrase (the trigram tokenizer matches it as a substring). */
function ftsPhrase(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** LIKE prefix bounds on a text index: [prefix, prefix + U+FFFF). */
function prefixRange(prefix: string): [string, string] {
  return [prefix, prefix + '\uffff'];
}

interface TermPlan {
  text: string;
  customerIds: string[];
  productIds: string[];
  numberPrefix: string | null;
  phone: string | null;
  fts: string | null;
}

function findCustomers(db: Database.Database, term: string): string[] {
  const cjkOnly = [...term].every((ch) => CJK.test(ch));
  let rows: { id: string }[];
  if ([...term].length >= 3) {
    rows = prepared(
      db,
      `SELECT c.id FROM customers_fts f JOIN customers c ON c.seq = f.rowid WHERE customers_fts MATCH ? LIMIT ${MAX_CUSTOMERS}`,
    ).all(ftsPhrase(term)) as { id: string }[];
  } else if (cjkOnly) {
    const grams = [...term].join(' ');
    rows = prepared(
      db,
      `SELECT c.id FROM customers_cjk f JOIN customers c ON c.seq = f.rowid WHERE customers_cjk MATCH ? LIMIT ${MAX_CUSTOMERS}`,
    ).all(ftsPhrase(grams)) as { id: string }[];
  } else {
    const [lo, hi] = prefixRange(term);
    rows = prepared(
      db,
      `SELECT id FROM customers WHERE code >= ? COLLATE NOCASE AND code < ? COLLATE NOCASE
       UNION SELECT id FROM customers WHERE name_pinyin >= ? COLLATE NOCASE AND name_pinyin < ? COLLATE NOCASE
       LIMIT ${MAX_CUSTOMERS}`,
    ).all(lo, hi, lo, hi) as { id: string }[];
  }
  return rows.map((r) => r.id);
}

function findProducts(db: Database.Database, term: string): string[] {
  const chars = [...term];
  let rows: { id: string }[] = [];
  if (chars.length >= 3) {
    rows = prepared(
      db,
      `SELECT p.id FROM products_fts f JOIN products p ON p.seq = f.rowid WHERE products_fts MATCH ? LIMIT ${MAX_PRODUCTS}`,
    ).all(ftsPhrase(term)) as { id: string }[];
  } else if (chars.every((ch) => CJK.test(ch))) {
    rows = prepared(
      db,
      `SELECT p.id FROM products_cjk f JOIN products p ON p.seq = f.rowid WHERE products_cjk MATCH ? LIMIT ${MAX_PRODUCTS}`,
    ).all(ftsPhrase(chars.join(' '))) as { id: string }[];
  }
  return rows.map((r) => r.id);
}

const NUMBER_LIKE = /^SO-/i;
const NUMBER_WITHOUT_PREFIX = /^[A-Z0-9]{1,6}-\d{8}(-\d*)?$/i;

export function planTerm(db: Database.Database, text: string): TermPlan {
  const plan: TermPlan = { text, customerIds: [], productIds: [], numberPrefix: null, phone: null, fts: null };
  if (NUMBER_LIKE.test(text)) {
    plan.numberPrefix = text.toUpperCase();
    return plan;
  }
  if (NUMBER_WITHOUT_PREFIX.test(text)) plan.numberPrefix = `SO-${text.toUpperCase()}`;
  if (PHONE_CHARS.test(text) && isPhone(text)) plan.phone = normalizePhone(text);
  if (!plan.phone && !plan.numberPrefix) {
    plan.customerIds = findCustomers(db, text);
    plan.productIds = findProducts(db, text);
  }
  const found = plan.customerIds.length || plan.productIds.length || plan.numberPrefix || plan.phone;
  if (!found && [...text].length >= 3) plan.fts = ftsPhrase(text);
  return plan;
}

function hasParts(p: TermPlan): boolean {
  return !!(p.customerIds.length || p.productIds.length || p.numberPrefix || p.phone || p.fts);
}

/** Rowids (seq) of the orders a term matches, as one SQL select. */
function candidateSql(p: TermPlan): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (p.customerIds.length) {
    parts.push(`SELECT seq FROM orders WHERE customer_id IN ${IN_LIST}`);
    params.push(json(p.customerIds));
  }
  if (p.productIds.length) {
    // The newest PRODUCT_CAP orders of these products (order ids are UUIDv7 of the creation time):
    // bounded work however popular the product is. One product (a SKU typed) reads them straight
    // from order_lines_product in that order; several need a sort of their lines.
    const one = p.productIds.length === 1;
    parts.push(
      `SELECT o.seq FROM (SELECT DISTINCT order_id FROM order_lines WHERE product_id ${one ? '= ?' : `IN ${IN_LIST}`}
         ORDER BY order_id DESC LIMIT ${PRODUCT_CAP}) l
       JOIN orders o ON o.id = l.order_id`,
    );
    params.push(one ? p.productIds[0] : json(p.productIds));
  }
  if (p.numberPrefix) {
    parts.push(`SELECT seq FROM orders WHERE number >= ? AND number < ?`);
    params.push(...prefixRange(p.numberPrefix));
  }
  if (p.phone) {
    parts.push(`SELECT seq FROM orders WHERE ship_phone = ?`, `SELECT seq FROM orders WHERE contact_phone = ?`);
    params.push(p.phone, p.phone);
  }
  if (p.fts) {
    parts.push(`SELECT seq FROM (SELECT rowid AS seq FROM orders_fts WHERE orders_fts MATCH ? ORDER BY rowid DESC LIMIT ${FTS_CAP})`);
    params.push(p.fts);
  }
  return { sql: parts.join(' UNION '), params };
}

/** The term as a test on one order row `o`. */
function predicateSql(p: TermPlan): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (p.customerIds.length) {
    parts.push(`o.customer_id IN ${IN_LIST}`);
    params.push(json(p.customerIds));
  }
  if (p.productIds.length) {
    parts.push(`EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id AND l.product_id IN ${IN_LIST})`);
    params.push(json(p.productIds));
  }
  if (p.numberPrefix) {
    parts.push(`(o.number >= ? AND o.number < ?)`);
    params.push(...prefixRange(p.numberPrefix));
  }
  if (p.phone) {
    parts.push(`o.ship_phone = ?`, `o.contact_phone = ?`);
    params.push(p.phone, p.phone);
  }
  if (p.fts) {
    parts.push(`o.seq IN (SELECT rowid FROM orders_fts WHERE orders_fts MATCH ? ORDER BY rowid DESC LIMIT ${FTS_CAP})`);
    params.push(p.fts);
  }
  return { sql: `(${parts.join(' OR ')})`, params };
}

function cappedCount(db: Database.Database, sql: string, params: unknown[], cap: number): number {
  return (prepared(db, `SELECT count(*) AS n FROM (${sql} LIMIT ${cap + 1})`).get(...params) as { n: number }).n;
}

/**
 * An upper bound of a term's matches from index-only counts, and whether its candidate set is
 * capped (the newest PRODUCT_CAP orders of the products / FTS_CAP trigram matches only).
 */
function estimateTerm(db: Database.Database, p: TermPlan): { estimate: number; capped: boolean } {
  let estimate = 0;
  let capped = false;
  if (p.customerIds.length) {
    estimate += cappedCount(db, `SELECT 1 FROM orders WHERE customer_id IN ${IN_LIST}`, [json(p.customerIds)], COUNT_CAP);
  }
  if (p.productIds.length) {
    const n = cappedCount(db, `SELECT 1 FROM order_lines WHERE product_id IN ${IN_LIST}`, [json(p.productIds)], PRODUCT_CAP);
    if (n > PRODUCT_CAP) capped = true;
    estimate += Math.min(n, PRODUCT_CAP);
  }
  if (p.numberPrefix) {
    estimate += cappedCount(db, `SELECT 1 FROM orders WHERE number >= ? AND number < ?`, prefixRange(p.numberPrefix), COUNT_CAP);
  }
  if (p.phone) {
    estimate += cappedCount(db, `SELECT 1 FROM orders WHERE ship_phone = ?`, [p.phone], COUNT_CAP);
    estimate += cappedCount(db, `SELECT 1 FROM orders WHERE contact_phone = ?`, [p.phone], COUNT_CAP);
  }
  // The trigram fallback is bounded by its own cap; whether it reached it shows in the total.
  if (p.fts) estimate += FTS_CAP;
  return { estimate, capped };
}

const PHONE_CHARS = /^[\d\s()+\-－（）]+$/;

function splitTerms(q: string | undefined): string[] {
  if (!q) return [];
  // A phone typed with spaces ("138 0013 8000") is one term.
  if (PHONE_CHARS.test(q) && isPhone(q)) return [q.trim()];
  const seen = new Set<string>();
  for (const t of q.trim().split(/\s+/)) if (t && !seen.has(t.toLowerCase())) seen.add(t);
  return [...seen].slice(0, MAX_TERMS);
}

// ------------------------------------------------------------------------------------------------

const ORDER_BY: Record<OrderListSort, { sql: string; index: string | null }> = {
  created_desc: { sql: 'o.created_at DESC, o.seq DESC', index: 'orders_created' },
  created_asc: { sql: 'o.created_at ASC, o.seq ASC', index: 'orders_created' },
  number_desc: { sql: 'o.number DESC', index: null },
  number_asc: { sql: 'o.number ASC', index: null },
  total_desc: { sql: 'o.total DESC, o.seq DESC', index: 'orders_total' },
  total_asc: { sql: 'o.total ASC, o.seq ASC', index: 'orders_total' },
};

const COLUMNS = `o.id, o.number, o.status, o.customer_id, o.channel, o.order_type, o.priority, o.payment_method,
  o.total, o.line_count, o.ship_recipient, o.ship_city, o.region_id, o.created_at, o.submitted_at,
  o.requested_date, o.promised_date, o.custom_flag, o.changed_flag, o.duplicate_confirmed`;

interface RawRow {
  id: string;
  number: string;
  status: OrderStatus;
  customer_id: string;
  channel: OrderListRow['channel'];
  order_type: OrderListRow['orderType'];
  priority: OrderListRow['priority'];
  payment_method: OrderListRow['paymentMethod'];
  total: number;
  line_count: number;
  ship_recipient: string;
  ship_city: string;
  region_id: string | null;
  created_at: string;
  submitted_at: string | null;
  requested_date: string | null;
  promised_date: string | null;
  custom_flag: number;
  changed_flag: number;
  duplicate_confirmed: number;
}

function nextDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** Statuses that stay few (work in progress): their index is the fastest way in. */
const FEW_STATUSES: ReadonlySet<OrderStatus> = new Set(['draft', 'submitted', 'on_hold']);

export function listOrders(db: Database.Database, input: ListInput, timeZone: string): ListResult {
  const where: string[] = [];
  const params: unknown[] = [];

  // Filters
  const statuses = input.status?.length ? [...new Set(input.status)] : null;
  let fewStatuses = false;
  if (statuses) {
    // A large status set is better tested row by row along the sort index than gathered and sorted:
    // the unary + keeps SQLite from choosing the status index for it.
    // Whether a status set is "few" depends on the data (history is mostly closed; approved orders may
    // be rare), so anything not known to be small is counted along the status index, bounded.
    fewStatuses =
      statuses.every((s) => FEW_STATUSES.has(s)) ||
      (
        prepared(db, `SELECT count(*) AS n FROM (SELECT 1 FROM orders WHERE status IN ${IN_LIST} LIMIT ?)`).get(
          json(statuses),
          COUNT_CAP + 1,
        ) as { n: number }
      ).n <= COUNT_CAP;
    where.push(`${fewStatuses ? '' : '+'}o.status IN ${IN_LIST}`);
    params.push(json(statuses));
  }
  if (input.from) {
    where.push('o.created_at >= ?');
    params.push(localDayStartUtc(input.from, timeZone));
  }
  if (input.to) {
    where.push('o.created_at < ?');
    params.push(localDayStartUtc(nextDay(input.to), timeZone));
  }
  if (input.regionId) {
    where.push('o.region_id = ?');
    params.push(input.regionId);
  }
  if (input.customerId) {
    where.push('o.customer_id = ?');
    params.push(input.customerId);
  }
  if (input.type) {
    where.push('o.order_type = ?');
    params.push(input.type);
  }
  if (input.channel) {
    where.push('o.channel = ?');
    params.push(input.channel);
  }
  if (input.createdBy !== undefined) {
    where.push('o.created_by = ?');
    params.push(input.createdBy);
  }

  // Search
  const plans = splitTerms(input.q).map((t) => planTerm(db, t));
  if (plans.some((p) => !hasParts(p))) return { rows: [], total: 0, totalIsEstimate: false, offset: input.offset };

  const order = ORDER_BY[input.sort];
  let from = 'orders o';
  let total: number;
  let totalIsEstimate = false;
  let driver: TermPlan | null = null;

  let driverCapped = false;
  let driverEstimate = Infinity;
  if (plans.length) {
    // The most selective term drives when its matches are few (counted on covering indexes, capped).
    let best: { plan: TermPlan; estimate: number; capped: boolean } | null = null;
    let bestWalk: { plan: TermPlan; estimate: number } | null = null;
    for (const plan of plans) {
      const e = estimateTerm(db, plan);
      if (!best || e.estimate < best.estimate) best = { plan, ...e };
      if (walkKeys(plan, input.sort) && (!bestWalk || e.estimate < bestWalk.estimate)) bestWalk = { plan, estimate: e.estimate };
      if (e.estimate === 0) break;
    }
    if (best && best.estimate <= COUNT_CAP) {
      driver = best.plan;
      driverCapped = best.capped;
      driverEstimate = best.estimate;
    } else if (bestWalk) {
      // A customer with more than COUNT_CAP orders: too many to gather, but its own index walks
      // them in list order (where walking the whole list for its 1–2 % of orders read 15,000 rows).
      driver = bestWalk.plan;
    }
  }

  const termWhere: string[] = [];
  const termParams: unknown[] = [];
  for (const plan of plans) {
    if (plan === driver) continue;
    const p = predicateSql(plan);
    termWhere.push(p.sql);
    termParams.push(...p.params);
  }

  let allWhere = [...where, ...termWhere];
  let allParams = [...params, ...termParams];
  const walks = driver ? walkKeys(driver, input.sort) : null;
  if (walks) {
    const page = walkList(db, walks, allWhere, allParams, input);
    // Customers alone, unfiltered: their orders were just counted exactly (up to COUNT_CAP).
    if (walks.kind === 'customer' && !allWhere.length && driverEstimate <= COUNT_CAP) {
      page.total = driverEstimate;
      page.totalIsEstimate = false;
    }
    return finish(db, page, input.offset);
  }
  if (driver) {
    const c = candidateSql(driver);
    allWhere = [`o.seq IN (${c.sql})`, ...allWhere];
    allParams = [...c.params, ...allParams];
  } else if (plans.length && order.index && !input.customerId) {
    // Broad matches: walk the sort order and test each order (dense matches fill a page quickly).
    from = `orders o INDEXED BY ${order.index}`;
  }
  const whereSql = allWhere.length ? `WHERE ${allWhere.join(' AND ')}` : '';

  let rows: RawRow[];
  if (!allWhere.length) {
    rows = prepared(db, `SELECT ${COLUMNS} FROM ${from} ORDER BY ${order.sql} LIMIT ? OFFSET ?`).all(
      input.limit,
      input.offset,
    ) as RawRow[];
    total = (prepared(db, 'SELECT count(*) AS n FROM orders').get() as { n: number }).n;
  } else {
    // One walk along the sort order collects the matching rowids. Few candidates (a selective
    // search term or a small status): all of them, so the total is exact. Many: the page and a look
    // ahead; the total is exact when the walk reaches the end, else an estimate that grows as the
    // list scrolls.
    const few = !!driver || fewStatuses;
    const want = few ? COUNT_CAP + 1 : input.limit + COUNT_AHEAD + 1;
    const seqs = (
      prepared(db, `SELECT o.seq FROM ${from} ${whereSql} ORDER BY ${order.sql} LIMIT ? OFFSET ?`).all(
        ...allParams,
        want,
        input.offset,
      ) as { seq: number }[]
    ).map((r) => r.seq);
    const page = seqs.slice(0, input.limit);
    const reachedEnd = seqs.length < want;
    total = input.offset + seqs.length;
    totalIsEstimate = !reachedEnd || driverCapped || (!!driver?.fts && total >= FTS_CAP);
    rows = rowsOf(db, page);
  }

  return finish(db, { rows, total, totalIsEstimate }, input.offset);
}

/** The list rows of these orders (by seq), in that order. */
function rowsOf(db: Database.Database, seqs: number[]): RawRow[] {
  if (!seqs.length) return [];
  const found = prepared(db, `SELECT o.seq, ${COLUMNS} FROM orders o WHERE o.seq IN ${IN_LIST}`).all(json(seqs)) as (RawRow & { seq: number })[];
  const bySeq = new Map(found.map((r) => [r.seq, r]));
  return seqs.map((seq) => bySeq.get(seq)).filter((r): r is RawRow & { seq: number } => !!r);
}

/** At most this many customers or products are walked one by one (more: gathered and sorted). */
const MAX_WALKS = 8;

interface Walks {
  kind: 'customer' | 'product';
  keys: string[];
  desc: boolean;
}

/**
 * A search term that is only a few customers or only a few products, in list order by date: each
 * is walked along its own index in that order and the walks are merged, so the first page costs the
 * page and its look-ahead per key, however many orders the customer or product has. (Gathering all
 * of them and sorting read up to 10,000 rows: 160 ms for a SKU on a cold desk of a million orders.)
 * A product's orders come from order_lines_product in order id order — ids are UUIDv7 of the
 * creation time, so that is creation order.
 */
function walkKeys(p: TermPlan, sort: OrderListSort): Walks | null {
  if (sort !== 'created_desc' && sort !== 'created_asc') return null;
  if (p.numberPrefix || p.phone || p.fts) return null;
  const desc = sort === 'created_desc';
  if (p.customerIds.length && !p.productIds.length && p.customerIds.length <= MAX_WALKS) return { kind: 'customer', keys: p.customerIds, desc };
  if (p.productIds.length && !p.customerIds.length && p.productIds.length <= MAX_WALKS) return { kind: 'product', keys: p.productIds, desc };
  return null;
}

function walkList(db: Database.Database, w: Walks, filters: string[], filterParams: unknown[], input: ListInput) {
  const dir = w.desc ? 'DESC' : 'ASC';
  const want = input.limit + COUNT_AHEAD + 1;
  const perKey = input.offset + want;
  const and = filters.map((f) => ` AND ${f}`).join('');
  const one =
    w.kind === 'customer'
      ? `SELECT * FROM (SELECT o.seq, o.created_at FROM orders o WHERE o.customer_id = ?${and} ORDER BY o.created_at ${dir}, o.seq ${dir} LIMIT ?)`
      : // CROSS JOIN keeps the lines outside, so the walk follows the index; GROUP BY drops an order's second line of the product.
        `SELECT * FROM (SELECT o.seq, o.created_at FROM order_lines l CROSS JOIN orders o ON o.id = l.order_id
           WHERE l.product_id = ?${and} GROUP BY l.order_id ORDER BY l.order_id ${dir} LIMIT ?)`;
  const sql = `SELECT seq FROM (${w.keys.map(() => one).join(' UNION ')}) ORDER BY created_at ${dir}, seq ${dir} LIMIT ? OFFSET ?`;
  const params = w.keys.flatMap((k) => [k, ...filterParams, perKey]);
  const seqs = (prepared(db, sql).all(...params, want, input.offset) as { seq: number }[]).map((r) => r.seq);
  // Fewer than asked for: no walk stopped at its limit, so every match is counted.
  const reachedEnd = seqs.length < want;
  return { rows: rowsOf(db, seqs.slice(0, input.limit)), total: input.offset + seqs.length, totalIsEstimate: !reachedEnd };
}

/** The page's rows with their customers' code and name (read for the page only). */
function finish(db: Database.Database, page: { rows: RawRow[]; total: number; totalIsEstimate: boolean }, offset: number): ListResult {
  const { rows, total, totalIsEstimate } = page;
  // Customer code and name for the page only.
  const customerIds = [...new Set(rows.map((r) => r.customer_id))];
  const customers = new Map<string, { code: string; name: string }>();
  if (customerIds.length) {
    const found = prepared(db, `SELECT id, code, name FROM customers WHERE id IN ${IN_LIST}`).all(
      json(customerIds),
    ) as { id: string; code: string; name: string }[];
    for (const c of found) customers.set(c.id, c);
  }

  return {
    rows: rows.map((r) => ({
      id: r.id,
      number: r.number,
      status: r.status,
      customerId: r.customer_id,
      customerCode: customers.get(r.customer_id)?.code ?? '',
      customerName: customers.get(r.customer_id)?.name ?? '',
      channel: r.channel,
      orderType: r.order_type,
      priority: r.priority,
      paymentMethod: r.payment_method,
      total: r.total,
      lineCount: r.line_count,
      shipRecipient: r.ship_recipient,
      shipCity: r.ship_city,
      regionId: r.region_id,
      createdAt: r.created_at,
      submittedAt: r.submitted_at,
      requestedDate: r.requested_date,
      promisedDate: r.promised_date,
      customFlag: r.custom_flag === 1,
      changedFlag: r.changed_flag === 1,
      duplicateConfirmed: r.duplicate_confirmed === 1,
    })),
    total,
    totalIsEstimate,
    offset,
  };
}
