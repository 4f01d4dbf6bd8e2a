import { describe, expect, it } from 'vitest';
import { withFtsBuffer } from '../demo/bulk';
import { tempDirs } from '../testing/temp-dirs';
import { mergeSearchIndexes, mergeStep } from './fts-merge';
import { openStore, type Store } from './open';

const tempDir = tempDirs('order-desk-fts-');

const automergeOf = (s: Store) => s.raw.prepare(`SELECT v FROM orders_fts_config WHERE k = 'automerge'`).pluck().get();
/** Rows of the order search index holding a trigram of `text`, as the orders list searches it. */
const found = (s: Store, text: string) =>
  s.raw.prepare('SELECT rowid FROM orders_fts WHERE orders_fts MATCH ? ORDER BY rowid').pluck().all(`"${text}"`) as number[];

/** Twelve orders' search text, each written in its own transaction as the desk's saves are. */
function twelveSaves(s: Store): void {
  const insert = s.raw.prepare('INSERT INTO orders_fts (rowid, text) VALUES (?, ?)');
  for (let i = 1; i <= 12; i++) insert.run(i, `SO-DESK-20261128-${String(i).padStart(4, '0')} C0${i} 北京市场贸易 1390000${String(i).padStart(4, '0')} BG0${i % 3}`);
}

describe('order search index merged while idle', () => {
  it('a desk store does not merge the order search index inside writes', async () => {
    const s = openStore(tempDir());
    expect(automergeOf(s)).toBe(0);
    twelveSaves(s);
    // Twelve one-row segments wait on level 0: the first merge step finds work.
    expect(mergeStep(s.raw, 'orders_fts')).toBe(true);
    await s.close();
  });

  it('idle merging runs in bounded steps until nothing is left, and searches find the same orders', async () => {
    const s = openStore(tempDir());
    twelveSaves(s);
    const before = { order7: found(s, '20261128-0007'), bg01: found(s, 'BG01'), phone: found(s, '13900000012') };
    expect(before).toEqual({ order7: [7], bg01: [1, 4, 7, 10], phone: [12] });
    let rounds = 0;
    while (mergeSearchIndexes(s.raw, 0)) rounds++; // a zero budget stops after every step that did work
    expect(rounds).toBeGreaterThanOrEqual(1);
    expect(mergeStep(s.raw, 'orders_fts')).toBe(false);
    expect({ order7: found(s, '20261128-0007'), bg01: found(s, 'BG01'), phone: found(s, '13900000012') }).toEqual(before);
    // The store's own entry point reports no work left either.
    expect(s.mergeSearchIndexes()).toBe(false);
    await s.close();
  });

  it('a bulk load merges as it writes and leaves the desk setting as it found it', async () => {
    const s = openStore(tempDir());
    const during = await withFtsBuffer(s.raw, ['orders_fts'], () => {
      twelveSaves(s);
      return automergeOf(s);
    });
    expect(during).toBe(4);
    expect(automergeOf(s)).toBe(0);
    expect(found(s, '20261128-0012')).toEqual([12]);
    await s.close();
  });
});
