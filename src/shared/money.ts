/**
 * Money is integer fen (1 yuan = 100 fen) everywhere; floats never touch an amount. Rates are basis
 * points (bp, 1/10000): a 5% discount is 500, 13% VAT is 1300.
 *
 * Line rule (tax-exclusive prices, rounding once per line, half away from zero):
 *   amount = round(quantity × unitPrice × (10000 − discountBp) / 10000)
 *   tax    = round(amount × taxRateBp / 10000)
 *   total  = amount + tax
 * Order totals are plain sums of the line figures, so they always agree with the lines to the fen.
 */

export const BP = 10000;

function assertSafeInteger(name: string, n: number): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${name} must be a safe integer, got ${n}`);
}

function toSafeNumber(n: bigint): number {
  if (n > BigInt(Number.MAX_SAFE_INTEGER) || n < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(`money value out of safe integer range: ${n}`);
  }
  return Number(n);
}

/**
 * numerator / denominator rounded half away from zero, exactly. Takes bigint for products that
 * may exceed 2^53; the result must fit a safe integer.
 */
export function roundHalfUp(numerator: number | bigint, denominator: number | bigint): number {
  if (typeof numerator === 'number') assertSafeInteger('numerator', numerator);
  if (typeof denominator === 'number') assertSafeInteger('denominator', denominator);
  if (denominator === 0 || denominator === 0n) throw new RangeError('denominator must not be 0');

  if (typeof numerator === 'number' && typeof denominator === 'number') {
    // % and an exact division are exact on safe integers, so no BigInt is needed here.
    const r = numerator % denominator;
    const q = (numerator - r) / denominator;
    if (2 * Math.abs(r) < Math.abs(denominator)) return q + 0; // + 0 turns -0 into 0
    return q + (numerator < 0 !== denominator < 0 ? -1 : 1);
  }

  const n = BigInt(numerator);
  const d = BigInt(denominator);
  const r = n % d;
  let q = n / d; // truncates toward zero
  const absR = r < 0n ? -r : r;
  const absD = d < 0n ? -d : d;
  if (2n * absR >= absD) q += n < 0n !== d < 0n ? -1n : 1n;
  return toSafeNumber(q);
}

/** ceil(n / d) for d > 0, exact. */
function ceilDiv(n: bigint, d: bigint): bigint {
  const q = n / d;
  return n % d > 0n ? q + 1n : q;
}

const MONEY_RE = /^(-)?\s*[¥￥]?\s*(-)?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/;

/**
 * Parse what a clerk types or pastes: "1,234.5" → 123450, "¥12.34" → 1234, "-¥3.00" → -300.
 * Null for garbage, more than two decimals ("12.345"), misplaced thousands separators ("12,34")
 * or amounts beyond safe integers.
 */
export function parseMoney(text: string): number | null {
  const m = MONEY_RE.exec(text.trim());
  if (!m) return null;
  const [, signBefore, signAfter, whole, frac = ''] = m;
  if (signBefore && signAfter) return null;
  const fen = BigInt(whole.replace(/,/g, '')) * 100n + BigInt(frac.padEnd(2, '0'));
  const signed = signBefore || signAfter ? -fen : fen;
  if (signed > BigInt(Number.MAX_SAFE_INTEGER) || signed < BigInt(Number.MIN_SAFE_INTEGER)) return null;
  return Number(signed) + 0; // "-0" parses to 0, not -0
}

/** 123450 → "1,234.50"; with { symbol: true } → "¥1,234.50"; negatives put the sign first: "-¥3.00". */
export function formatMoney(fen: number, options: { symbol?: boolean } = {}): string {
  assertSafeInteger('fen', fen);
  const abs = Math.abs(fen);
  const yuan = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+$)/g, ',');
  const cents = String(abs % 100).padStart(2, '0');
  return `${fen < 0 ? '-' : ''}${options.symbol ? '¥' : ''}${yuan}.${cents}`;
}

export interface LineInput {
  /** In the product's unit; negative for return lines. */
  quantity: number;
  /** Tax-exclusive price per unit before the line discount, in fen. */
  unitPrice: number;
  /** 0..10000 */
  discountBp: number;
  /** ≥ 0, e.g. 1300 for 13% VAT. */
  taxRateBp: number;
}

export interface LineAmounts {
  /** Tax-exclusive, after discount. */
  amount: number;
  tax: number;
  total: number;
}

export interface OrderTotals {
  subtotal: number;
  taxTotal: number;
  total: number;
}

function assertDiscountBp(discountBp: number): void {
  assertSafeInteger('discountBp', discountBp);
  if (discountBp < 0 || discountBp > BP) throw new RangeError(`discountBp must be 0..${BP}, got ${discountBp}`);
}

export function lineAmounts(line: LineInput): LineAmounts {
  const { quantity, unitPrice, discountBp, taxRateBp } = line;
  assertSafeInteger('quantity', quantity);
  assertSafeInteger('unitPrice', unitPrice);
  assertDiscountBp(discountBp);
  assertSafeInteger('taxRateBp', taxRateBp);
  if (taxRateBp < 0) throw new RangeError(`taxRateBp must be ≥ 0, got ${taxRateBp}`);

  const amount = roundHalfUp(BigInt(quantity) * BigInt(unitPrice) * BigInt(BP - discountBp), BP);
  const tax = roundHalfUp(BigInt(amount) * BigInt(taxRateBp), BP);
  const total = amount + tax;
  assertSafeInteger('total', total);
  return { amount, tax, total };
}

export function sumTotals(lines: readonly LineAmounts[]): OrderTotals {
  let subtotal = 0;
  let taxTotal = 0;
  let total = 0;
  for (const l of lines) {
    subtotal += l.amount;
    taxTotal += l.tax;
    total += l.total;
  }
  assertSafeInteger('total', total);
  return { subtotal, taxTotal, total };
}

/** The per-unit price after a discount, rounded half up (for display; lines round once on the whole). */
export function discountedUnitPrice(listPrice: number, discountBp: number): number {
  assertSafeInteger('listPrice', listPrice);
  assertDiscountBp(discountBp);
  return roundHalfUp(BigInt(listPrice) * BigInt(BP - discountBp), BP);
}

/**
 * The discount (bp) a unit price represents against the list price, rounded up to a whole bp so
 * a price between two bp steps counts as the larger discount (authority limits stay safe).
 * A price above list gives a negative value (a mark-up). A list price of 0 gives 0.
 */
export function discountBpFor(listPrice: number, unitPrice: number): number {
  assertSafeInteger('listPrice', listPrice);
  assertSafeInteger('unitPrice', unitPrice);
  if (listPrice < 0) throw new RangeError(`listPrice must be ≥ 0, got ${listPrice}`);
  if (listPrice === 0) return 0;
  return toSafeNumber(ceilDiv((BigInt(listPrice) - BigInt(unitPrice)) * BigInt(BP), BigInt(listPrice))) + 0;
}
