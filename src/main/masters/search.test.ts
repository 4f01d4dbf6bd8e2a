import type Database from 'better-sqlite3';
import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import type { CustomerHit, ProductHit } from '../../shared/contract/masters';
import { openTestDesk, type TestDesk } from '../testing/desk';
import { seedMasters, type MastersFixture } from '../testing/masters-fixtures';
import { cjkPhrase, ftsPhrase, queryTerms, searchCustomers } from './search';

let t: TestDesk;
let f: MastersFixture;

const products = async (q: string, extra: Record<string, unknown> = {}) =>
  (await t.call<{ rows: ProductHit[] }>('search.products', { q, ...extra }, t.admin)).rows;
const customers = async (q: string, extra: Record<string, unknown> = {}) =>
  (await t.call<{ rows: CustomerHit[] }>('search.customers', { q, ...extra }, t.admin)).rows;

describe('type-ahead search', () => {
  beforeAll(async () => {
    t = await openTestDesk();
    f = await seedMasters(t);
    const more = [
      ['A100-10', '不锈钢螺丝', 'M10×40', '盒', 2680],
      ['A1', '北京市场', '样品', '件', 100],
      ['Z-9', '测试"引号"商品', null, '个', 100],
      ['Q-1', 'A100-1 配套垫片', null, '包', 300],
    ] as const;
    for (const [sku, name, spec, unit, listPrice] of more) await t.call('products.save', { sku, name, spec, unit, listPrice }, t.admin);
  });
  afterAll(async () => t?.close());

  it('finds a customer by pinyin initials: 北京市场 → bjsc', async () => {
    expect((await customers('bjsc')).map((c) => c.code)).toEqual(['C001']);
    expect((await customers('BJSC')).map((c) => c.code)).toEqual(['C001']);
    expect((await products('bjsc')).map((p) => p.sku)).toEqual(['A1']);
  });

  it('finds by two Chinese characters and by one', async () => {
    expect((await customers('北京')).map((c) => c.code)).toEqual(['C001']);
    expect((await customers('西湖')).map((c) => c.code)).toEqual(['C002']);
    expect((await customers('王')).map((c) => c.code)).toEqual(['C003']);
    expect((await products('胶带')).map((p) => p.sku)).toEqual(['B200-1']);
    // Spec is searched too (the CJK index holds name and spec).
    expect((await products('定制')).map((p) => p.sku)).toEqual(['M900-1']);
  });

  it('finds by a one-character code prefix, in code order', async () => {
    expect((await customers('c')).map((c) => c.code)).toEqual(['C001', 'C002', 'C003']);
    const a = (await products('a')).map((p) => p.sku);
    expect(a.slice(0, 4)).toEqual(['A1', 'A100-1', 'A100-10', 'A100-2']);
  });

  it('finds by barcode, exact', async () => {
    expect((await products('6901234567003')).map((p) => p.sku)).toEqual(['B200-1']);
  });

  it('puts the exact code first, then code prefixes, then text matches', async () => {
    const hits = (await products('A100-1')).map((p) => p.sku);
    expect(hits).toEqual(['A100-1', 'A100-10']);
    const lower = (await products('a100-1')).map((p) => p.sku);
    expect(lower[0]).toBe('A100-1');
    // No exact code: prefixes first, then the name that mentions it.
    expect((await products('A100-')).map((p) => p.sku)).toEqual(['A100-1', 'A100-10', 'A100-2', 'Q-1']);
  });

  it('finds 3+ character text anywhere in name, spec or code (trigram)', async () => {
    expect((await products('不锈钢')).map((p) => p.sku)).toEqual(['A100-1', 'A100-2', 'A100-10']);
    expect((await products('M8×30')).map((p) => p.sku)).toEqual(['A100-2']);
    expect((await customers('西湖电子')).map((c) => c.code)).toEqual(['C002']);
    expect((await customers('0260E')).map((c) => c.code)).toEqual(['C001']); // USCC tail
    expect((await products('螺丝 M8')).map((p) => p.sku)).toEqual(['A100-2']);
  });

  it('treats quotes and FTS syntax in user text as plain text', async () => {
    expect((await products('"引号"')).map((p) => p.sku)).toEqual(['Z-9']);
    for (const q of ['"', 'a OR b', 'NEAR(x y)', '*', 'col:abc', '(((', "'; DROP TABLE products; --"]) {
      await expect(products(q)).resolves.toBeInstanceOf(Array);
    }
    expect(ftsPhrase('a"b')).toBe('"a""b"');
    expect(cjkPhrase('北京')).toBe('"北 京"');
    expect(queryTerms('  螺丝   M8 ')).toEqual(['螺丝', 'M8']);
  });

  it('returns stock available and the price-group price, and respects the limit', async () => {
    const [screw] = await products('A100-1', { priceGroupId: f.priceGroups.VIP });
    expect(screw).toMatchObject({ listPrice: 1250, price: 1100, available: 150, unit: '盒', pinyin: 'bxgls' });
    const [inB] = await products('A100-1', { warehouseId: f.warehouses['WH-B'] });
    expect(inB.available).toBe(50);
    const [jack] = await products('C300-1', { priceGroupId: f.priceGroups.VIP });
    expect(jack.price).toBe(45_800);
    expect(await products('a', { limit: 2 })).toHaveLength(2);
    expect(await products('   ')).toEqual([]);
    // The limit goes into the SQL text: anything but a positive whole number is refused before that.
    expect(() => searchCustomers(t.desk.store.raw, 'bj', 2.5, false)).toThrow(RangeError);
    expect(() => searchCustomers(t.desk.store.raw, 'bj', 0, false)).toThrow(RangeError);
  });

  it('uses indexes for every step (no full scan of customers or products)', async () => {
    const seen: string[] = [];
    const fresh = await openTestDesk();
    try {
      await seedMasters(fresh);
      const db = fresh.desk.store.raw as Database.Database & { prepare: (sql: string) => Database.Statement };
      const original = db.prepare.bind(db);
      db.prepare = ((sql: string) => {
        seen.push(sql);
        return original(sql);
      }) as typeof db.prepare;
      for (const q of ['A100-1', 'a', 'bjsc', '北京', '北', '不锈钢', '螺丝 M6', 'x y']) {
        await fresh.call('search.products', { q }, fresh.admin);
        await fresh.call('search.customers', { q }, fresh.admin);
      }
      db.prepare = original;
      expect(seen.length).toBeGreaterThan(10);
      // LIMIT is written into the SQL: bound as a parameter, it cost each step a new preparation per run.
      expect(seen.filter((sql) => /LIMIT\s+[@?:$]/i.test(sql))).toEqual([]);
      expect(seen.some((sql) => sql.includes('LIMIT 20'))).toBe(true);
      for (const sql of seen) {
        const params: Record<string, string> = {};
        for (const m of sql.matchAll(/@(\w+)/g)) params[m[1]] = 'x';
        const plan = (original(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail);
        expect(plan.filter((d) => /^SCAN (c|p)$/.test(d)), sql).toEqual([]);
      }
    } finally {
      await fresh.close();
    }
  });
});

describe('search keeps up with edits', () => {
  afterEach(async () => t?.close());
  it('finds a renamed product by its new name and pinyin, and not by the old', async () => {
    t = await openTestDesk();
    const { id } = await t.call<{ id: string }>('products.save', { sku: 'R-1', name: '红木茶几', unit: '张', listPrice: 100 }, t.admin);
    expect((await products('hmcj')).map((p) => p.id)).toEqual([id]);
    await t.call('products.save', { id, sku: 'R-1', name: '橡木餐桌', unit: '张', listPrice: 100 }, t.admin);
    expect(await products('hmcj')).toEqual([]);
    expect(await products('红木')).toEqual([]);
    expect((await products('xmcz')).map((p) => p.id)).toEqual([id]);
    expect((await products('餐桌')).map((p) => p.id)).toEqual([id]);
    await t.call('products.setActive', { id, active: false }, t.admin);
    expect(await products('餐桌')).toEqual([]);
  });
});
