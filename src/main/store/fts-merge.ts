/**
 * Search indexes merged while the desk is idle. FTS5 writes each transaction's terms as a new small
 * segment; with its automerge a later write merges them, and for the orders' trigram index that
 * made one autosave in sixty take 17–44 ms at a million orders. orders_fts has automerge off
 * (migration 0013) and the desk calls mergeSearchIndexes when it has been idle (desk.ts), in
 * steps small enough not to be felt. FTS5's crisis merge (16 segments on one level) still runs
 * inside writes, so a desk that is never idle keeps a bounded index.
 */
import type Database from 'better-sqlite3';

/** FTS tables with automerge off, merged here. */
export const IDLE_MERGED_FTS = ['orders_fts'] as const;

/** Leaf pages one merge step writes at most (FTS5's own automerge step is a few dozen). */
const STEP_PAGES = 64;

/**
 * One merge step on `table`: segments are merged only where a level holds `usermerge` (4) or
 * more, or a merge is under way. Returns whether any work was done (FTS5 reports it through the
 * change counter: two or more changes mean a merge step ran).
 */
export function mergeStep(raw: Database.Database, table: string, pages = STEP_PAGES): boolean {
  if (!/^\w+$/.test(table)) throw new RangeError(`not an FTS table name: ${table}`);
  const total = raw.prepare('SELECT total_changes()').pluck();
  const before = total.get() as number;
  // FTS5 reads a command's value from the statement text: a bound parameter is refused.
  raw.exec(`INSERT INTO ${table} (${table}, rank) VALUES ('merge', ${Math.floor(pages)})`);
  return (total.get() as number) - before >= 2;
}

/** Merge for at most `budgetMs`; returns true when work remains for the next idle moment. */
export function mergeSearchIndexes(raw: Database.Database, budgetMs = 25): boolean {
  const until = performance.now() + budgetMs;
  for (const table of IDLE_MERGED_FTS) {
    while (mergeStep(raw, table)) {
      if (performance.now() >= until) return true;
    }
  }
  return false;
}
