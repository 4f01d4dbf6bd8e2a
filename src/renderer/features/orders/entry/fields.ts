import { formatMoney, parseMoney } from '@shared/money';

/**
 * Text ↔ number for the entry form. The form holds what the clerk typed, as text, so an invalid
 * value stays on screen (with its error) instead of being thrown away.
 */

/** A coded problem at a field: the message code and its parameters. */
export interface Issue {
  code: string;
  params?: Record<string, string | number>;
}

export type Parsed<T> = { value: T | undefined; issue?: Issue };

/** fen → "1234.50" for an input (no thousands separators: the clerk edits it). */
export function yuanText(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '';
  return formatMoney(fen).replace(/,/g, '');
}

/** Yuan text → fen; blank → undefined; garbage or negative → v.money. */
export function parseYuan(text: string): Parsed<number> {
  if (!text.trim()) return { value: undefined };
  const fen = parseMoney(text);
  if (fen === null || fen < 0) return { value: undefined, issue: { code: 'v.money' } };
  return { value: fen };
}

/** A line quantity: a whole number; blank → undefined; anything else → v.quantity. */
export function parseQuantity(text: string): Parsed<number> {
  const s = text.trim().replace(/,/g, '');
  if (!s) return { value: undefined };
  if (!/^\d{1,12}$/.test(s)) return { value: undefined, issue: { code: 'v.quantity' } };
  return { value: Number(s) };
}

/** Whole days 0..max; blank → 0. */
export function parseDays(text: string, max: number): Parsed<number> {
  const s = text.trim();
  if (!s) return { value: 0 };
  if (!/^\d{1,4}$/.test(s) || Number(s) > max) return { value: undefined, issue: { code: 'v.max', params: { max } } };
  return { value: Number(s) };
}

/** "5", "5%", "12.5" → basis points (500, 500, 1250); blank → 0. */
export function parsePercent(text: string): Parsed<number> {
  const s = text.trim().replace(/[%％]$/, '').trim();
  if (!s) return { value: 0 };
  const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return { value: undefined, issue: { code: 'orders.v.percent' } };
  const bp = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  if (bp > 10_000) return { value: undefined, issue: { code: 'orders.v.percent' } };
  return { value: bp };
}

/** 500 → "5", 1250 → "12.5", 0 → "". */
export function percentText(bp: number): string {
  if (!bp) return '';
  const whole = Math.trunc(bp / 100);
  const frac = bp % 100;
  return frac ? `${whole}.${String(frac).padStart(2, '0').replace(/0$/, '')}` : String(whole);
}

/** Today (or today + days) as YYYY-MM-DD in the desk's time zone. */
export function localDate(days = 0, timeZone = 'Asia/Shanghai', now = Date.now()): string {
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(now));
  if (!days) return today;
  const [y, m, d] = today.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** HH:mm:ss of an instant in the desk's time zone (the autosave status). */
export function localTime(iso: string, timeZone = 'Asia/Shanghai'): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }).format(new Date(iso));
}
