import { DeskError, type FieldError } from '../../errors';

/** Rows per multi-row INSERT / IN list: well inside SQLite's and PostgreSQL's parameter limits. */
export const CHUNK = 100;

export function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export const flag = (b: boolean): number => (b ? 1 : 0);

/**
 * Where a field error points. A single save names the input path ("addresses.0.phone"); an import
 * batch prefixes the spreadsheet row ("7.addresses.0.phone") so the refusal names the row.
 */
export type PathOf = (index: number, path: string) => string;
export const plainPath: PathOf = (_i, path) => path;

/** "customer.exists" etc. as a field error on the code, the way the form shows it. */
export function codeTaken(entity: string, field: string, code: string, path = field): DeskError {
  const fields: FieldError[] = [{ path, code: `${entity}.exists`, params: { code } }];
  return new DeskError(`${entity}.exists`, { code }, { fields });
}

export function notFound(entity: string, id: string): DeskError {
  return new DeskError(`${entity}.notFound`, { id });
}

/** A reference (region, price group, ...) that is not in the list. */
export function unknownChoice(path: string): DeskError {
  return new DeskError('validation.failed', { count: 1 }, { fields: [{ path, code: 'v.choice' }] });
}

/** Lower-cased key for case-insensitive code comparisons in memory (the store column is NOCASE). */
export const codeKey = (code: string): string => code.toLowerCase();

/** True when every field of `next` equals the field of `prev` (rows as stored: scalars only). */
export function sameRow(prev: object, next: object): boolean {
  const p = prev as Record<string, unknown>;
  for (const [key, value] of Object.entries(next)) if (p[key] !== value) return false;
  return true;
}
