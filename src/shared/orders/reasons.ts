/**
 * Reasons the desk writes by itself into order_status_history.reason and order_versions.reason
 * ("submitted", "small change", …). They are stored as stable codes so that every screen says them
 * in its reader's language; a reason a person typed is stored, and shown, exactly as typed.
 *
 * Encoding (the reason columns are plain text, nothing else changes):
 *
 *     order.reason.<name>                       e.g. order.reason.submitted
 *     order.reason.<name>|<params as JSON>      e.g. order.reason.duplicateConfirmed|{"numbers":"SO-1, SO-2"}
 *
 * The code is also the message key (src/shared/i18n/messages/orders.ts) and the params, a flat JSON
 * object of strings and numbers, fill its {{placeholders}}. Only the codes listed in REASON_PARAMS
 * with every param they need decode as codes; anything else (rows written before the codes, free
 * text) is shown verbatim.
 */
import type { MessageLookup, MessageParams } from '../i18n/audit';

/** Every system reason and the params its message needs. */
const REASON_PARAMS = {
  /** Version 0: the order as submitted. */
  submitted: [],
  /** The version an order had before its first change (written when the change applies). */
  beforeChange: [],
  /** A change applied inside the free-change window. */
  changeInWindow: [],
  /** A change applied under small-change authority. */
  smallChange: [],
  /** The approver released the last hold without a comment. */
  released: [],
  /** The approver approved a change request without a comment. */
  changeApproved: [],
  /** Submitted although it looked like a duplicate of `numbers` ("SO-1, SO-2"). */
  duplicateConfirmed: ['numbers'],
} as const satisfies Record<string, readonly string[]>;

export type OrderReason = keyof typeof REASON_PARAMS;
export const ORDER_REASONS = Object.keys(REASON_PARAMS) as OrderReason[];
export const REASON_PREFIX = 'order.reason.';
const SEPARATOR = '|';

type ParamsOf<R extends OrderReason> = { [K in (typeof REASON_PARAMS)[R][number]]: string | number };
type ParamArgs<R extends OrderReason> = (typeof REASON_PARAMS)[R] extends readonly [] ? [] : [params: ParamsOf<R>];

/** The message key of a system reason: order.reason.<name>. */
export function reasonCode(reason: OrderReason): string {
  return REASON_PREFIX + reason;
}

/** The stored text of a system reason. */
export function encodeReason<R extends OrderReason>(reason: R, ...args: ParamArgs<R>): string {
  const params = args[0] as MessageParams | undefined;
  const code = reasonCode(reason);
  return params && Object.keys(params).length ? `${code}${SEPARATOR}${JSON.stringify(params)}` : code;
}

export interface DecodedReason {
  code: string;
  reason: OrderReason;
  params: MessageParams;
}

function isReason(name: string): name is OrderReason {
  return Object.prototype.hasOwnProperty.call(REASON_PARAMS, name);
}

function parseParams(text: string): MessageParams | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const out: MessageParams = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (typeof v !== 'string' && typeof v !== 'number') return null;
    out[k] = v;
  }
  return out;
}

/** A stored reason as a code with its params; null when it is not one (typed text, older rows). */
export function decodeReason(stored: string | null | undefined): DecodedReason | null {
  if (!stored || !stored.startsWith(REASON_PREFIX)) return null;
  const cut = stored.indexOf(SEPARATOR);
  const code = cut < 0 ? stored : stored.slice(0, cut);
  const name = code.slice(REASON_PREFIX.length);
  if (!isReason(name)) return null;
  const params = cut < 0 ? {} : parseParams(stored.slice(cut + 1));
  if (!params) return null;
  if (REASON_PARAMS[name].some((p: string) => params[p] === undefined)) return null;
  return { code, reason: name, params };
}

/**
 * A stored reason as a reader sees it: a system reason in `lookup`'s language, anything else as it
 * was stored ('' for none). A code `lookup` does not know is shown as stored, too.
 */
export function reasonText(lookup: MessageLookup, stored: string | null | undefined): string {
  const decoded = decodeReason(stored);
  if (!decoded) return stored ?? '';
  return lookup(decoded.code, decoded.params) ?? stored ?? '';
}
