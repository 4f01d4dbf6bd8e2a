import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { tempDirs } from '../testing/temp-dirs';
import { openStore, reserveWal, storePath } from './open';

const tempDir = tempDirs('order-desk-wal-');

const walOf = (dir: string) => `${storePath(dir)}-wal`;
const sizeOf = (file: string) => (fs.existsSync(file) ? fs.statSync(file).size : 0);
const hashOf = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
/** 200 frames of 4 KiB pages, each with its 24-byte frame header, after the 32-byte WAL header. */
const RESERVED_200 = 32 + 200 * (4096 + 24);

/** An existing desk store, closed cleanly (no WAL file left), with a scratch table. */
async function existingStore(): Promise<string> {
  const dir = tempDir();
  const store = openStore(dir, { walReserveFrames: 0 });
  store.raw.exec('CREATE TABLE ledger (id INTEGER PRIMARY KEY, amount INTEGER NOT NULL)');
  await store.close();
  expect(fs.existsSync(walOf(dir))).toBe(false);
  return dir;
}

describe('WAL reserved at open', () => {
  it('gives an existing desk its WAL space at open, and commits write inside it without growing the file', async () => {
    const dir = await existingStore();
    const store = openStore(dir, { walReserveFrames: 200 });
    expect(sizeOf(walOf(dir))).toBe(RESERVED_200);
    const insert = store.raw.prepare('INSERT INTO ledger (amount) VALUES (?)');
    for (let i = 1; i <= 50; i++) insert.run(i * 100);
    expect(sizeOf(walOf(dir))).toBe(RESERVED_200);
    expect(store.raw.prepare('SELECT count(*) AS n, sum(amount) AS total FROM ledger').get()).toEqual({ n: 50, total: 127_500 });
    await store.close();

    const again = openStore(dir, { walReserveFrames: 0 });
    expect(again.raw.prepare('SELECT count(*) AS n, sum(amount) AS total FROM ledger').get()).toEqual({ n: 50, total: 127_500 });
    await again.close();
  });

  it('recovers every committed row after a crash, reading the frames before the zeros', async () => {
    const dir = await existingStore();
    const store = openStore(dir, { walReserveFrames: 200 });
    const insert = store.raw.prepare('INSERT INTO ledger (amount) VALUES (?)');
    for (let i = 1; i <= 30; i++) insert.run(i);
    // The files as a power cut would leave them: committed frames, then the reserved zeros.
    const crashed = tempDir();
    fs.copyFileSync(storePath(dir), storePath(crashed));
    fs.copyFileSync(walOf(dir), walOf(crashed));
    await store.close();
    expect(sizeOf(walOf(crashed))).toBe(RESERVED_200);

    const walBefore = hashOf(walOf(crashed));
    // A WAL with content is left for SQLite to recover, never overwritten by the reservation.
    reserveWal(storePath(crashed), 500);
    expect(hashOf(walOf(crashed))).toBe(walBefore);

    const reopened = openStore(crashed, { walReserveFrames: 500 });
    expect(reopened.raw.prepare('SELECT count(*) AS n, sum(amount) AS total FROM ledger').get()).toEqual({ n: 30, total: 465 });
    await reopened.close();
  });

  it('opens without the reservation when the disk is full, leaving no partial file', async () => {
    const dir = await existingStore();
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    const write = vi.spyOn(fs, 'writeSync').mockImplementationOnce(() => {
      throw full;
    });
    try {
      reserveWal(storePath(dir), 200);
    } finally {
      write.mockRestore();
    }
    expect(fs.existsSync(walOf(dir))).toBe(false);
    const store = openStore(dir, { walReserveFrames: 0 });
    store.raw.prepare('INSERT INTO ledger (amount) VALUES (?)').run(700);
    expect(store.raw.prepare('SELECT sum(amount) AS total FROM ledger').get()).toEqual({ total: 700 });
    await store.close();
  });

  it('reserves nothing for a store file that does not exist yet or is not in WAL mode', () => {
    const fresh = tempDir();
    reserveWal(storePath(fresh), 200);
    expect(fs.existsSync(walOf(fresh))).toBe(false);

    const other = tempDir();
    fs.writeFileSync(storePath(other), 'not a database');
    reserveWal(storePath(other), 200);
    expect(fs.existsSync(walOf(other))).toBe(false);
  });
});
