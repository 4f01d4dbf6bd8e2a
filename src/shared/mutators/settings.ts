import { precompiled } from '../db/precompiled';
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

const allSettings = precompiled<Record<string, never>>()((db) => db.selectFrom('settings').select(['key', 'value']));

/** The last rows read and what they parsed to: unchanged rows need no second validation. */
let lastParsed: { text: string; settings: Settings } | null = null;

async function loadSettings(db: Tx): Promise<Settings> {
  const rows = await allSettings.rows(db, {});
  let text = '';
  for (const r of rows) text += `${r.key}\u0000${r.value}\u0001`;
  if (lastParsed?.text === text) return lastParsed.settings;
  const raw: Record<string, unknown> = {};
  for (const r of rows) raw[r.key] = JSON.parse(r.value);
  const parsed = settingsSchema.safeParse(raw);
  // A setting written by a newer version that we cannot read falls back to the defaults, never crashes.
  const settings = parsed.success ? parsed.data : settingsSchema.parse({});
  lastParsed = { text, settings: deepFreeze(settings) };
  return lastParsed.settings;
}

/** Shared between transactions, so nobody may change it in place. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
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
