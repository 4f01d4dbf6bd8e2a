/**
 * The review rules as pure functions: facts in, reasons out. The desk runs them on submit and the
 * hub re-runs them authoritatively with its own facts, so they read nothing but their arguments.
 */
import { BP, formatMoney } from '../money';

export type HoldKind = 'credit' | 'stock' | 'custom_review' | 'change_request';

export interface Reason {
  kind: HoldKind;
  code: string;
  params: Record<string, string | number>;
}

/** The hold kind a reason code files under. */
export function kindOfCode(code: string): HoldKind {
  if (code.startsWith('credit.')) return 'credit';
  if (code.startsWith('stock.')) return 'stock';
  if (code.startsWith('change.')) return 'change_request';
  return 'custom_review';
}

// ---------------------------------------------------------------------------------------- credit

export interface CreditFacts {
  paymentMethod: 'cash' | 'credit';
  /** Customer's credit limit (fen). */
  creditLimit: number;
  /** Sum of amount − paid over the customer's open settlements (fen). */
  unpaidSettlements: number;
  /** Totals of the customer's other approved-and-later orders not yet settled (fen). */
  openApprovedUnsettled: number;
  /** This order's total (fen). */
  orderTotal: number;
  /** Collected on settlements falling due in the last three months (fen). */
  paidLast3Months: number;
  /** Falling due in the last three months (fen). */
  dueLast3Months: number;
  /** Minimum collection rate in basis points (8000 = 80%). */
  thresholdBp: number;
}

/** Percent text with at most one decimal, from basis points: 6250 → "62.5", 8000 → "80". */
export function bpToPercent(bp: number): string {
  const tenths = Math.floor(bp / 10); // 1 bp = 0.01 %, one decimal shown, truncated (never rounds up to pass)
  return tenths % 10 === 0 ? String(tenths / 10) : (tenths / 10).toFixed(1);
}

/** paid ÷ due in basis points, truncated; null when nothing fell due (no history to judge). */
export function collectionRateBp(paid: number, due: number): number | null {
  if (due <= 0) return null;
  return Number((BigInt(Math.max(0, paid)) * BigInt(BP)) / BigInt(due));
}

/** Exposure = unpaid settlements + open approved orders not yet settled + this order. */
export function creditExposure(f: Pick<CreditFacts, 'unpaidSettlements' | 'openApprovedUnsettled' | 'orderTotal'>): number {
  return f.unpaidSettlements + f.openApprovedUnsettled + f.orderTotal;
}

/**
 * Credit check for credit orders; cash orders always pass. Each failing factor is its own reason:
 * - credit.overLimit when exposure exceeds the limit (exposure = limit passes);
 * - credit.lowCollection when paid ÷ due over the last three months is below the threshold;
 *   with nothing due in that window there is nothing to judge and the factor passes.
 */
export function creditCheck(f: CreditFacts): Reason[] {
  if (f.paymentMethod !== 'credit') return [];
  const reasons: Reason[] = [];
  const exposure = creditExposure(f);
  if (exposure > f.creditLimit) {
    const over = exposure - f.creditLimit;
    reasons.push({
      kind: 'credit',
      code: 'credit.overLimit',
      params: {
        exposure,
        limit: f.creditLimit,
        over,
        exposureText: formatMoney(exposure),
        limitText: formatMoney(f.creditLimit),
        overText: formatMoney(over),
      },
    });
  }
  const rate = collectionRateBp(f.paidLast3Months, f.dueLast3Months);
  if (rate !== null && rate < f.thresholdBp) {
    reasons.push({
      kind: 'credit',
      code: 'credit.lowCollection',
      params: {
        rateBp: rate,
        percent: bpToPercent(rate),
        thresholdBp: f.thresholdBp,
        thresholdPercent: bpToPercent(f.thresholdBp),
        paid: f.paidLast3Months,
        due: f.dueLast3Months,
      },
    });
  }
  return reasons;
}

// ----------------------------------------------------------------------------------------- stock

export interface StockLine {
  lineNo: number;
  productId: string;
  /** Null when no warehouse could be resolved: nothing is available. */
  warehouseId: string | null;
  /** Quantity still to reserve for this line. */
  quantity: number;
  /** For the readable reason; defaults to the product id. */
  sku?: string;
}

export interface StockFact {
  productId: string;
  warehouseId: string;
  onHand: number;
  allocated: number;
  inTransit: number;
  /** ISO date (or instant) the in-transit quantity is expected. */
  inTransitEta: string | null;
  /**
   * Owed by approved orders but not reserved yet (approved on in-transit stock): promised already,
   * so not available again. Default 0.
   */
  awaiting?: number;
}

export interface StockOptions {
  /** ISO date the order is promised for; in-transit counts only when it arrives before it. */
  promisedDate: string | null;
  countInTransit: boolean;
}

export interface StockLineResult {
  lineNo: number;
  productId: string;
  warehouseId: string | null;
  need: number;
  /** What the pool still offered when this line's turn came (never below 0). */
  available: number;
  /** need − available, or 0. */
  short: number;
}

export interface StockCheckResult {
  lines: StockLineResult[];
  reasons: Reason[];
}

/** The in-transit quantity that may count: setting on, an eta known and strictly before the promised date. */
export function countableInTransit(s: StockFact, o: StockOptions): number {
  if (!o.countInTransit || !o.promisedDate || !s.inTransitEta || s.inTransit <= 0) return 0;
  return s.inTransitEta.slice(0, 10) < o.promisedDate.slice(0, 10) ? s.inTransit : 0;
}

/**
 * Stock check per line and warehouse: available = on hand − allocated (+ countable in-transit
 * − what approved orders still await).
 * Lines of one product × warehouse draw from one pool in line order, so three lines of 5 against
 * 10 on hand leave the third one short. A short line takes what is left (for display only).
 */
export function stockCheck(lines: readonly StockLine[], stock: readonly StockFact[], options: StockOptions): StockCheckResult {
  const pools = new Map<string, { left: number }>();
  for (const s of stock) {
    const left = Math.max(0, s.onHand - s.allocated) + countableInTransit(s, options) - (s.awaiting ?? 0);
    pools.set(`${s.productId}|${s.warehouseId}`, { left: Math.max(0, left) });
  }
  const out: StockLineResult[] = [];
  const reasons: Reason[] = [];
  for (const line of [...lines].sort((a, b) => a.lineNo - b.lineNo)) {
    const pool = line.warehouseId ? pools.get(`${line.productId}|${line.warehouseId}`) : undefined;
    const available = pool ? Math.max(0, pool.left) : 0;
    const need = Math.max(0, line.quantity);
    const take = Math.min(need, available);
    if (pool) pool.left -= take;
    const short = need - take;
    out.push({ lineNo: line.lineNo, productId: line.productId, warehouseId: line.warehouseId, need, available, short });
    if (short > 0) {
      reasons.push({
        kind: 'stock',
        code: 'stock.short',
        params: { line: line.lineNo, sku: line.sku ?? line.productId, need, available, short },
      });
    }
  }
  return { lines: out, reasons };
}

// ---------------------------------------------------------------------------------------- custom

/** Orders with custom requirements wait for a person (and the customer's confirmation). */
export function customCheck(customFlag: boolean, customText: string | null): Reason[] {
  if (!customFlag) return [];
  const text = (customText ?? '').trim();
  return [{ kind: 'custom_review', code: 'review.customReview', params: { text: text.length > 80 ? `${text.slice(0, 80)}…` : text } }];
}
