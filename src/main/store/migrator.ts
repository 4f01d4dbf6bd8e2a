import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { DeskError } from '../../shared/errors';
import { DESK_MIGRATIONS, type DeskMigration } from '../../../migrations/desk';

export function checksum(m: DeskMigration): string {
  return createHash('sha256').update(m.statements.join('\n;\n')).digest('hex');
}

interface Applied {
  name: string;
  checksum: string;
}

/**
 * Read-only check before anything is written: every applied migration must be one we know, in our
 * order, with an unchanged checksum. A newer app's migration or an edited one refuses the store.
 */
export function verifyApplied(db: Database.Database, known: readonly DeskMigration[] = DESK_MIGRATIONS): Applied[] {
  const exists = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_migrations'`).get();
  if (!exists) return [];
  const applied = db.prepare(`SELECT name, checksum FROM _migrations ORDER BY seq`).all() as Applied[];
  applied.forEach((row, i) => {
    const mine = known[i];
    if (!mine) throw new DeskError('store.newerVersion', { name: row.name }, { status: 409 });
    if (mine.name !== row.name) {
      const knownLater = known.some((m) => m.name === row.name);
      throw new DeskError(knownLater ? 'store.migrationOrder' : 'store.newerVersion', { name: row.name }, { status: 409 });
    }
    if (checksum(mine) !== row.checksum) throw new DeskError('store.editedMigration', { name: row.name }, { status: 409 });
  });
  return applied;
}

/** Apply pending migrations, each in its own transaction with its checksum recorded. */
export function migrate(db: Database.Database, known: readonly DeskMigration[] = DESK_MIGRATIONS): string[] {
  const applied = verifyApplied(db, known);
  db.exec(`CREATE TABLE IF NOT EXISTS _migrations (
    seq INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const done: string[] = [];
  const record = db.prepare(`INSERT INTO _migrations (seq, name, checksum, applied_at) VALUES (?, ?, ?, ?)`);
  for (let i = applied.length; i < known.length; i++) {
    const m = known[i];
    db.transaction(() => {
      for (const statement of m.statements) db.exec(statement);
      record.run(i + 1, m.name, checksum(m), new Date().toISOString());
    })();
    done.push(m.name);
  }
  return done;
}
