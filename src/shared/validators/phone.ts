/**
 * Chinese phone numbers: mobile (11 digits starting 13x–19x), landline (area code + local number,
 * optional extension) and 400/800 service numbers. Clerks paste numbers from e-mails, chat and web
 * pages, so full-width characters (typed with a Chinese IME) and the +86 prefix are accepted.
 */

const FULLWIDTH: Record<string, string> = {
  '（': '(',
  '）': ')',
  '－': '-',
  '—': '-',
  '–': '-',
  '＋': '+',
  '\u3000': ' ',
};

/** Map full-width digits and punctuation to ASCII so the IME does not decide validity. */
function toHalfWidth(s: string): string {
  return s.replace(/[０-９（）－—–＋\u3000]/g, (ch) => {
    const code = ch.charCodeAt(0);
    if (code >= 0xff10 && code <= 0xff19) return String.fromCharCode(code - 0xff10 + 0x30);
    return FULLWIDTH[ch] ?? ch;
  });
}

const MOBILE = /^1[3-9]\d{9}$/;

/**
 * Strip spaces, dashes and parentheses, and a leading +86 / 0086 / 86 when what follows is an
 * 11-digit number starting with 1. Does not validate: pass the result to isMobile.
 */
export function normalizeMobile(s: string): string {
  const compact = toHalfWidth(s).replace(/[\s\-()]/g, '');
  const m = /^(?:\+86|0086|86)(1\d{10})$/.exec(compact);
  return m ? m[1] : compact;
}

export function isMobile(s: string): boolean {
  return MOBILE.test(normalizeMobile(s));
}

interface LandlineParts {
  /** Area code with its leading 0 ("010", "0755"), or "400"/"800" for service numbers. */
  area: string;
  number: string;
  ext?: string;
}

/*
 * Area codes: 010 and 020–029 are three digits including the 0, every other code is four
 * (0311, 0755, ...). Knowing this splits "075512345678" without a separator.
 */
const AREA = '0(?:10|2\\d|[3-9]\\d{2})';
const SEP = '[\\s-]?';
const EXT = '(?:\\s*(?:-|转|分机|ext\\.?|x|#)\\s*(\\d{1,6}))?';
// 7–8 digits, optionally split once ("8820 8820"); never starting with 0 or 1 (trunk and
// special-service prefixes).
const LOCAL = '([2-9]\\d{2,3}[\\s-]?\\d{4})';

const LANDLINE_PATTERNS: RegExp[] = [
  // (010) 12345678 / 010-12345678 / 01012345678 / 0755 1234 5678
  new RegExp(`^\\(?(${AREA})\\)?${SEP}${LOCAL}${EXT}$`, 'i'),
  // +86 10 12345678: the international form drops the area code's leading 0.
  new RegExp(`^(?:\\+86|0086)${SEP}\\(?(${AREA.replace(/^0/, '')})\\)?${SEP}${LOCAL}${EXT}$`, 'i'),
];

const SERVICE = /^(400|800)(\d{7})$/;

function parseLandline(s: string): LandlineParts | null {
  const text = toHalfWidth(s).trim();
  // Service numbers are grouped many ways (400-820-8820, 4008 208 820); only the digits matter.
  const service = SERVICE.exec(text.replace(/[\s\-()]/g, ''));
  if (service && /^[\d\s\-()]+$/.test(text)) return { area: service[1], number: service[2] };

  for (const [i, re] of LANDLINE_PATTERNS.entries()) {
    const m = re.exec(text);
    if (!m) continue;
    const area = i === 0 ? m[1] : `0${m[1]}`;
    return { area, number: m[2].replace(/[\s-]/, ''), ...(m[3] ? { ext: m[3] } : {}) };
  }
  return null;
}

/**
 * Canonical landline form: "010-12345678", "0755-1234567-801", "400-820-8820".
 * Returns the trimmed input unchanged when it is not a landline.
 */
export function normalizeLandline(s: string): string {
  const p = parseLandline(s);
  if (!p) return s.trim();
  if (p.area === '400' || p.area === '800') return `${p.area}-${p.number.slice(0, 3)}-${p.number.slice(3)}`;
  return `${p.area}-${p.number}${p.ext ? `-${p.ext}` : ''}`;
}

export function isLandline(s: string): boolean {
  return parseLandline(s) !== null;
}

export function isPhone(s: string): boolean {
  return isMobile(s) || isLandline(s);
}

/** Normalise as mobile when it is one, else as landline; the trimmed input when it is neither. */
export function normalizePhone(s: string): string {
  return isMobile(s) ? normalizeMobile(s) : normalizeLandline(s);
}
