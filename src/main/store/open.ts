import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { DB } from '../../shared/db/schema';
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
}

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
  const raw = new Database(file, { nativeBinding: options.nativeBinding, readonly: options.readonly ?? false });
  try {
    verifyApplied(raw);
    if (!options.readonly) {
      raw.pragma('journal_mode = WAL');
      raw.pragma(`synchronous = ${options.durability === 'normal' ? 'NORMAL' : 'FULL'}`);
      // Checkpoints run when the desk is idle (checkpoint()); the large autocheckpoint is only a backstop.
      raw.pragma('wal_autocheckpoint = 20000');
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
