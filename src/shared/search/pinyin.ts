import { pinyin } from 'pinyin-pro';

/**
 * Pinyin initials of a name, lower-case, for type-ahead: 北京市场 → "bjsc". Latin letters and
 * digits are kept (3M胶带 → "3mjd") so a clerk types the name as they say it; punctuation,
 * spaces and characters without a reading are dropped. Full-width letters are folded first.
 * pinyin-pro reads polyphones in context (重庆 → "cq", 银行 → "yh").
 */
export function pinyinInitials(text: string): string {
  const folded = text.normalize('NFKC');
  if (!folded) return '';
  const parts = pinyin(folded, { pattern: 'first', toneType: 'none', type: 'array' });
  let out = '';
  for (const p of parts) if (/^[A-Za-z0-9]+$/.test(p)) out += p.toLowerCase();
  return out;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;

/** True when the text holds a CJK ideograph (search picks the per-character index for those). */
export function hasCjk(text: string): boolean {
  return CJK.test(text);
}

/** True when every character is an ideograph of the ranges the CJK index holds. */
export function isAllCjk(text: string): boolean {
  if (!text) return false;
  for (const ch of text) if (!CJK.test(ch)) return false;
  return true;
}
