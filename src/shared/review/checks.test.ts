import { describe, expect, it } from 'vitest';
import {
  bpToPercent,
  collectionRateBp,
  countableInTransit,
  creditCheck,
  customCheck,
  kindOfCode,
  stockCheck,
  type CreditFacts,
  type StockFact,
  type StockLine,
} from './checks';

const base: CreditFacts = {
  paymentMethod: 'credit',
  creditLimit: 100_000_00,
  unpaidSettlements: 0,
  openApprovedUnsettled: 0,
  orderTotal: 10_000_00,
  paidLast3Months: 0,
  dueLast3Months: 0,
  thresholdBp: 8000,
};

// name, facts, expected codes
const CREDIT: [string, Partial<CreditFacts>, string[]][] = [
  ['well inside the limit, no history', {}, []],
  ['exposure exactly at the limit passes', { unpaidSettlements: 60_000_00, openApprovedUnsettled: 30_000_00 }, []],
  ['one fen over the limit', { unpaidSettlements: 60_000_00, openApprovedUnsettled: 30_000_01 }, ['credit.overLimit']],
  ['this order alone over the limit', { orderTotal: 100_000_01 }, ['credit.overLimit']],
  ['zero limit holds every credit order', { creditLimit: 0 }, ['credit.overLimit']],
  ['cash orders always pass', { paymentMethod: 'cash', creditLimit: 0, paidLast3Months: 0, dueLast3Months: 100 }, []],
  ['no due in three months: collection passes', { paidLast3Months: 0, dueLast3Months: 0 }, []],
  ['collection exactly at threshold passes', { paidLast3Months: 80_00, dueLast3Months: 100_00 }, []],
  ['collection just below threshold', { paidLast3Months: 79_99, dueLast3Months: 100_00 }, ['credit.lowCollection']],
  ['nothing paid of what fell due', { paidLast3Months: 0, dueLast3Months: 1 }, ['credit.lowCollection']],
  ['overpaid counts as full', { paidLast3Months: 200, dueLast3Months: 100 }, []],
  ['threshold 0 never fails collection', { paidLast3Months: 0, dueLast3Months: 100, thresholdBp: 0 }, []],
  [
    'both factors fail: two reasons',
    { unpaidSettlements: 95_000_00, paidLast3Months: 10_00, dueLast3Months: 100_00 },
    ['credit.overLimit', 'credit.lowCollection'],
  ],
];

describe('creditCheck', () => {
  it.each(CREDIT)('%s', (_name, facts, codes) => {
    const reasons = creditCheck({ ...base, ...facts });
    expect(reasons.map((r) => r.code)).toEqual(codes);
    for (const r of reasons) expect(r.kind).toBe('credit');
  });

  it('says by how much the limit is exceeded', () => {
    const [r] = creditCheck({ ...base, creditLimit: 50_000_00, unpaidSettlements: 20_000_00, openApprovedUnsettled: 25_000_00 });
    expect(r.params).toMatchObject({ exposure: 55_000_00, limit: 50_000_00, over: 5_000_00, overText: '5,000.00', limitText: '50,000.00' });
  });

  it('gives the rate and the threshold as percentages', () => {
    const [r] = creditCheck({ ...base, paidLast3Months: 625, dueLast3Months: 1000 });
    expect(r.params).toMatchObject({ rateBp: 6250, percent: '62.5', thresholdPercent: '80', paid: 625, due: 1000 });
  });
});

describe('collection rate helpers', () => {
  it.each([
    [0, 0, null],
    [0, 100, 0],
    [1, 3, 3333],
    [2, 3, 6666],
    [100, 100, 10000],
  ] as const)('paid %i of due %i → %s bp', (paid, due, bp) => {
    expect(collectionRateBp(paid, due)).toBe(bp);
  });

  it.each([
    [8000, '80'],
    [6250, '62.5'],
    [3333, '33.3'],
    [0, '0'],
    [10000, '100'],
    [7999, '79.9'],
  ] as const)('%i bp reads %s%%', (bp, text) => {
    expect(bpToPercent(bp)).toBe(text);
  });
});

const S = (productId: string, warehouseId: string, onHand: number, allocated = 0, inTransit = 0, eta: string | null = null): StockFact => ({
  productId,
  warehouseId,
  onHand,
  allocated,
  inTransit,
  inTransitEta: eta,
});
const L = (lineNo: number, productId: string, warehouseId: string | null, quantity: number): StockLine => ({
  lineNo,
  productId,
  warehouseId,
  quantity,
  sku: `SKU-${productId}`,
});
const noTransit = { promisedDate: '2026-12-10', countInTransit: false };

