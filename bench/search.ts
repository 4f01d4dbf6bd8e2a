/**
 * search.p99_ms / search.short_p99_ms: type-ahead through the dispatcher (search.products and
 * search.customers) over 100,000 products and 50,000 customers, against a raw prepared FTS query
 * (3+ characters: the trigram index; 1–2: the per-character CJK index or a prefix range).
 */
import path from 'node:path';
import { pinyinInitials } from '../src/shared/search/pinyin';
import { CATEGORIES } from '../src/main/demo/catalog';
import { ean13Check, makeUscc } from '../src/main/demo/codes';
import { TableWriter, withBatchedTriggers, withFtsBuffer } from '../src/main/demo/bulk';
import { INDUSTRIES, TRADE_NAMES } from '../src/main/demo/names';
import { CITIES } from '../src/main/demo/places';
import { Rng } from '../src/main/demo/random';
import { Desk } from '../src/main/desk/desk';
import { implementations } from '../src/main/handlers';
import { type Metric, latency, log, missingHandlers, percentile, unavailable } from './lib';

const PASSWORD = 'bench2026pw';
const BRANDS = [
  '得力', '晨光', '齐心', '惠普', '联想', '戴尔', '罗技', '三星', '飞利浦', '美的', '格力', '海尔', '公牛', '绿联', '南孚', '维达', '清风',
  '蓝月亮', '立白', '农夫山泉', '怡宝', '伊利', '蒙牛', '雀巢', '兄弟', '佳能', '爱普生', '理光', '华为', '小米', '中控', '科密', '天威',
  '格之格', '金士顿', '闪迪', '西部数据', '希捷', '乐歌', '安吉尔',
];

interface Fixture {
  products: { sku: string; name: string; pinyin: string; barcode: string }[];
  customers: { code: string; name: string; pinyin: string; uscc: string }[];
}

/** 100k products and 50k customers with demo-like names, written in batches (triggers replayed per batch). */
function fill(desk: Desk, products: number, customers: number): Fixture {
  const raw = desk.store.raw;
  const rng = new Rng('bench-search');
  const now = new Date().toISOString();
  const pinyinCache = new Map<string, string>();
  const py = (name: string) => {
    let p = pinyinCache.get(name);
    if (p === undefined) pinyinCache.set(name, (p = pinyinInitials(name)));
    return p;
  };
  const fixture: Fixture = { products: [], customers: [] };
  const warehouses = ['WH-A', 'WH-B'].map((code) => {
    const id = rng.uuid7(Date.now());
    raw.prepare('INSERT INTO warehouses (id, code, name, region_id, address, active, updated_at) VALUES (?, ?, ?, NULL, NULL, 1, ?)').run(id, code, code, now);
    return id;
  });
  const items = CATEGORIES.flatMap((c) => c.items.map((item) => ({ prefix: c.prefix, category: c.name, item })));

  const BATCH = 25_000;
  for (let start = 0; start < products; start += BATCH) {
    withBatchedTriggers(raw, 'products', () => {
      const w = new TableWriter(raw, 'products');
      const stock = new TableWriter(raw, 'stock');
      let lo = 0;
      let hi = 0;
      for (let i = start; i < Math.min(products, start + BATCH); i++) {
        const { prefix, category, item } = items[i % items.length];
        const brand = item.brands ? rng.pick(item.brands) : rng.pick(BRANDS);
        const name = `${brand}${item.name}`;
        const first12 = `69${String(i).padStart(10, '0')}`;
        const id = rng.uuid7(Date.now());
        const row = {
          id,
          sku: `${prefix}${String(i).padStart(6, '0')}`,
          name,
          name_pinyin: py(name),
          spec: `${rng.pick(item.specs)} ${String.fromCharCode(65 + (i % 26))}${i % 1000}`,
          unit: item.unit,
          category,
          list_price: Math.round(item.price * 100),
          tax_rate_bp: 1300,
          barcode: first12 + ean13Check(first12),
          make_to_order: 0,
          bom_note: null,
          active: 1,
          created_at: now,
          updated_at: now,
        };
        const seq = w.insert(row);
        if (i === start) lo = seq;
        hi = seq;
        const wh = warehouses[i % warehouses.length];
        stock.insert({ product_id: id, warehouse_id: wh, on_hand: rng.int(0, 500), allocated: 0, in_transit: 0, in_transit_eta: null, safety_stock: 10, bin_code: null, updated_at: now });
        if (i % 50 === 0) fixture.products.push({ sku: row.sku, name, pinyin: row.name_pinyin, barcode: row.barcode });
      }
      return { lo, hi };
    });
  }
  for (let start = 0; start < customers; start += BATCH) {
    withBatchedTriggers(raw, 'customers', () => {
      const w = new TableWriter(raw, 'customers');
      let lo = 0;
      let hi = 0;
      for (let i = start; i < Math.min(customers, start + BATCH); i++) {
        const city = rng.pick(CITIES);
        const name = `${city.short}${rng.pick(TRADE_NAMES)}${rng.pick(INDUSTRIES).word}${rng.chance(0.2) ? '股份有限公司' : '有限公司'}`;
        const uscc = makeUscc(rng, rng.pick(city.districts).division);
        const row = {
          id: rng.uuid7(Date.now()),
          code: `K${String(i).padStart(5, '0')}`,
          name,
          name_pinyin: py(name),
          kind: 'company' as const,
          uscc,
          uscc_override_reason: null,
          region_id: null,
          credit_limit: 10_000_000,
          payment_terms_days: 30,
          price_group_id: null,
          sales_rep_id: null,
          email: null,
          notes: null,
          active: 1,
          created_at: now,
          updated_at: now,
        };
        const seq = w.insert(row);
        if (i === start) lo = seq;
        hi = seq;
        if (i % 25 === 0) fixture.customers.push({ code: row.code, name, pinyin: row.name_pinyin, uscc });
      }
      return { lo, hi };
    });
  }
  return fixture;
}

