/**
 * Amounts in Chinese capital numerals (大写金额) as cheques, invoices and order confirmations write
 * them, following the People's Bank of China rules for payment documents:
 * - 壹贰叁肆伍陆柒捌玖, units 拾佰仟 within a group of four, 万 / 亿 between groups;
 * - a run of zeros inside the number reads as one 零 (1,010 → 壹仟零壹拾元);
 * - an amount ending at 元 or 角 ends with 整; one ending at 分 does not;
 * - a zero 元 digit before a non-zero 角/分 is written 零 (1,680.32 → 壹仟陆佰捌拾元零叁角贰分);
 * - 拾 at the head of the amount is written 壹拾 (10 → 壹拾元整).
 */
const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'] as const;
const PLACES = ['仟', '佰', '拾', ''] as const;
const GROUPS = ['', '万', '亿', '万亿'] as const;

/** 1..9999 in capitals, internal zeros as one 零, no trailing zeros. */
function group(n: number): string {
  let out = '';
  let zero = false;
  for (let i = 0; i < 4; i++) {
    const d = Math.floor(n / 10 ** (3 - i)) % 10;
    if (d === 0) {
      if (out) zero = true;
      continue;
    }
    if (zero) out += '零';
    zero = false;
    out += DIGITS[d] + PLACES[i];
  }
  return out;
}

/** A whole number of yuan (> 0) in capitals, without the 元. */
function whole(n: number): string {
  const groups: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 10_000)) groups.push(rest % 10_000);
  if (groups.length > GROUPS.length) throw new RangeError(`amount too large for capitals: ${n}`);
  let out = '';
  let gap = false;
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i];
    if (g === 0) {
      if (out) gap = true;
      continue;
    }
    // A zero group before, or fewer than four digits in this group after a higher one: one 零.
    if (out && (gap || g < 1000)) out += '零';
    out += group(g) + GROUPS[i];
    gap = false;
  }
  return out;
}

/** Integer fen → 大写金额, e.g. 1234567 → 壹万贰仟叁佰肆拾伍元陆角柒分. Negative amounts read 负…. */
export function capitalAmount(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`fen must be a safe integer, got ${fen}`);
  if (fen < 0) return `负${capitalAmount(-fen)}`;
  if (fen === 0) return '零元整';
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  let out = yuan > 0 ? `${whole(yuan)}元` : '';
  if (jiao === 0 && cents === 0) return `${out}整`;
  if (jiao > 0) {
    if (yuan > 0 && yuan % 10 === 0) out += '零';
    out += `${DIGITS[jiao]}角`;
    return cents > 0 ? `${out}${DIGITS[cents]}分` : `${out}整`;
  }
  if (yuan > 0) out += '零';
  return `${out}${DIGITS[cents]}分`;
}
