import type Database from 'better-sqlite3';

export type Params = Record<string, string | number | null>;

const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>();
const CACHE_SIZE = 200;

/**
 * A prepared statement for this connection, cached by SQL text. Master-data queries are read-only
 * and desk-only (the hub has its own), so they talk to better-sqlite3 directly: type-ahead has a
 * budget of about a millisecond and query building would be a good part of it.
 */
export function prepared(db: Database.Database, sql: string): Database.Statement {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let stmt = cache.get(sql);
  if (stmt) {
    cache.delete(sql);
  } else {
    stmt = db.prepare(sql);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  }
  cache.set(sql, stmt);
  return stmt;
}

export function all<T>(db: Database.Database, sql: string, params: Params = {}): T[] {
  return prepared(db, sql).all(params) as T[];
}

export function get<T>(db: Database.Database, sql: string, params: Params = {}): T | undefined {
  return prepared(db, sql).get(params) as T | undefined;
}
