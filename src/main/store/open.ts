import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { DB } from '../../shared/db/schema';
import { fsyncFolder } from './fsync';
import { registerFunctions } from './functions';
import { restoreIndexes } from './deferred-indexes';
import { migrate, verifyApplied } from './migrator';
import { createKysely } from './kysely';

export type Durability = 'full' | 'normal';

export interface Store {
  file: string;
  raw: Database.Database;
  db: Kysely<DB>;
  close(): Promise<void>;
  /** Fold the WAL back into the main file; call when idle so commits never pay for it. */
  checkpoint(): void;
}

export interface OpenOptions {
  /** 'full' (default): an acknowledged order survives power loss. 'normal': survives an app crash only. */
  durability?: Durability;
  /** Path to a better-sqlite3 native binding built for this runtime's ABI (Electron). */
  nativeBinding?: string;
  readonly?: boolean;
  /** WAL frames to reserve at open (see reserveWal); default: the autocheckpoint size plus a margin. */
  walReserveFrames?: number;
}

/** Checkpoints run when the desk is idle; this many WAL frames force one (a backstop). */
export const WAL_AUTOCHECKPOINT_FRAMES = 20_000;

export const STORE_FILE = 'order-desk.sqlite';

export function storePath(dataDir: string): string {
  return path.join(dataDir, STORE_FILE);
}

/**
 * Open (and migrate) the desk store. Guards run before anything is written, so a refused store
 * is left byte-for-byte as it was.
 */
export function openStore(dataDir: string, options: OpenOptions = {}): Store {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = storePath(dataDir);
  if (!options.readonly) reserveWal(file, options.walReserveFrames ?? WAL_AUTOCHECKPOINT_FRAMES + 1_000);
  const raw = new Database(file, { nativeBinding: options.nativeBinding, readonly: options.readonly ?? false });
  try {
    verifyApplied(raw);
    if (!options.readonly) {
      raw.pragma('journal_mode = WAL');
      raw.pragma(`synchronous = ${options.durability === 'normal' ? 'NORMAL' : 'FULL'}`);
      // Checkpoints run when the desk is idle (checkpoint()); the large autocheckpoint is only a backstop.
      raw.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_FRAMES}`);
    }
    raw.pragma('foreign_keys = ON');
    raw.pragma('busy_timeout = 5000');
    raw.pragma('cache_size = -65536');
    raw.pragma('temp_store = MEMORY');
    registerFunctions(raw);
    if (!options.readonly) {
      migrate(raw);
      // A bulk load that died midway left indexes dropped: build them before anyone queries.
      restoreIndexes(raw);
    }
  } catch (e) {
    raw.close();
    throw e;
  }
  const db = createKysely(raw);
  return {
    file,
    raw,
    db,
    async close() {
      try {
        raw.pragma('wal_checkpoint(TRUNCATE)');
      } catch {
        // Closing anyway: the WAL is replayed at the next open.
      }
      await db.destroy();
      // Kysely connects lazily: a store never queried through it still holds the raw connection.
      if (raw.open) raw.close();
    },
    checkpoint() {
      raw.pragma('wal_checkpoint(PASSIVE)');
    },
  };
}

const WAL_HEADER_BYTES = 32;
const WAL_FRAME_HEADER_BYTES = 24;

/**
 * Give the store's WAL its working size before SQLite opens it, as zeros on disk.
 *
 * A commit appends its pages to the WAL and fsyncs it. Appending past the end of the file changes
 * its size, and an fsync that must also make a new size durable waits for the file system's journal:
 * at 1M orders that made about one submit in 70 take 5–8 ms instead of 2. Writing into space the file
 * already has needs no journal commit. SQLite restarts the WAL at its start after each checkpoint
 * and never shrinks it while open, so once the file has its size it keeps it — except that the last
 * connection to close deletes it, and so every session began by growing it again, one commit at a time.
 *
 * Zeros are safe: a WAL whose header is not valid holds no frames, and recovery after a crash stops
 * at the first frame whose salt does not match the header's (the zeros past the committed frames).
 * Only a WAL that is absent or empty is reserved — one with content may hold committed transactions
 * of a session that crashed and is left for SQLite to recover — and only for an existing desk in WAL
 * mode (SQLite deletes the WAL of an empty database file at open).
 */
export function reserveWal(file: string, frames: number): void {
  if (frames <= 0) return;
  const wal = `${file}-wal`;
  if (walHasContent(wal)) return;
  const head = readHeader(file);
  // SQLite deletes the WAL of an empty database at open, and a rollback-journal one has none.
  if (!head || head[18] !== 2 || head[19] !== 2) return;
  const pageSize = head.readUInt16BE(16) === 1 ? 65_536 : head.readUInt16BE(16);
  const bytes = WAL_HEADER_BYTES + frames * (pageSize + WAL_FRAME_HEADER_BYTES);
  try {
    const fd = fs.openSync(wal, 'w');
    try {
      const zeros = Buffer.alloc(1 << 20);
      for (let at = 0; at < bytes; at += zeros.length) fs.writeSync(fd, zeros, 0, Math.min(zeros.length, bytes - at), at);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // A full disk or a read-only folder: the desk opens without the reservation (SQLite grows the WAL
    // as before, or refuses with its own error), never with a half-written file left behind.
    fs.rmSync(wal, { force: true });
    return;
  }
  // SQLite syncs the folder when it creates a WAL itself; this one it finds already there.
  fsyncFolder(path.dirname(file));
}

function walHasContent(wal: string): boolean {
  try {
    return fs.statSync(wal).size > 0;
  } catch {
    return false;
  }
}

/** The 100-byte header of an existing SQLite file; null when there is none (absent, empty, not SQLite). */
function readHeader(file: string): Buffer | null {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const head = Buffer.alloc(100);
    const n = fs.readSync(fd, head, 0, 100, 0);
    return n === 100 && head.toString('latin1', 0, 16) === 'SQLite format 3\0' ? head : null;
  } finally {
    fs.closeSync(fd);
  }
}
