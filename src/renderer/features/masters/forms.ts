import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { formatMoney, parseMoney } from '@shared/money';
import { issuesToFieldErrors } from '@shared/validation';

/**
 * What master-data forms share: text ↔ number conversions (a form holds what the clerk typed, as
 * text, until it is saved) and client-side checks with the contract's own zod schemas, so the
 * message shown on leaving a field is the one the desk would give.
 */

/** A coded problem at one dotted path ("addresses.0.phone"). */
export interface Issue {
  code: string;
  params?: Record<string, string | number>;
}
export type Issues = Record<string, Issue>;

/** fen → "1234.50" for an input (no thousands separators: the clerk edits it). */
export function yuanText(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '';
  return formatMoney(fen).replace(/,/g, '');
}

/** What a conversion gives: the value for the input, or the problem at the field. */
export type Parsed<T> = { value: T | undefined; issue?: Issue };

/** Yuan text → fen; blank → undefined; garbage or negative → v.money. */
export function parseYuan(text: string): Parsed<number> {
  if (!text.trim()) return { value: undefined };
  const fen = parseMoney(text);
  if (fen === null || fen < 0) return { value: undefined, issue: { code: 'v.money' } };
  return { value: fen };
}

/** Whole-number text; blank → undefined; anything else not a whole number → `code`. */
export function parseWhole(text: string, code = 'v.type', signed = false): Parsed<number> {
  const s = text.trim().replace(/,/g, '');
  if (!s) return { value: undefined };
  if (!(signed ? /^[-+]?\d{1,15}$/ : /^\d{1,15}$/).test(s)) return { value: undefined, issue: { code } };
  return { value: Number(s) + 0 };
}

/** "13", "13%", "6.5" → basis points (1300, 1300, 650), exactly; blank → undefined. */
export function parsePercentBp(text: string): Parsed<number> {
  const s = text.trim().replace(/[%％]$/, '').trim();
  if (!s) return { value: undefined };
  const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return { value: undefined, issue: { code: 'product.taxRate' } };
  return { value: Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) };
}

/** 1300 → "13", 650 → "6.5". */
export function bpText(bp: number): string {
  const whole = Math.trunc(bp / 100);
  const frac = bp % 100;
  return frac ? `${whole}.${String(frac).padStart(2, '0').replace(/0$/, '')}` : String(whole);
}

/** Text or undefined: blank text is "not given" for optional fields. */
export function opt(text: string | null | undefined): string | undefined {
  return text && text.trim() ? text : undefined;
}

/** Every problem the schema finds in an input, by path (the first one per path). */
export function schemaIssues(schema: z.ZodType, input: unknown): Issues {
  const parsed = schema.safeParse(input);
  if (parsed.success) return {};
  const out: Issues = {};
  for (const f of issuesToFieldErrors(parsed.error.issues)) if (!out[f.path]) out[f.path] = { code: f.code, params: f.params };
  return out;
}

/** A coded message in the clerk's language; unknown codes fall back to a generic text. */
export function issueText(t: TFunction, issue: Issue, exists: (key: string) => boolean): string {
  if (exists(issue.code)) return t(issue.code, issue.params ?? {});
  return t('v.unknown');
}

/**
 * Paths of rows under `prefix` move up when row `index` is removed ("addresses.2.phone" becomes
 * "addresses.1.phone" when row 1 goes), so errors and touched marks stay with their rows.
 */
export function shiftRowPaths<T>(map: Record<string, T>, prefix: string, index: number): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [path, v] of Object.entries(map)) {
    if (!path.startsWith(`${prefix}.`)) {
      out[path] = v;
      continue;
    }
    const rest = path.slice(prefix.length + 1);
    const dot = rest.indexOf('.');
    const i = Number(dot < 0 ? rest : rest.slice(0, dot));
    const tail = dot < 0 ? '' : rest.slice(dot);
    if (i === index) continue;
    out[i > index ? `${prefix}.${i - 1}${tail}` : path] = v;
  }
  return out;
}
