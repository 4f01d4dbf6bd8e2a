/**
 * The demo year: how many orders each day gets (seasons, weekends, Spring Festival, National Day)
 * and local calendar arithmetic in the desk's time zone.
 */
import { DAY_MS } from './masters';

/** Spring Festival (正月初一) dates around the demo window. */
const SPRING_FESTIVAL = ['2024-02-10', '2025-01-29', '2026-02-17', '2027-02-06', '2028-01-26', '2029-02-13', '2030-02-03'].map((d) =>
  Date.parse(`${d}T00:00:00Z`),
);

/** Busy March–June and September–December, quiet midsummer; December is year-end buying. */
const MONTH = [0.95, 0.85, 1.15, 1.2, 1.15, 1.2, 0.9, 0.85, 1.15, 1.05, 1.25, 1.3];
const WEEKDAY = [0.15, 1, 1, 1, 1, 1.05, 0.3]; // Sunday … Saturday

/** Offset of a time zone from UTC at an instant, in ms (Asia/Shanghai: +8 h). */
export function zoneOffsetMs(timeZone: string, atMs: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(atMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return local - Math.floor(atMs / 1000) * 1000;
}

export interface DemoDay {
  /** UTC ms of local midnight. */
  start: number;
  /** yyyymmdd in local time. */
  ymd: string;
  /** YYYY-MM-DD in local time. */
  date: string;
  weight: number;
  /** Local hours of business this day (the last day stops at asOf). */
  untilMs: number;
}

/** Relative order volume of a local date (given as UTC ms of that date's 00:00 "local-as-UTC"). */
export function dayWeight(localDateMs: number, index: number, days: number): number {
  const date = new Date(localDateMs);
  let w = MONTH[date.getUTCMonth()] * WEEKDAY[date.getUTCDay()];
  for (const sf of SPRING_FESTIVAL) {
    const dd = Math.round((localDateMs - sf) / DAY_MS);
    if (dd >= -3 && dd <= 6) w *= 0.08; // the holiday itself: almost nobody orders
    else if (dd >= -10 && dd <= 12) w *= 0.55; // the weeks around it
  }
  const month = date.getUTCMonth();
  const day = date.getUTCDate();
  if (month === 9 && day <= 7) w *= 0.2; // National Day golden week
  if (month === 4 && day <= 5) w *= 0.4; // May Day holiday
  return w * (0.9 + (0.2 * index) / Math.max(1, days - 1)); // a business that grows a little
}

/** The `days` local days ending with the day of asOf, oldest first. */
export function demoDays(asOf: number, timeZone: string, days: number): DemoDay[] {
  const offset = zoneOffsetMs(timeZone, asOf);
  const localNow = asOf + offset;
  const todayLocal = Math.floor(localNow / DAY_MS) * DAY_MS;
  const out: DemoDay[] = [];
  for (let i = 0; i < days; i++) {
    const local = todayLocal - (days - 1 - i) * DAY_MS;
    const dayOffset = zoneOffsetMs(timeZone, local - offset);
    const start = local - dayOffset;
    const iso = new Date(local).toISOString();
    let weight = dayWeight(local, i, days);
    let untilMs = start + DAY_MS;
    if (i === days - 1) {
      // Today: only the business hours already past.
      const open = start + 8.5 * 3_600_000;
      const close = start + 18 * 3_600_000;
      untilMs = Math.min(asOf, close);
      weight *= Math.max(0, Math.min(1, (untilMs - open) / (close - open)));
    }
    out.push({ start, ymd: iso.slice(0, 10).replace(/-/g, ''), date: iso.slice(0, 10), weight, untilMs });
  }
  return out;
}

/** Split n into integer counts proportional to weights (largest remainder; sums to n exactly). */
export function apportion(n: number, weights: readonly number[]): number[] {
  const total = weights.reduce((s, w) => s + w, 0);
  if (total <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (n * w) / total);
  const counts = exact.map(Math.floor);
  let left = n - counts.reduce((s, c) => s + c, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length) {
    if (weights[order[k][1]] <= 0) continue;
    counts[order[k][1]]++;
    left--;
  }
  return counts;
}

/** Local business-hour weights 08:00–17:59: a morning and an afternoon peak, a lunch dip. */
export const HOUR_WEIGHTS: readonly [number, number][] = [
  [8, 0.5],
  [9, 1],
  [10, 1.3],
  [11, 1.2],
  [12, 0.45],
  [13, 0.8],
  [14, 1.2],
  [15, 1.3],
  [16, 1.1],
  [17, 0.6],
];

/** YYYY-MM-DD of an instant in local time. */
export function localDate(ms: number, offsetMs: number): string {
  return isoDay(ms, offsetMs);
}

const DAY_PREFIX = new Map<number, string>();
const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * new Date(ms).toISOString() without the Date: a million orders format ten instants each, and
 * the day part repeats, so it is cached.
 */
export function isoInstant(ms: number): string {
  const day = Math.floor(ms / 86_400_000);
  let prefix = DAY_PREFIX.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * 86_400_000).toISOString().slice(0, 11);
    DAY_PREFIX.set(day, prefix);
  }
  let rest = ms - day * 86_400_000;
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const m = Math.floor(rest / 60_000);
  rest -= m * 60_000;
  const s = Math.floor(rest / 1000);
  const milli = Math.floor(rest - s * 1000);
  return `${prefix}${pad2(h)}:${pad2(m)}:${pad2(s)}.${milli < 10 ? '00' : milli < 100 ? '0' : ''}${milli}Z`;
}

/** YYYY-MM-DD of an instant shifted by a zone offset (cached like isoInstant). */
export function isoDay(ms: number, offsetMs = 0): string {
  return isoInstant(ms + offsetMs).slice(0, 10);
}
