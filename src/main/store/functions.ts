import type Database from 'better-sqlite3';

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;

/** CJK characters of a text separated by spaces, so unicode61 indexes each as a token (1–2 char search). */
export function cjkGrams(text: string | null): string {
  if (!text) return '';
  const out: string[] = [];
  for (const ch of text) if (CJK.test(ch)) out.push(ch);
  return out.join(' ');
}

/** SQL functions the migrations' triggers call; registered on every connection. */
export function registerFunctions(db: Database.Database): void {
  db.function('cjk_grams', { deterministic: true }, (text: unknown) => cjkGrams(typeof text === 'string' ? text : null));
}
