import type Database from 'better-sqlite3';
import { uuidv7 } from '../../shared/ids';

export interface DeskIdentity {
  clientId: string;
  deskCode: string;
}

const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** A provisional desk code until the hub enrols the desk; order numbers carry it. */
function provisionalDeskCode(): string {
  const bytes = new Uint8Array(3);
  globalThis.crypto.getRandomValues(bytes);
  return 'D' + Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('');
}

export function ensureIdentity(raw: Database.Database): DeskIdentity {
  const row = raw.prepare('SELECT client_id, desk_code FROM sync_state WHERE id = 1').get() as
    | { client_id: string; desk_code: string }
    | undefined;
  if (row) return { clientId: row.client_id, deskCode: row.desk_code };
  const identity = { clientId: uuidv7(), deskCode: provisionalDeskCode() };
  raw
    .prepare('INSERT INTO sync_state (id, client_id, desk_code, cookie, next_mutation_id) VALUES (1, ?, ?, 0, 1)')
    .run(identity.clientId, identity.deskCode);
  return identity;
}
