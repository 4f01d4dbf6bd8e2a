/**
 * The order search index (orders_fts, trigrams of number, customer, phones, SKUs) stops merging
 * its segments inside writes. With FTS5's automerge, every so often an order's save paid for
 * merging earlier segments: 17–44 ms of one autosave in sixty at a million orders, during which
 * the desk answered nothing else. The desk now merges while it is idle (store/fts-merge.ts);
 * FTS5's crisis merge still bounds the segments on a level if it is never idle.
 */
export const ordersSearchIdleMerge = {
  name: '20261128_0013_orders_search_idle_merge',
  statements: [`INSERT INTO orders_fts (orders_fts, rank) VALUES ('automerge', 0)`],
};
