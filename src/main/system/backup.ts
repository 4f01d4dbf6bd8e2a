import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DeskError } from '../../shared/errors';
import { verifyApplied } from '../store/migrator';
import type { Store } from '../store/open';

function stamp(d = new Date()): string {
  return d.toISOString().replace(/[-:]/g, '').replace('T', '-').replace('.', '-').replace('Z', '');
}

/** A backup never overwrites another (two in one millisecond get a suffix). */
function freshName(dir: string): string {
  const base = path.join(dir, `order-desk-${stamp()}`);
  let file = `${base}.sqlite`;
  for (let i = 2; fs.existsSync(file); i++) file = `${base}-${i}.sqlite`;
  return file;
}

/** Online backup with SQLite's backup API: consistent while the desk keeps working. */
export async function backupStore(store: Store, dir: string, file?: string): Promise<{ file: string; bytes: number }> {
  fs.mkdirSync(dir, { recursive: true });
  const target = file ?? freshName(dir);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  try {
    await store.raw.backup(target);
  } catch (e) {
    throw new DeskError('backup.failed', { reason: e instanceof Error ? e.message : String(e) });
  }
  return { file: target, bytes: fs.statSync(target).size };
}

/** A restore source must be an Order Desk store this version can read: same checks as opening. */
export function checkBackup(file: string): void {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const hasTables = db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name IN ('_migrations', 'sync_state', 'users')`).get() as { n: number };
    if (hasTables.n !== 3) throw new DeskError('restore.invalid');
    verifyApplied(db);
    const ok = db.pragma('quick_check', { simple: true });
    if (ok !== 'ok') throw new DeskError('restore.invalid');
  } catch (e) {
    if (e instanceof DeskError) throw e;
    throw new DeskError('restore.invalid');
  } finally {
    db?.close();
  }
}

export function listBackups(dir: string): { file: string; bytes: number; at: string }[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sqlite'))
    .map((f) => {
      const full = path.join(dir, f);
      const st = fs.statSync(full);
      return { file: full, bytes: st.size, at: st.mtime.toISOString() };
    })
    .sort((a, b) => b.at.localeCompare(a.at));
}
