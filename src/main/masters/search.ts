import type Database from 'better-sqlite3';
import type { CustomerHit, ProductHit } from '../../shared/contract/masters';
import { isAllCjk } from '../../shared/search/pinyin';
import { withFields } from '../../shared/objects';
import { all, type Params } from './sql';

/**
 * Search over customers and products (design: docs/ARCHITECTURE.md, "Search"). Every step is an
 * indexed, LIMITed lookup:
 *   1. exact code / SKU / barcode        (unique NOCASE index, barcode index)
 *   2. code prefix                        (range on the NOCASE code index)
 *   3. pinyin-initials prefix             (range on the NOCASE name_pinyin index)
 *   4. text: 3+ characters → FTS5 trigram phrase over code, name, pinyin, spec, barcode, USCC;
 *      1–2 CJK characters → phrase over the one-token-per-character index ("北 京").
 *      Skipped when step 1 found the row (a scan or a whole code).
 *      Several words ("螺丝 M8"): the 3+ character words form one trigram MATCH (or the CJK words one
 *      CJK MATCH), which drives; the remaining words are checked on the rows it yields.
 * User text reaches FTS only inside a double-quoted phrase with quotes doubled.
 */

export interface SearchEntity {
  table: 'customers' | 'products';
  alias: 'c' | 'p';
  code: 'code' | 'sku';
  /** The searchable text of a row, for short terms on rows another term has already narrowed. */
  text: string;
}
export const CUSTOMERS: SearchEntity = {
  table: 'customers',
  alias: 'c',
  code: 'code',
  text: "lower(c.code || ' ' || c.name || ' ' || c.name_pinyin || ' ' || coalesce(c.uscc, ''))",
};
export const PRODUCTS: SearchEntity = {
  table: 'products',
  alias: 'p',
  code: 'sku',
  text: "lower(p.sku || ' ' || p.name || ' ' || p.name_pinyin || ' ' || coalesce(p.spec, '') || ' ' || coalesce(p.barcode, ''))",
};

/** Upper bound of a prefix range: sorts after every character codes and pinyin hold. */
const RANGE_END = '\uffff';
const CODE_RE = /^[A-Za-z0-9._-]+$/;
const PINYIN_RE = /^[A-Za-z0-9]+$/;
const MAX_TERMS = 6;

export const ftsPhrase = (term: string): string => `"${term.replace(/"/g, '""')}"`;
/** 北京 → "北 京": the CJK index holds one token per character. */
export const cjkPhrase = (term: string): string => ftsPhrase([...term].join(' '));

export function queryTerms(q: string): string[] {
  return q.trim().split(/\s+/).filter(Boolean).slice(0, MAX_TERMS);
}

const length = (s: string) => [...s].length;

/**
 * How the terms of a query use the indexes: every 3+ character term goes into one trigram MATCH
 * (FTS intersects them itself), every 1–2 character CJK term into one MATCH on the CJK index, and
 * the rest are short Latin terms.
 */
interface TermPlan {
  fts: string | null;
  cjk: string | null;
  cjkTerms: string[];
  latin: string[];
}

function planTerms(terms: string[]): TermPlan {
  const long = terms.filter((t) => length(t) >= 3);
  const cjkTerms = terms.filter((t) => length(t) < 3 && isAllCjk(t));
  const latin = terms.filter((t) => length(t) < 3 && !isAllCjk(t));
  return {
    fts: long.length ? long.map(ftsPhrase).join(' AND ') : null,
    cjk: cjkTerms.length ? cjkTerms.map(cjkPhrase).join(' AND ') : null,
    cjkTerms,
    latin,
  };
}

/** A short term on its own: a prefix of the code or of the pinyin initials (both indexed ranges). */
function prefixCondition(e: SearchEntity, term: string, n: number, params: Params): string {
  const a = e.alias;
  if (!CODE_RE.test(term)) {
    // One or two characters mixing scripts ("A北"): rare, and bounded by the caller's LIMIT.
    params[`t${n}`] = term.toLowerCase();
    return `instr(${e.text}, @t${n}) > 0`;
  }
  params[`lo${n}`] = term.toLowerCase();
  params[`hi${n}`] = term.toLowerCase() + RANGE_END;
  const code = `(${a}.${e.code} >= @lo${n} AND ${a}.${e.code} < @hi${n})`;
  return PINYIN_RE.test(term) ? `(${code} OR (${a}.name_pinyin >= @lo${n} AND ${a}.name_pinyin < @hi${n}))` : code;
}

/** A term checked on rows an index has already narrowed down: anywhere in the row's text. */
function containsCondition(e: SearchEntity, term: string, n: number, params: Params): string {
  params[`t${n}`] = term.toLowerCase();
  return `instr(${e.text}, @t${n}) > 0`;
}

/** WHERE fragment for a list's q (every term must match); null when q is blank. */
export function textFilter(e: SearchEntity, q: string, params: Params): string | null {
  const terms = queryTerms(q);
  if (!terms.length) return null;
  const plan = planTerms(terms);
  const a = e.alias;
  const where: string[] = [];
  if (plan.fts) {
    params.fts = plan.fts;
    where.push(`${a}.seq IN (SELECT rowid FROM ${e.table}_fts WHERE ${e.table}_fts MATCH @fts)`);
  }
  if (plan.cjk) {
    params.cjk = plan.cjk;
    where.push(`${a}.seq IN (SELECT rowid FROM ${e.table}_cjk WHERE ${e.table}_cjk MATCH @cjk)`);
  }
  const narrowed = where.length > 0;
  plan.latin.forEach((t, i) => where.push(narrowed ? containsCondition(e, t, i, params) : prefixCondition(e, t, i, params)));
  return where.join(' AND ');
}

