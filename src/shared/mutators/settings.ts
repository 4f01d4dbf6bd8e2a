import type { Tx } from './env';
import { settingsSchema, type Settings } from '../settings';

/** Settings already read inside a transaction: one mutation asks several times, the answer is the same. */
const perTransaction = new WeakMap<Tx, Settings>();

/** Read settings inside any transaction (mutators use the same function through shared code). */
export async function readSettings(db: Tx): Promise<Settings> {
  const known = perTransaction.get(db);
  if (known && db.isTransaction) return known;
  const settings = await loadSettings(db);
  if (db.isTransaction) perTransaction.set(db, settings);
  return settings;
}

async function loadSettings(db: Tx): Promise<Settings> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).execute();
  const raw: Record<string, unknown> = {};
  for (const r of rows) raw[r.key] = JSON.parse(r.value);
  const parsed = settingsSchema.safeParse(raw);
  // A setting written by a newer version that we cannot read falls back to the defaults, never crashes.
  return parsed.success ? parsed.data : settingsSchema.parse({});
}

export async function writeSettings(db: Tx, patch: Partial<Settings>, now: string): Promise<void> {
  perTransaction.delete(db);
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const json = JSON.stringify(value);
    await db
      .insertInto('settings')
      .values({ key, value: json, updated_at: now })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_at: now }))
      .execute();
  }
}
