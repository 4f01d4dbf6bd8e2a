/**
 * Secondary indexes a bulk load (demo data) dropped to build them once at its end. A row here means
 * the index is missing on purpose; the store re-creates every listed index when it opens, so a load
 * that died midway never leaves a desk without them (src/main/store/deferred-indexes.ts).
 */
export const deferredIndexes = {
  name: '20261128_0009_deferred_indexes',
  statements: [`CREATE TABLE deferred_indexes (name TEXT PRIMARY KEY, sql TEXT NOT NULL) WITHOUT ROWID`],
};
