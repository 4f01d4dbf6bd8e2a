/**
 * Line pricing and the per-role discount limit. Amounts follow money.ts (one rounding per line,
 * order totals are sums of the lines); nothing here trusts an amount sent by the screen.
 *
 * The reference price of a line is the customer's price-group price for the product, else its
 * list price. The discount a role may give is measured against that reference, so a price group
 * agreed by a manager does not by itself count as a clerk's discount. The effective discount of a
 * line combines a typed unit price and the line's discountBp.
 */
import { BP, formatMoney, lineAmounts, roundHalfUp, sumTotals, type LineAmounts, type OrderTotals } from '../money';
import type { FieldError } from '../errors';
import type { Role } from '../roles';

export interface ProductPriceFacts {
  listPrice: number;
  taxRateBp: number;
  /** The customer's price-group price for this product, if any. */
  groupPrice: number | null;
}

export interface LinePriceInput {
  quantity: number;
  /** Typed by the clerk; null/undefined → the reference price. */
  unitPrice?: number | null;
  discountBp: number;
}

export interface PricedLine extends LineAmounts {
  quantity: number;
  listPrice: number;
  /** Group price, else list price. */
  referencePrice: number;
  unitPrice: number;
  priceManual: boolean;
  discountBp: number;
  taxRateBp: number;
}

export function priceLine(line: LinePriceInput, product: ProductPriceFacts): PricedLine {
  const referencePrice = product.groupPrice ?? product.listPrice;
  const priceManual = line.unitPrice != null;
  const unitPrice = line.unitPrice ?? referencePrice;
  const amounts = lineAmounts({
    quantity: line.quantity,
    unitPrice,
    discountBp: line.discountBp,
    taxRateBp: product.taxRateBp,
  });
  return Object.assign({}, amounts, {
    quantity: line.quantity,
    listPrice: product.listPrice,
    referencePrice,
    unitPrice,
    priceManual,
    discountBp: line.discountBp,
    taxRateBp: product.taxRateBp,
  });
}

export function orderTotals(lines: readonly LineAmounts[]): OrderTotals {
  return sumTotals(lines);
}

/** ceil(n / d) for d > 0, exact on bigint, correct for negative n. */
function ceilDiv(n: bigint, d: bigint): bigint {
  const q = n / d;
  return n % d > 0n ? q + 1n : q;
}

/**
 * The discount (bp) of the line's effective price unitPrice × (1 − discountBp) against the
 * reference price, rounded up to a whole bp (a price between two steps counts as the larger
 * discount, so limits stay safe). Negative for a mark-up; 0 when the reference is 0.
 */
export function effectiveDiscountBp(referencePrice: number, unitPrice: number, discountBp: number): number {
  if (referencePrice <= 0) return 0;
  const ref = BigInt(referencePrice);
  const numerator = ref * BigInt(BP) - BigInt(unitPrice) * BigInt(BP - discountBp);
  return Number(ceilDiv(numerator, ref)) + 0;
}

/** The lowest effective unit price (fen) a limit allows: reference × (1 − limit), rounded up. */
export function minimumPrice(referencePrice: number, limitBp: number): number {
  return Number(ceilDiv(BigInt(referencePrice) * BigInt(BP - limitBp), BigInt(BP)));
}

function percent(bp: number): number {
  return bp / 100;
}

/**
 * Field errors `order.discountTooDeep` for lines whose effective discount exceeds the role's
 * limit. The path names the field that made the discount: the unit price when the clerk typed one
 * (or gave no line discount), else the line discount.
 */
export function discountIssues(
  lines: readonly Pick<PricedLine, 'referencePrice' | 'unitPrice' | 'discountBp' | 'priceManual' | 'quantity'>[],
  limitBp: number,
  role: Role | null,
): FieldError[] {
  const issues: FieldError[] = [];
  lines.forEach((line, i) => {
    const given = effectiveDiscountBp(line.referencePrice, line.unitPrice, line.discountBp);
    if (given <= limitBp) return;
    const field = !line.priceManual && line.discountBp > 0 ? 'discountBp' : 'unitPrice';
    const minPrice = minimumPrice(line.referencePrice, limitBp);
    issues.push({
      path: `lines.${i}.${field}`,
      code: 'order.discountTooDeep',
      params: {
        max: percent(limitBp),
        role: role ?? 'none',
        given: percent(given),
        minPrice,
        minPriceText: formatMoney(minPrice),
      },
    });
  });
  return issues;
}

/** The effective unit price after the line discount, for display (rounded half up). */
export function netUnitPrice(unitPrice: number, discountBp: number): number {
  return roundHalfUp(BigInt(unitPrice) * BigInt(BP - discountBp), BP);
}
