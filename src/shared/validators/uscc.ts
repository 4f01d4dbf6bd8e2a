/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters from a 31-character
 * set (digits and capitals without I, O, Z, S, V, which read like digits); the 18th is a
 * mod-31 check character over the first 17.
 */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const CHARSET_RE = /^[0-9A-HJ-NPQRTUWXY]*$/;

export type UsccCheck = { ok: true } | { ok: false; reason: 'length' | 'charset' | 'checkChar'; expected?: string };

/** Clerks paste codes from licences and invoices: trim and upper-case before checking. */
export function normalizeUscc(code: string): string {
  return code.trim().toUpperCase();
}

/** The check character for the first 17 characters. Throws RangeError on malformed input. */
export function usccCheckChar(first17: string): string {
  const body = normalizeUscc(first17);
  if (body.length !== 17 || !CHARSET_RE.test(body)) {
    throw new RangeError(`usccCheckChar needs 17 characters of ${USCC_CHARSET}`);
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARSET.indexOf(body[i]) * WEIGHTS[i];
  const c = 31 - (sum % 31);
  return USCC_CHARSET[c === 31 ? 0 : c];
}

export function checkUscc(code: string): UsccCheck {
  const text = normalizeUscc(code);
  if (text.length !== 18) return { ok: false, reason: 'length' };
  if (!CHARSET_RE.test(text)) return { ok: false, reason: 'charset' };
  const expected = usccCheckChar(text.slice(0, 17));
  return text[17] === expected ? { ok: true } : { ok: false, reason: 'checkChar', expected };
}

export function isUscc(code: string): boolean {
  return checkUscc(code).ok;
}
