import type Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { registerDirectRunner } from '../../shared/db/precompiled';
import type { DB } from '../../shared/db/schema';

/**
 * Kysely over one better-sqlite3 connection, with prepared statements cached by SQL text:
 * the same mutation compiles to the same SQL, so re-preparing it on every call is wasted work.
 */
export function createKysely(db: Database.Database, cacheSize = 500): Kysely<DB> {
  const cache = new Map<string, Database.Statement>();
  const cached = {
    prepare(sql: string) {
      let stmt = cache.get(sql);
      if (stmt) {
        cache.delete(sql);
      } else {
        stmt = db.prepare(sql);
        if (cache.size >= cacheSize) cache.delete(cache.keys().next().value as string);
      }
      cache.set(sql, stmt);
      return stmt;
    },
    close() {
      db.close();
    },
  };
  const kysely = new Kysely<DB>({ dialect: new SqliteDialect({ database: cached as unknown as Database.Database }) });
  // The same result shapes Kysely's SqliteDriver returns: rows for a reader, else the change count.
  registerDirectRunner(kysely, (sql, parameters) => {
    const stmt = cached.prepare(sql);
    if (stmt.reader) return { rows: stmt.all(parameters) as unknown[] };
    return { rows: [], numAffectedRows: BigInt(stmt.run(parameters).changes) };
  });
  return kysely;
}
