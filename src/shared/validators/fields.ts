/**
 * zod field schemas for forms and contract inputs. Every issue's message is one of our message
 * codes (v.*), so the dispatcher can turn issues into FieldError { path, code: message, params }
 * and the renderer can show the text in the clerk's language.
 *
 * A missing value (undefined, null, or text that is blank after trimming) is always 'v.required';
 * wrap a schema in zOptional() for fields that may be left empty.
 */
import { z } from '../zod';
import { isEmail, normalizeEmail } from './email';
import { isLandline, isMobile, isPhone, normalizeLandline, normalizeMobile, normalizePhone } from './phone';
import { isPostcode } from './postcode';
import { checkUscc, normalizeUscc } from './uscc';

/** The message codes these schemas emit. */
export const FIELD_CODES = [
  'v.required',
  'v.tooLong',
  'v.mobile',
  'v.landline',
  'v.phone',
  'v.postcode',
  'v.email',
  'v.uscc.length',
  'v.uscc.charset',
  'v.uscc.checkChar',
  'v.code',
  'v.money',
  'v.quantity',
  'v.date',
] as const;
export type FieldCode = (typeof FIELD_CODES)[number];

/** A missing value reads "required"; a value of the wrong type reads as the field's own code. */
function typeError(code: FieldCode) {
  return (iss: { input?: unknown }) => (iss.input == null ? 'v.required' : code);
}

/** Trimmed text; blank → v.required, failing `test` → `code`. */
function textField(code: FieldCode, test: (s: string) => boolean) {
  return z
    .string({ error: typeError(code) })
    .trim()
    .superRefine((v, ctx) => {
      if (v === '') ctx.addIssue({ code: 'custom', message: 'v.required' });
      else if (!test(v)) ctx.addIssue({ code: 'custom', message: code });
    });
}

/** Mobile number; output is the bare 11 digits ("+86 138-0013-8000" → "13800138000"). */
export const zMobile = textField('v.mobile', isMobile).transform(normalizeMobile);

/** Landline or 400/800 number; output is canonical ("(010)12345678" → "010-12345678"). */
export const zLandline = textField('v.landline', isLandline).transform(normalizeLandline);

/** Mobile or landline; output normalised as whichever it is. */
export const zPhone = textField('v.phone', isPhone).transform(normalizePhone);

export const zPostcode = textField('v.postcode', isPostcode);

/** Output has its domain lower-cased. */
export const zEmail = textField('v.email', isEmail).transform(normalizeEmail);

/** Unified social credit code; output is upper-cased. A wrong check character carries {expected}. */
export const zUscc = z
  .string({ error: typeError('v.uscc.length') })
  .transform(normalizeUscc)
  .superRefine((v, ctx) => {
    if (v === '') {
      ctx.addIssue({ code: 'custom', message: 'v.required' });
      return;
    }
    const r = checkUscc(v);
    if (r.ok) return;
    ctx.addIssue({
      code: 'custom',
      message: `v.uscc.${r.reason}`,
      ...(r.expected ? { params: { expected: r.expected } } : {}),
    });
  });

/** Trimmed, non-empty text of at most `max` characters (code points, so 汉字 count as one). */
export function zRequiredText(max: number) {
  return z
    .string({ error: typeError('v.required') })
    .trim()
    .superRefine((v, ctx) => {
      if (v === '') ctx.addIssue({ code: 'custom', message: 'v.required' });
      else if ([...v].length > max) ctx.addIssue({ code: 'custom', message: 'v.tooLong', params: { max } });
    });
}

const CODE_RE = /^[A-Za-z0-9._-]{1,32}$/;

/** Master-data code (customer, product, warehouse, carrier): 1–32 of A–Z a–z 0–9 . _ - */
export const zCode = textField('v.code', (s) => CODE_RE.test(s));

/** Money in fen: a non-negative safe integer. */
export const zMoneyFen = z
  .number({ error: typeError('v.money') })
  .refine((n) => Number.isSafeInteger(n) && n >= 0, { error: 'v.money' });

/** Order-line quantity in the product's unit: a positive safe integer. */
export const zQuantity = z
  .number({ error: typeError('v.quantity') })
  .refine((n) => Number.isSafeInteger(n) && n > 0, { error: 'v.quantity' });

/** YYYY-MM-DD naming a real calendar day (2024-02-29 yes, 2023-02-29 no). */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
  return d <= days;
}

export const zIsoDate = textField('v.date', isIsoDate);

/**
 * Make a field optional for forms: undefined, null and blank text all become undefined, anything
 * else must pass `schema`.
 */
export function zOptional<T extends z.ZodType>(schema: T) {
  return z.preprocess(
    (v) => (v == null || (typeof v === 'string' && v.trim() === '') ? undefined : v),
    schema.optional(),
  );
}