/** Run the ranked steps and return at most `limit` distinct rows, best first. */
export function rankedSearch<R extends { id: string }>(
  db: Database.Database,
  e: SearchEntity,
  select: string,
  q: string,
  limit: number,
  includeInactive: boolean,
  extra: Params = {},
): R[] {
  const terms = queryTerms(q);
  if (!terms.length) return [];
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`search limit must be a positive integer, got ${limit}`);
  // A literal LIMIT: bound as a parameter it made SQLite prepare each step again on every run
  // (see db/precompiled.ts). One statement per limit a screen uses.
  const lim = String(limit);
  const { table, alias: a, code } = e;
  const active = includeInactive ? '' : ` AND ${a}.active = 1`;
  const out: R[] = [];
  const seen = new Set<string>();
  const step = (sql: string, params: Params) => {
    if (out.length >= limit) return;
    for (const r of all<R>(db, sql, Object.assign({}, extra, params))) {
      if (seen.has(r.id)) continue;
      seen.add(r.id);
      out.push(r);
      if (out.length >= limit) return;
    }
  };
  const from = `FROM ${table} ${a}`;
  const single = terms.length === 1 ? terms[0] : null;

  let exact = false;
  if (single && CODE_RE.test(single)) {
    const barcode = table === 'products' ? ` OR ${a}.barcode = @q` : '';
    step(`SELECT ${select} ${from} WHERE (${a}.${code} = @q${barcode})${active} LIMIT ${lim}`, { q: single });
    exact = out.length > 0;
    step(
      `SELECT ${select} ${from} WHERE ${a}.${code} >= @lo AND ${a}.${code} < @hi${active} ORDER BY ${a}.${code} LIMIT ${lim}`,
      { lo: single.toLowerCase(), hi: single.toLowerCase() + RANGE_END },
    );
  }
  if (single && PINYIN_RE.test(single)) {
    step(
      `SELECT ${select} ${from} WHERE ${a}.name_pinyin >= @lo AND ${a}.name_pinyin < @hi${active} ORDER BY ${a}.name_pinyin LIMIT ${lim}`,
      { lo: single.toLowerCase(), hi: single.toLowerCase() + RANGE_END },
    );
  }

  // A scanned barcode or a whole code found its row: codes that start with it follow, but substring
  // matches of a long digit run would only cost time (its trigrams are in every barcode).
  if (exact) return out;

  // Text step, driven by one FTS index so rows stream out and LIMIT stops early; the other terms
  // are checked on those rows only.
  const plan = planTerms(terms);
  const params: Params = {};
  if (plan.fts || plan.cjk) {
    const index = plan.fts ? `${table}_fts` : `${table}_cjk`;
    params.drv = (plan.fts ?? plan.cjk) as string;
    const others = [...(plan.fts ? plan.cjkTerms : []), ...plan.latin].map((t, i) => containsCondition(e, t, i, params));
    const rest = others.map((c) => ` AND ${c}`).join('');
    step(`SELECT ${select} FROM ${index} f JOIN ${table} ${a} ON ${a}.seq = f.rowid WHERE ${index} MATCH @drv${rest}${active} LIMIT ${lim}`, params);
  } else if (!single || !CODE_RE.test(single)) {
    const conds = plan.latin.map((t, i) => prefixCondition(e, t, i, params));
    step(`SELECT ${select} ${from} WHERE ${conds.join(' AND ')}${active} LIMIT ${lim}`, params);
  }
  return out;
}

const CUSTOMER_SELECT = `c.id, c.code, c.name, c.name_pinyin AS pinyin, c.kind, c.uscc, c.credit_limit AS creditLimit,
  c.payment_terms_days AS paymentTermsDays, c.price_group_id AS priceGroupId, c.region_id AS regionId,
  c.sales_rep_id AS salesRepId, c.active`;

export function searchCustomers(db: Database.Database, q: string, limit: number, includeInactive: boolean): CustomerHit[] {
  const rows = rankedSearch<Omit<CustomerHit, 'active'> & { active: number }>(db, CUSTOMERS, CUSTOMER_SELECT, q, limit, includeInactive);
  return rows.map((r) => withFields(r, { active: Boolean(r.active) }));
}

const PRODUCT_SELECT = `p.id, p.sku, p.name, p.spec, p.unit, p.list_price AS listPrice,
  coalesce((SELECT pp.price FROM product_prices pp WHERE pp.product_id = p.id AND pp.price_group_id = @pg), p.list_price) AS price,
  p.tax_rate_bp AS taxRateBp, p.barcode, p.name_pinyin AS pinyin, p.make_to_order AS makeToOrder,
  (SELECT coalesce(sum(s.on_hand - s.allocated), 0) FROM stock s
    WHERE s.product_id = p.id AND (@wh IS NULL OR s.warehouse_id = @wh)) AS available,
  p.active`;

export function searchProducts(
  db: Database.Database,
  q: string,
  limit: number,
  includeInactive: boolean,
  priceGroupId: string | null,
  warehouseId: string | null,
): ProductHit[] {
  const rows = rankedSearch<Omit<ProductHit, 'active' | 'makeToOrder'> & { active: number; makeToOrder: number }>(
    db,
    PRODUCTS,
    PRODUCT_SELECT,
    q,
    limit,
    includeInactive,
    { pg: priceGroupId, wh: warehouseId },
  );
  return rows.map((r) => withFields(r, { active: Boolean(r.active), makeToOrder: Boolean(r.makeToOrder) }));
}
