/**
 * The text of an audit row from its code and params, in whichever language `lookup` speaks. The
 * desk (translate) and the renderer (i18next) both use it, so both say the same sentence.
 *
 * - Params that are themselves codes (an order status, hold codes, an entity kind, …) are shown by
 *   their names: CODE_PARAMS maps the param to the prefix of its message keys. A comma-separated
 *   list of codes is named item by item and joined with audit.listSep.
 * - Optional free text (a comment, a reason for a change, a stock reference) is appended with its
 *   audit.suffix.<param> template only when present, so no template needs a conditional.
 */

export type MessageParams = Record<string, string | number>;

/** A message by key with its params filled in; undefined when there is no such key. */
export type MessageLookup = (key: string, params?: MessageParams) => string | undefined;

/** Param → prefix of the message keys naming its values. */
export const AUDIT_CODE_PARAMS: Readonly<Record<string, string>> = {
  status: 'order.status.',
  holds: 'audit.hold.',
  entity: 'audit.entity.',
  dataset: 'audit.dataset.',
  kind: 'audit.amendKind.',
};

/** Optional params appended after the message, in this order, each by audit.suffix.<param>. */
export const AUDIT_SUFFIX_PARAMS: readonly string[] = ['usccOverride', 'comment', 'note', 'reference'];

export function auditText(lookup: MessageLookup, code: string, params: MessageParams = {}): string {
  const shown: MessageParams = { ...params };
  for (const [key, prefix] of Object.entries(AUDIT_CODE_PARAMS)) {
    const value = params[key];
    if (typeof value !== 'string' || value === '') continue;
    shown[key] = value
      .split(/\s*,\s*/)
      .map((c) => lookup(prefix + c) ?? c)
      .join(lookup('audit.listSep') ?? ', ');
  }
  let text = lookup(code, shown) ?? code;
  for (const key of AUDIT_SUFFIX_PARAMS) {
    const value = params[key];
    if (value === undefined || value === '') continue;
    text += lookup(`audit.suffix.${key}`, shown) ?? ` (${value})`;
  }
  return text;
}