interface Query {
  handler: 'search.products' | 'search.customers';
  q: string;
}

const slice = (s: string, from: number, len: number) => [...s].slice(from, from + len).join('');

/** Queries as clerks type them, drawn from the data so most of them hit. */
function queries(rng: Rng, f: Fixture, n: number, short: boolean): Query[] {
  const out: Query[] = [];
  for (let i = 0; i < n; i++) {
    const p = rng.pick(f.products);
    const c = rng.pick(f.customers);
    const kind = i % 8;
    if (!short) {
      const q = [
        p.sku.slice(0, 4), // category + first digits
        p.sku, // a whole SKU
        p.pinyin.slice(0, Math.min(4, Math.max(3, p.pinyin.length))), // pinyin initials
        slice(p.name, Math.max(0, [...p.name].length - 3), 3), // the item word, e.g. 中性笔
        p.barcode, // a scan
        c.code.slice(0, 4),
        c.pinyin.slice(0, 4),
        slice(c.name, 0, 4), // 北京市场
      ][kind];
      out.push({ handler: kind < 5 ? 'search.products' : 'search.customers', q });
    } else {
      const q = [
        slice(p.name, [...p.name].length - 1, 1), // 椅
        slice(p.name, 0, 2), // 得力
        p.pinyin.slice(0, 1),
        p.sku.slice(0, 2),
        slice(c.name, 0, 1), // 北
        slice(c.name, 0, 2), // 北京
        c.pinyin.slice(0, 2),
        c.code.slice(0, 2),
      ][kind];
      out.push({ handler: kind < 4 ? 'search.products' : 'search.customers', q });
    }
  }
  return out;
}

