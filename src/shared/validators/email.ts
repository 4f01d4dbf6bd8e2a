/**
 * Pragmatic e-mail check: catches typing mistakes, not every RFC 5322 corner. Exactly one "@",
 * no whitespace, a non-empty local part, a domain with a dot and no empty labels, at most 254
 * characters (the SMTP path limit).
 */
export function isEmail(s: string): boolean {
  const text = s.trim();
  if (text.length === 0 || text.length > 254) return false;
  if (/\s/.test(text)) return false;
  const parts = text.split('@');
  if (parts.length !== 2) return false;
  const [local, domain] = parts;
  if (local.length === 0 || local.length > 64) return false;
  const labels = domain.split('.');
  if (labels.length < 2) return false;
  return labels.every((label) => /^[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?$/u.test(label));
}

/** Trim and lower-case the domain; the local part is left alone (it may be case-sensitive). */
export function normalizeEmail(s: string): string {
  const text = s.trim();
  const at = text.lastIndexOf('@');
  return at < 0 ? text : text.slice(0, at + 1) + text.slice(at + 1).toLowerCase();
}
