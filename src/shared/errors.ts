/**
 * Errors are values: a stable code, parameters for the message, and optional field errors.
 * The message text lives in i18n/messages.ts so the clerk reads it in their own language.
 */
export interface FieldError {
  /** Dotted path of the field in the input, e.g. "lines.2.quantity". */
  path: string;
  code: string;
  params?: Record<string, string | number>;
  /** Filled in at the boundary, in the caller's language. */
  message?: string;
}

export interface DeskErrorPayload {
  code: string;
  message: string;
  params?: Record<string, string | number>;
  fields?: FieldError[];
}

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 500 | 503;

export class DeskError extends Error {
  readonly code: string;
  readonly params: Record<string, string | number>;
  readonly fields: FieldError[];
  readonly status: ErrorStatus;

  constructor(
    code: string,
    params: Record<string, string | number> = {},
    options: { fields?: FieldError[]; status?: ErrorStatus } = {},
  ) {
    super(code);
    this.name = 'DeskError';
    this.code = code;
    this.params = params;
    this.fields = options.fields ?? [];
    this.status = options.status ?? statusFor(code);
  }
}

function statusFor(code: string): ErrorStatus {
  if (code === 'auth.required' || code === 'auth.sessionExpired' || code === 'auth.badCredentials') return 401;
  if (code === 'auth.forbidden' || code.startsWith('authority.')) return 403;
  if (code.endsWith('.notFound')) return 404;
  if (code === 'auth.throttled') return 429;
  if (code === 'validation.failed') return 422;
  if (code.startsWith('conflict.') || code.endsWith('.exists') || code.endsWith('.stale')) return 409;
  return 400;
}

export function isDeskError(e: unknown): e is DeskError {
  return e instanceof DeskError;
}

/** Raise a validation error for one field. */
export function fieldError(path: string, code: string, params?: Record<string, string | number>): DeskError {
  return new DeskError('validation.failed', {}, { fields: [{ path, code, params }] });
}
