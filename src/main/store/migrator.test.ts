import { createHash } from 'node:crypto';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DESK_MIGRATIONS } from '../../../migrations/desk';
import { tempDirs } from '../testing/temp-dirs';
import { openStore, storePath } from './open';
import { checksum } from './migrator';

const tempDir = tempDirs('order-desk-store-');

function fileHash(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** A store closed cleanly (WAL folded in) so its single file can be compared byte for byte. */
async function makeStore(): Promise<string> {
  const dir = tempDir();
  const store = openStore(dir);
  await store.close();
  return dir;
}

describe('desk store migrations', () => {
  it('applies every migration once, in order, with checksums, and is idempotent on reopen', async () => {
    const dir = await makeStore();
    const raw = new Database(storePath(dir));
    const rows = raw.prepare('SELECT name, checksum FROM _migrations ORDER BY seq').all() as { name: string; checksum: string }[];
    raw.close();
    expect(rows.map((r) => r.name)).toEqual(DESK_MIGRATIONS.map((m) => m.name));
    expect(rows.map((r) => r.checksum)).toEqual(DESK_MIGRATIONS.map(checksum));
    const again = openStore(dir);
    expect(again.raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(again.raw.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(again.raw.pragma('synchronous', { simple: true })).toBe(2); // FULL
    await again.close();
  });

  it('refuses a store whose applied migration was edited, leaving the file untouched', async () => {
    const dir = await makeStore();
    const raw = new Database(storePath(dir));
    raw.prepare(`UPDATE _migrations SET checksum = 'edited' WHERE name = ?`).run(DESK_MIGRATIONS[2].name);
    raw.pragma('journal_mode = DELETE');
    raw.close();
    const before = fileHash(storePath(dir));
    expect(() => openStore(dir)).toThrowError(expect.objectContaining({ code: 'store.editedMigration', params: { name: DESK_MIGRATIONS[2].name } }));
    expect(fileHash(storePath(dir))).toBe(before);
    expect(fs.existsSync(storePath(dir) + '-wal')).toBe(false);
  });

  it('refuses a store written by a newer version, leaving the file untouched', async () => {
    const dir = await makeStore();
    const raw = new Database(storePath(dir));
    raw.prepare(`INSERT INTO _migrations (seq, name, checksum, applied_at) VALUES (?, '20991231_0001_future', 'x', '2099-12-31')`).run(DESK_MIGRATIONS.length + 1);
    raw.pragma('journal_mode = DELETE');
    raw.close();
    const before = fileHash(storePath(dir));
    expect(() => openStore(dir)).toThrowError(expect.objectContaining({ code: 'store.newerVersion' }));
    expect(fileHash(storePath(dir))).toBe(before);
  });

  it('can choose NORMAL durability', async () => {
    const store = openStore(tempDir(), { durability: 'normal' });
    expect(store.raw.pragma('synchronous', { simple: true })).toBe(1);
    await store.close();
  });
});
