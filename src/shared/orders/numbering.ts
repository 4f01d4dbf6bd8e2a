/**
 * Order numbers: SO-<desk code>-<yyyymmdd>-<seq>, e.g. SO-BJ01-20261127-0042.
 *
 * The date is the desk's calendar day (settings.timeZone) of the mutation's env.now; the sequence
 * is a per-desk, per-day counter in `counters` (name SO-<desk>-<yyyymmdd>), zero-padded to 4 digits
 * and simply longer after 9999. Desk codes differ, so numbers made offline on two desks never clash.
 *
 * The day is computed from env.now alone: fixed-offset zones (all of China and most of East Asia)
 * come from a table, so desk and hub agree whatever the machine's time zone or ICU data. Zones with
 * daylight saving fall back to Intl with that explicit zone (never the machine's own zone).
 */
import type { Tx } from '../mutators/env';
import { precompiled } from '../db/precompiled';

/** Zones without daylight saving, minutes east of UTC. */
const FIXED_OFFSETS: Record<string, number> = {
  UTC: 0,
  'Etc/UTC': 0,
  GMT: 0,
  'Etc/GMT': 0,
  'Asia/Shanghai': 480,
  'Asia/Chongqing': 480,
  'Asia/Chungking': 480,
  'Asia/Harbin': 480,
  'PRC': 480,
  'Asia/Hong_Kong': 480,
  'Asia/Macau': 480,
  'Asia/Taipei': 480,
  'Asia/Singapore': 480,
  'Asia/Kuala_Lumpur': 480,
  'Asia/Manila': 480,
  'Asia/Urumqi': 360,
  'Asia/Tokyo': 540,
  'Asia/Seoul': 540,
  'Asia/Bangkok': 420,
  'Asia/Ho_Chi_Minh': 420,
  'Asia/Jakarta': 420,
  'Asia/Kolkata': 330,
  'Asia/Dubai': 240,
};

const OFFSET_RE = /^(?:UTC|GMT)?([+-])(\d{1,2})(?::?(\d{2}))?$/;

/** Minutes east of UTC for a fixed-offset zone name or "+08:00" / "UTC+8"; null when unknown. */
export function fixedOffsetMinutes(timeZone: string): number | null {
  if (timeZone in FIXED_OFFSETS) return FIXED_OFFSETS[timeZone];
  const m = OFFSET_RE.exec(timeZone.trim());
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  if (minutes > 14 * 60) return null;
  return m[1] === '-' ? -minutes : minutes;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** The calendar day of an instant in a time zone, as YYYY-MM-DD. */
export function localDate(nowIso: string, timeZone: string): string {
  const ms = Date.parse(nowIso);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO instant: ${nowIso}`);
  const offset = fixedOffsetMinutes(timeZone);
  if (offset !== null) {
    const d = new Date(ms + offset * 60_000);
    return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
  }
  try {
    const parts = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).formatToParts(new Date(ms));
    const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    return `${get('year')}-${get('month')}-${get('day')}`;
  } catch {
    // An unknown zone name must not stop order entry: use the product's default zone.
    return localDate(nowIso, 'Asia/Shanghai');
  }
}

/** Minutes east of UTC in force at an instant (fixed table first, else Intl with the explicit zone). */
export function offsetMinutesAt(ms: number, timeZone: string): number {
  const fixed = fixedOffsetMinutes(timeZone);
  if (fixed !== null) return fixed;
  try {
    const parts = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    }).formatToParts(new Date(ms));
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
    const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
    return Math.round((asUtc - Math.floor(ms / 60_000) * 60_000) / 60_000);
  } catch {
    return FIXED_OFFSETS['Asia/Shanghai'];
  }
}

/**
 * The UTC instant at which a local calendar day (YYYY-MM-DD) starts, for date filters. Exact for
 * fixed-offset zones; for others, the offset in force at local noon of that day.
 */
export function localDayStartUtc(date: string, timeZone: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const midnightUtc = Date.UTC(y, m - 1, d);
  const offset = offsetMinutesAt(midnightUtc + 12 * 3_600_000, timeZone);
  return new Date(midnightUtc - offset * 60_000).toISOString();
}

/** "2026-11-27" → "20261127". */
export function compactDate(date: string): string {
  return date.replace(/-/g, '');
}

export function orderCounterName(deskCode: string, day: string): string {
  return `SO-${deskCode}-${day}`;
}

export function formatOrderNumber(deskCode: string, day: string, seq: number): string {
  return `SO-${deskCode}-${day}-${pad(seq, 4)}`;
}

const NUMBER_RE = /^SO-([A-Z0-9]+)-(\d{8})-(\d{4,})$/;

/** Split an order number into its parts; null when it is not one. */
export function parseOrderNumber(number: string): { deskCode: string; day: string; seq: number } | null {
  const m = NUMBER_RE.exec(number);
  return m ? { deskCode: m[1], day: m[2], seq: Number(m[3]) } : null;
}

// Built and compiled once (precompiled.ts): every new draft takes a number.
const bumpCounter = precompiled<{ name: string }>()((db, arg) =>
  db
    .insertInto('counters')
    .values({ name: arg('name'), value: 1 })
    .onConflict((oc) => oc.column('name').doUpdateSet((eb) => ({ value: eb('counters.value', '+', 1) })))
    .returning('value'),
);

/** Take the next number of the desk's day counter (portable upsert: SQLite and PostgreSQL). */
export async function nextOrderNumber(tx: Tx, deskCode: string, nowIso: string, timeZone: string): Promise<string> {
  const day = compactDate(localDate(nowIso, timeZone));
  const name = orderCounterName(deskCode, day);
  const row = await bumpCounter.first(tx, { name });
  if (!row) throw new Error(`order counter ${name} returned no value`);
  return formatOrderNumber(deskCode, day, Number(row.value));
}
