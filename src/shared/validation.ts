import type { z } from 'zod';
import { DeskError, type FieldError } from './errors';

/**
 * Turn zod issues into field errors with our message codes. Schemas state their own code
 * (e.g. { error: 'v.mobile' }); zod's built-in checks are mapped to the nearest common code.
 */
export function issuesToFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  const seen = new Set<string>();
  return issues.map(toFieldError).filter((f) => {
    const key = `${f.path}|${f.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A schema-stated message is a dotted code such as v.mobile or auth.weakPassword. */
const MESSAGE_CODE = /^[a-z][A-Za-z]*(\.[A-Za-z]+)+$/;

function toFieldError(issue: z.core.$ZodIssue): FieldError {
  {
    const path = issue.path.map(String).join('.');
    if (MESSAGE_CODE.test(issue.message)) {
      const params: Record<string, string | number> = {};
      const extra = (issue as { params?: Record<string, unknown> }).params;
      if (extra) for (const [k, v] of Object.entries(extra)) if (typeof v === 'string' || typeof v === 'number') params[k] = v;
      return { path, code: issue.message, params };
    }
    switch (issue.code) {
      case 'invalid_type':
        return { path, code: issue.input === undefined || issue.input === null ? 'v.required' : 'v.type' };
      case 'too_small':
        if (issue.origin === 'string' && Number(issue.minimum) <= 1) return { path, code: 'v.required' };
        if (issue.origin === 'array' && Number(issue.minimum) <= 1) return { path, code: 'v.required' };
        return { path, code: 'v.min', params: { min: Number(issue.minimum) } };
      case 'too_big':
        if (issue.origin === 'string') return { path, code: 'v.tooLong', params: { max: Number(issue.maximum) } };
        return { path, code: 'v.max', params: { max: Number(issue.maximum) } };
      case 'invalid_value':
        return { path, code: 'v.choice' };
      case 'invalid_format':
        return { path, code: 'v.type' };
      default:
        return { path, code: 'v.unknown' };
    }
  }
}

/** Parse with a schema or throw validation.failed with every field error. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const fields = issuesToFieldErrors(parsed.error.issues);
  throw new DeskError('validation.failed', { count: fields.length }, { fields });
}
