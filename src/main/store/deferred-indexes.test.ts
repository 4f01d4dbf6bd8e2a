import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deferIndexes, restoreIndexes } from './deferred-indexes';
import { tempDirs } from '../testing/temp-dirs';
import { openStore, type Store } from './open';

const tempDir = tempDirs('order-desk-store-');

function open(dir?: string): Store {
  return openStore(dir ?? tempDir());
}

const indexesOf = (s: Store, table: string) =>
  (s.raw.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name = ? ORDER BY name`).all(table) as { name: string; sql: string }[]);

describe('indexes deferred by a bulk load', () => {
  it('drops the secondary indexes of the named tables only, and lists them', async () => {
    const s = open();
    const orders = indexesOf(s, 'orders');
    const customers = indexesOf(s, 'customers');
    expect(orders.map((i) => i.name)).toContain('orders_customer_created');
    const dropped = deferIndexes(s.raw, ['orders', 'order_lines']);
    expect(dropped.map((d) => d.name)).toEqual(expect.arrayContaining([...orders.map((i) => i.name), 'order_lines_product']));
    expect(indexesOf(s, 'orders')).toEqual([]);
    expect(indexesOf(s, 'customers')).toEqual(customers);
    // The unique constraints stay: they are part of the table, not deferred.
    expect(() => s.raw.exec(`INSERT INTO counters (name, value) VALUES ('a', 1), ('a', 2)`)).toThrow(/UNIQUE/);
    const listed = s.raw.prepare('SELECT name FROM deferred_indexes ORDER BY name').pluck().all();
    expect(listed).toEqual(dropped.map((d) => d.name).sort());
    expect(restoreIndexes(s.raw)).toBe(dropped.length);
    expect(indexesOf(s, 'orders')).toEqual(orders);
    expect(s.raw.prepare('SELECT count(*) FROM deferred_indexes').pluck().get()).toBe(0);
    await s.close();
  });

  it('are built again when the store opens after a load that died before building them', async () => {
    const first = open();
    const dir = path.dirname(first.file);
    const before = indexesOf(first, 'orders');
    deferIndexes(first.raw, ['orders']);
    first.raw.close(); // the process dies: no restore, no clean close
    const again = open(dir);
    expect(indexesOf(again, 'orders')).toEqual(before);
    expect(again.raw.prepare('SELECT count(*) FROM deferred_indexes').pluck().get()).toBe(0);
    await again.close();
  });

  it('builds only what is missing when some were already rebuilt', async () => {
    const s = open();
    const dropped = deferIndexes(s.raw, ['settlements']);
    expect(dropped.length).toBeGreaterThanOrEqual(3);
    s.raw.exec(dropped[0].sql);
    expect(restoreIndexes(s.raw)).toBe(dropped.length - 1);
    expect(indexesOf(s, 'settlements').map((i) => i.name)).toEqual(dropped.map((d) => d.name).sort());
    await s.close();
  });

  it('builds with the sorter on temporary files and gives the store its own settings back', async () => {
    const s = open();
    const settings = () => ({
      tempStore: s.raw.pragma('temp_store', { simple: true }),
      cacheSize: s.raw.pragma('cache_size', { simple: true }),
      threads: s.raw.pragma('threads', { simple: true }),
    });
    const before = settings();
    expect(before.tempStore).toBe(2); // the desk keeps temporary storage in memory
    const dropped = deferIndexes(s.raw, ['orders']);
    let during: ReturnType<typeof settings> | null = null;
    expect(restoreIndexes(s.raw, () => (during ??= settings()))).toBe(dropped.length);
    expect(during).toMatchObject({ tempStore: 1, cacheSize: -2000 });
    expect(settings()).toEqual(before);
    await s.close();
  });
});
