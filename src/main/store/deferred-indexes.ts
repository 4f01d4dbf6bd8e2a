/**
 * Bulk loads drop the secondary indexes of the tables they fill and build them once at the end:
 * at a million orders, maintaining 16 indexes row by row costs more than the rows themselves, while
 * CREATE INDEX sorts each one in a single pass. Which indexes are missing is written down in the
 * same transaction that drops them (table deferred_indexes), and every open of the store re-creates
 * whatever is listed there, so a load that dies midway never leaves a desk without its indexes.
 */
import os from 'node:os';
import type Database from 'better-sqlite3';

/** Page cache while building (KiB, negative as PRAGMA cache_size takes it): the sorter's run size. */
const SORTER_CACHE_KIB = -2000;

export interface DeferredIndex {
  name: string;
  sql: string;
}

/** Drop the secondary (explicitly created) indexes of `tables`, recording them first. */
export function deferIndexes(raw: Database.Database, tables: readonly string[]): DeferredIndex[] {
  if (tables.length === 0) return [];
  return raw.transaction(() => {
    const found = raw
      .prepare(
        `SELECT name, sql FROM sqlite_master
         WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${tables.map(() => '?').join(', ')})
         ORDER BY tbl_name, name`,
      )
      .all(...tables) as DeferredIndex[];
    const record = raw.prepare('INSERT INTO deferred_indexes (name, sql) VALUES (?, ?) ON CONFLICT (name) DO NOTHING');
    for (const d of found) {
      record.run(d.name, d.sql);
      raw.exec(`DROP INDEX "${d.name.replace(/"/g, '""')}"`);
    }
    return found;
  })();
}

/**
 * Re-create every index listed in deferred_indexes that is missing, and clear the list, in one
 * transaction. Returns how many were built; `onIndex` hears each (progress, timing).
 */
export function restoreIndexes(raw: Database.Database, onIndex?: (name: string, ms: number) => void): number {
  const listed = raw.prepare('SELECT name, sql FROM deferred_indexes ORDER BY name').all() as DeferredIndex[];
  if (listed.length === 0) return 0;
  const exists = raw.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?`).pluck();
  let built = 0;
  // CREATE INDEX sorts its keys in runs the size of the page cache, written to temporary files and
  // merged; helper threads sort the runs while the table is read. With temporary storage in memory
  // (the desk's setting) SQLite sorts everything as one list on this thread instead, and a big page
  // cache makes the runs slow to sort: at a million orders the bulk indexes took 54 s that way and
  // 16–22 s with files, small runs and two threads. Those settings hold for the build only.
  const before = {
    threads: raw.pragma('threads', { simple: true }) as number,
    tempStore: raw.pragma('temp_store', { simple: true }) as number,
    cacheSize: raw.pragma('cache_size', { simple: true }) as number,
  };
  // temp_store cannot change inside a transaction (nor would anything gain from it there).
  const tuneSorter = !raw.inTransaction;
  raw.pragma(`threads = ${os.availableParallelism()}`);
  if (tuneSorter) {
    raw.pragma('temp_store = FILE');
    raw.pragma(`cache_size = ${SORTER_CACHE_KIB}`);
  }
  try {
    raw.transaction(() => {
      for (const d of listed) {
        if (exists.get(d.name)) continue;
        const t0 = performance.now();
        raw.exec(d.sql);
        built++;
        onIndex?.(d.name, performance.now() - t0);
      }
      raw.prepare('DELETE FROM deferred_indexes').run();
    })();
  } finally {
    raw.pragma(`threads = ${before.threads}`);
    if (tuneSorter) {
      raw.pragma(`temp_store = ${before.tempStore}`);
      raw.pragma(`cache_size = ${before.cacheSize}`);
    }
  }
  return built;
}