// name, lines, stock, options, expected shorts per line
const STOCK: [string, StockLine[], StockFact[], { promisedDate: string | null; countInTransit: boolean }, number[]][] = [
  ['enough on hand', [L(1, 'p', 'w', 5)], [S('p', 'w', 10)], noTransit, [0]],
  ['exactly what is available', [L(1, 'p', 'w', 10)], [S('p', 'w', 10)], noTransit, [0]],
  ['allocated stock is not available', [L(1, 'p', 'w', 5)], [S('p', 'w', 10, 6)], noTransit, [1]],
  ['three lines of 5 against 10: the third is short', [L(1, 'p', 'w', 5), L(2, 'p', 'w', 5), L(3, 'p', 'w', 5)], [S('p', 'w', 10)], noTransit, [0, 0, 5]],
  ['pool per warehouse: other warehouse untouched', [L(1, 'p', 'w', 10), L(2, 'p', 'v', 10)], [S('p', 'w', 10), S('p', 'v', 10)], noTransit, [0, 0]],
  ['pool per product', [L(1, 'p', 'w', 10), L(2, 'q', 'w', 10)], [S('p', 'w', 10), S('q', 'w', 5)], noTransit, [0, 5]],
  ['no stock row: nothing available', [L(1, 'p', 'w', 1)], [], noTransit, [1]],
  ['no warehouse: nothing available', [L(1, 'p', null, 1)], [S('p', 'w', 10)], noTransit, [1]],
  ['zero still to reserve passes', [L(1, 'p', 'w', 0)], [], noTransit, [0]],
  ['in-transit ignored when the setting is off', [L(1, 'p', 'w', 8)], [S('p', 'w', 5, 0, 10, '2026-12-01')], noTransit, [3]],
  [
    'in-transit counted when on and arriving before the promised date',
    [L(1, 'p', 'w', 8)],
    [S('p', 'w', 5, 0, 10, '2026-12-01')],
    { promisedDate: '2026-12-10', countInTransit: true },
    [0],
  ],
  [
    'in-transit arriving on the promised date does not count',
    [L(1, 'p', 'w', 8)],
    [S('p', 'w', 5, 0, 10, '2026-12-10')],
    { promisedDate: '2026-12-10', countInTransit: true },
    [3],
  ],
  [
    'in-transit without a promised date does not count',
    [L(1, 'p', 'w', 8)],
    [S('p', 'w', 5, 0, 10, '2026-12-01')],
    { promisedDate: null, countInTransit: true },
    [3],
  ],
  [
    'over-allocated stock (never written, but read defensively) offers 0',
    [L(1, 'p', 'w', 1)],
    [S('p', 'w', 5, 7)],
    noTransit,
    [1],
  ],
  [
    'what approved orders await comes off the pool',
    [L(1, 'p', 'w', 8)],
    [{ ...S('p', 'w', 5, 5, 10, '2026-12-01'), awaiting: 3 }],
    { promisedDate: '2026-12-10', countInTransit: true },
    [1],
  ],
  ['lines are taken in line order, whatever the input order', [L(2, 'p', 'w', 6), L(1, 'p', 'w', 6)], [S('p', 'w', 10)], noTransit, [0, 2]],
];

describe('stockCheck', () => {
  it.each(STOCK)('%s', (_name, lines, stock, options, shorts) => {
    const result = stockCheck(lines, stock, options);
    expect(result.lines.map((l) => l.short)).toEqual(shorts);
    expect(result.reasons.map((r) => r.params.line)).toEqual(result.lines.filter((l) => l.short > 0).map((l) => l.lineNo));
    for (const l of result.lines) {
      expect(l.available).toBeGreaterThanOrEqual(0);
      expect(l.short).toBe(Math.max(0, l.need - l.available));
    }
  });

  it('the short reason names the line, the SKU, the need and what was available', () => {
    const { reasons, lines } = stockCheck([L(1, 'p', 'w', 5), L(2, 'p', 'w', 5), L(3, 'p', 'w', 5)], [S('p', 'w', 10)], noTransit);
    expect(lines.map((l) => l.available)).toEqual([10, 5, 0]);
    expect(reasons).toEqual([{ kind: 'stock', code: 'stock.short', params: { line: 3, sku: 'SKU-p', need: 5, available: 0, short: 5 } }]);
  });

  it('countableInTransit compares dates, not instants', () => {
    const fact = S('p', 'w', 0, 0, 4, '2026-12-09T23:00:00.000Z');
    expect(countableInTransit(fact, { promisedDate: '2026-12-10', countInTransit: true })).toBe(4);
    expect(countableInTransit(fact, { promisedDate: '2026-12-09', countInTransit: true })).toBe(0);
  });
});

describe('customCheck and kinds', () => {
  it.each([
    [false, 'engraving', []],
    [true, null, ['review.customReview']],
    [true, '刻字：欢迎光临', ['review.customReview']],
  ] as const)('custom flag %s / %s', (flag, text, codes) => {
    const reasons = customCheck(flag, text);
    expect(reasons.map((r) => r.code)).toEqual(codes);
    for (const r of reasons) expect(r.kind).toBe('custom_review');
  });

  it('clips long custom text in the reason', () => {
    const [r] = customCheck(true, 'x'.repeat(200));
    expect(String(r.params.text).length).toBe(81);
  });

  it.each([
    ['credit.overLimit', 'credit'],
    ['credit.lowCollection', 'credit'],
    ['stock.short', 'stock'],
    ['review.customReview', 'custom_review'],
    ['change.request', 'change_request'],
  ] as const)('%s files under %s', (code, kind) => {
    expect(kindOfCode(code)).toBe(kind);
  });
});