export async function searchLatency(workDir: string, quick: boolean): Promise<Metric[]> {
  const missing = missingHandlers('search.products', 'search.customers');
  if (missing.length) {
    return [
      unavailable('search.p99_ms', 'ms', '≤ 2', `n/a (handler missing); ${missing.join(', ')}`),
      unavailable('search.short_p99_ms', 'ms', '≤ 15', `n/a (handler missing); ${missing.join(', ')}`),
    ];
  }
  const desk = await Desk.open({ dataDir: path.join(workDir, 'search-desk') }, implementations);
  try {
    const admin = (await desk.call<{ sessionId: string }>('auth.setup', { password: PASSWORD, deskCode: 'BS' })).sessionId;
    const t0 = performance.now();
    const fixture = await withFtsBuffer(desk.store.raw, ['products_fts', 'products_cjk', 'customers_fts', 'customers_cjk'], () => fill(desk, 100_000, 50_000));
    log(`search: 100,000 products + 50,000 customers loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const raw = desk.store.raw;
    const phrase = (t: string) => `"${t.replace(/"/g, '""')}"`;
    const rawFts = {
      products: raw.prepare('SELECT p.id, p.sku, p.name FROM products_fts f JOIN products p ON p.seq = f.rowid WHERE products_fts MATCH ? LIMIT 20'),
      customers: raw.prepare('SELECT c.id, c.code, c.name FROM customers_fts f JOIN customers c ON c.seq = f.rowid WHERE customers_fts MATCH ? LIMIT 20'),
    };
    const rawCjk = {
      products: raw.prepare('SELECT p.id, p.sku, p.name FROM products_cjk f JOIN products p ON p.seq = f.rowid WHERE products_cjk MATCH ? LIMIT 20'),
      customers: raw.prepare('SELECT c.id, c.code, c.name FROM customers_cjk f JOIN customers c ON c.seq = f.rowid WHERE customers_cjk MATCH ? LIMIT 20'),
    };
    const rawPrefix = {
      products: raw.prepare('SELECT p.id, p.sku, p.name FROM products p WHERE p.name_pinyin >= ? AND p.name_pinyin < ? LIMIT 20'),
      customers: raw.prepare('SELECT c.id, c.code, c.name FROM customers c WHERE c.name_pinyin >= ? AND c.name_pinyin < ? LIMIT 20'),
    };
    const baseline = (q: Query, short: boolean) => {
      const table = q.handler === 'search.products' ? 'products' : 'customers';
      if (!short) return rawFts[table].all(phrase(q.q));
      if (/[\u3400-\u9fff]/u.test(q.q)) return rawCjk[table].all(phrase([...q.q].join(' ')));
      return rawPrefix[table].all(q.q.toLowerCase(), `${q.q.toLowerCase()}\uffff`);
    };

    const rng = new Rng('bench-queries');
    const out: Metric[] = [];
    for (const short of [false, true]) {
      const list = queries(rng, fixture, quick ? 1000 : 4000, short);
      // Warm both paths (statement caches, pages) before timing.
      for (const q of list.slice(0, 100)) {
        await desk.call(q.handler, { q: q.q, limit: 20 }, admin);
        baseline(q, short);
      }
      const viaDesk: number[] = [];
      const viaRaw: number[] = [];
      let empty = 0;
      for (const q of list) {
        let t = performance.now();
        const res = await desk.call<{ rows: unknown[] }>(q.handler, { q: q.q, limit: 20 }, admin);
        viaDesk.push(performance.now() - t);
        if (!res.rows.length) empty++;
        t = performance.now();
        baseline(q, short);
        viaRaw.push(performance.now() - t);
      }
      const name = short ? 'search.short_p99_ms' : 'search.p99_ms';
      const note = `${list.length} queries (${short ? '1–2' : '3+'} chars, products and customers), p50 ${percentile(viaDesk, 50).toFixed(3)} ms, ${empty} without hits`;
      out.push(latency(name, percentile(viaDesk, 99), percentile(viaRaw, 99), short ? 15 : 2, note));
    }
    return out;
  } finally {
    await desk.close();
  }
}
