import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  discountBpFor,
  discountedUnitPrice,
  formatMoney,
  lineAmounts,
  parseMoney,
  roundHalfUp,
  sumTotals,
} from './money';

describe('roundHalfUp', () => {
  it.each([
    [5, 2, 3],
    [-5, 2, -3],
    [5, -2, -3],
    [-5, -2, 3],
    [25, 10, 3], // half away from zero, not to even
    [-25, 10, -3],
    [15, 10, 2],
    [4, 3, 1],
    [5, 3, 2],
    [-4, 3, -1],
    [-5, 3, -2],
    [1, 3, 0],
    [0, 7, 0],
    [56_971_500, 10_000, 5697],
  ])('%i / %i → %i', (n, d, expected) => {
    expect(roundHalfUp(n, d)).toBe(expected);
  });

  it('never returns -0', () => {
    expect(Object.is(roundHalfUp(-1, 3), 0)).toBe(true);
    expect(Object.is(roundHalfUp(-1, -3), 0)).toBe(true);
  });

  it('is exact beyond 2^53 with bigint input', () => {
    // 9007199254740990.5 as a float would already be 9007199254740990 or ...992.
    expect(roundHalfUp(9_007_199_254_740_990n * 10_000n + 5_000n, 10_000n)).toBe(9_007_199_254_740_991);
    expect(roundHalfUp(9_007_199_254_740_990n * 10_000n + 4_999n, 10_000n)).toBe(9_007_199_254_740_990);
    expect(() => roundHalfUp(9_007_199_254_740_991n * 10_000n + 5_000n, 10_000n)).toThrow(RangeError);
  });

  it('rejects bad arguments', () => {
    expect(() => roundHalfUp(1, 0)).toThrow(RangeError);
    expect(() => roundHalfUp(1n, 0n)).toThrow(RangeError);
    expect(() => roundHalfUp(1.5, 2)).toThrow(RangeError);
    expect(() => roundHalfUp(2 ** 53, 2)).toThrow(RangeError);
  });

  it('agrees with the BigInt path on safe integers', () => {
    fc.assert(
      fc.property(
        fc.maxSafeInteger(),
        fc.maxSafeInteger().filter((d) => d !== 0),
        (n, d) => roundHalfUp(n, d) === roundHalfUp(BigInt(n), BigInt(d)),
      ),
    );
  });
});

describe('parseMoney', () => {
  it.each([
    ['1,234.5', 123450],
    ['¥12.34', 1234],
    ['￥12.34', 1234], // full-width yen sign from a Chinese IME
    ['¥ 1,000', 100000],
    [' 1234 ', 123400],
    ['1,234,567.89', 123456789],
    ['0.05', 5],
    ['0.5', 50],
    ['7', 700],
    ['-3', -300],
    ['-¥3.00', -300],
    ['¥-3.00', -300],
    ['90071992547409.91', Number.MAX_SAFE_INTEGER],
  ])('%j → %i', (text, fen) => {
    expect(parseMoney(text)).toBe(fen);
  });

  it('"-0" is 0, not -0', () => {
    expect(Object.is(parseMoney('-0'), 0)).toBe(true);
  });

  it.each([
    '12.345', // more than two decimals
    '12,34', // misplaced thousands separator
    '1234,567',
    ',123',
    '12.',
    '.5',
    '1e3',
    '--3',
    '-¥-3',
    '1.2.3',
    '12 34',
    'abc',
    '¥',
    '',
    '90071992547409.92', // beyond safe integers
  ])('%j → null', (text) => {
    expect(parseMoney(text)).toBeNull();
  });
});

describe('formatMoney', () => {
  it.each([
    [123450, {}, '1,234.50'],
    [123450, { symbol: true }, '¥1,234.50'],
    [-300, { symbol: true }, '-¥3.00'],
    [-300, {}, '-3.00'],
    [0, { symbol: true }, '¥0.00'],
    [5, {}, '0.05'],
    [-5, {}, '-0.05'],
    [999, {}, '9.99'],
    [100000, {}, '1,000.00'],
    [99999, {}, '999.99'],
    [12345678901, {}, '123,456,789.01'],
    [Number.MAX_SAFE_INTEGER, {}, '90,071,992,547,409.91'],
  ])('%i %j → %s', (fen, options, text) => {
    expect(formatMoney(fen, options)).toBe(text);
  });

  it('rejects non-integers', () => {
    expect(() => formatMoney(12.5)).toThrow(RangeError);
    expect(() => formatMoney(Number.NaN)).toThrow(RangeError);
  });

  it('parseMoney reads back what formatMoney writes', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.boolean(), (fen, symbol) => parseMoney(formatMoney(fen, { symbol })) === fen),
    );
  });
});

describe('lineAmounts', () => {
  it.each([
    // 3 × ¥19.99, 5% off, 13% VAT: 5697.15 → 5697; tax 740.61 → 741
    [{ quantity: 3, unitPrice: 1999, discountBp: 500, taxRateBp: 1300 }, { amount: 5697, tax: 741, total: 6438 }],
    [{ quantity: 1, unitPrice: 1000, discountBp: 0, taxRateBp: 1300 }, { amount: 1000, tax: 130, total: 1130 }],
    // Rounded once on the line: 3 × (333 × 0.9) = 899.1 → 899, not 3 × round(299.7) = 900.
    [{ quantity: 3, unitPrice: 333, discountBp: 1000, taxRateBp: 600 }, { amount: 899, tax: 54, total: 953 }],
    // Halves round away from zero: 52.5 → 53 and tax 6.5 → 7.
    [{ quantity: 1, unitPrice: 105, discountBp: 5000, taxRateBp: 0 }, { amount: 53, tax: 0, total: 53 }],
    [{ quantity: 1, unitPrice: 50, discountBp: 0, taxRateBp: 1300 }, { amount: 50, tax: 7, total: 57 }],
    // A return line mirrors the sale.
    [{ quantity: -1, unitPrice: 105, discountBp: 5000, taxRateBp: 0 }, { amount: -53, tax: 0, total: -53 }],
    [{ quantity: -1, unitPrice: 50, discountBp: 0, taxRateBp: 1300 }, { amount: -50, tax: -7, total: -57 }],
    // 100% discount (a free sample).
    [{ quantity: 10, unitPrice: 2500, discountBp: 10000, taxRateBp: 1300 }, { amount: 0, tax: 0, total: 0 }],
    // quantity × price × (10000 − bp) ≈ 10^19 exceeds 2^53; BigInt keeps it exact.
    [
      { quantity: 1_000_000, unitPrice: 999_999_999, discountBp: 1, taxRateBp: 1300 },
      { amount: 999_899_999_000_100, tax: 129_986_999_870_013, total: 1_129_886_998_870_113 },
    ],
  ])('%j → %j', (line, expected) => {
    expect(lineAmounts(line)).toEqual(expected);
  });

  it.each([
    { quantity: 1.5, unitPrice: 100, discountBp: 0, taxRateBp: 0 },
    { quantity: 1, unitPrice: 99.9, discountBp: 0, taxRateBp: 0 },
    { quantity: 1, unitPrice: 100, discountBp: -1, taxRateBp: 0 },
    { quantity: 1, unitPrice: 100, discountBp: 10001, taxRateBp: 0 },
    { quantity: 1, unitPrice: 100, discountBp: 0, taxRateBp: -1300 },
  ])('rejects %j', (line) => {
    expect(() => lineAmounts(line)).toThrow(RangeError);
  });

  const lineArb = fc.record({
    quantity: fc.integer({ min: -10_000, max: 100_000 }),
    unitPrice: fc.integer({ min: 0, max: 100_000_000 }),
    discountBp: fc.integer({ min: 0, max: 10_000 }),
    taxRateBp: fc.constantFrom(0, 300, 600, 900, 1300),
  });

  it('order totals are the sums of the line figures, and add up', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 50 }), (inputs) => {
        const lines = inputs.map(lineAmounts);
        const totals = sumTotals(lines);
        for (const l of lines) {
          expect(Number.isInteger(l.amount) && Number.isInteger(l.tax) && Number.isInteger(l.total)).toBe(true);
          expect(l.total).toBe(l.amount + l.tax);
        }
        expect(totals.total).toBe(lines.reduce((s, l) => s + l.total, 0));
        expect(totals.subtotal).toBe(lines.reduce((s, l) => s + l.amount, 0));
        expect(totals.subtotal + totals.taxTotal).toBe(totals.total);
        expect(Number.isInteger(totals.total)).toBe(true);
      }),
    );
  });

  it('a return line is the exact negative of the sale', () => {
    fc.assert(
      fc.property(lineArb, (line) => {
        const sale = lineAmounts(line);
        const ret = lineAmounts({ ...line, quantity: -line.quantity });
        expect(ret).toEqual({ amount: -sale.amount + 0, tax: -sale.tax + 0, total: -sale.total + 0 });
      }),
    );
  });

  it('the line amount is within half a fen of the exact value', () => {
    fc.assert(
      fc.property(lineArb, (line) => {
        const { amount } = lineAmounts(line);
        const exact2 = 2n * BigInt(line.quantity) * BigInt(line.unitPrice) * BigInt(10_000 - line.discountBp);
        const diff = BigInt(amount) * 20_000n - exact2; // both ×20000
        expect(diff <= 10_000n && diff >= -10_000n).toBe(true);
      }),
    );
  });
});

describe('sumTotals', () => {
  it('adds the lines of a real order', () => {
    const lines = [
      lineAmounts({ quantity: 3, unitPrice: 1999, discountBp: 500, taxRateBp: 1300 }),
      lineAmounts({ quantity: 1, unitPrice: 1000, discountBp: 0, taxRateBp: 1300 }),
      lineAmounts({ quantity: 3, unitPrice: 333, discountBp: 1000, taxRateBp: 600 }),
    ];
    expect(sumTotals(lines)).toEqual({ subtotal: 5697 + 1000 + 899, taxTotal: 741 + 130 + 54, total: 6438 + 1130 + 953 });
  });

  it('an empty order totals zero', () => {
    expect(sumTotals([])).toEqual({ subtotal: 0, taxTotal: 0, total: 0 });
  });
});

describe('discounts', () => {
  it.each([
    [1999, 500, 1899], // 1899.05
    [105, 5000, 53], // 52.5
    [1000, 0, 1000],
    [1000, 10000, 0],
  ])('discountedUnitPrice(%i, %i) = %i', (list, bp, price) => {
    expect(discountedUnitPrice(list, bp)).toBe(price);
  });

  it.each([
    [1000, 900, 1000],
    [1999, 1899, 501], // 500.25 bp rounds up
    [3, 2, 3334], // 3333.33 bp
    [1000, 1000, 0],
    [1000, 0, 10000],
    [1000, 1100, -1000], // a mark-up
    [3, 4, -3333], // -3333.33 rounds up toward zero
    [0, 0, 0],
  ])('discountBpFor(%i, %i) = %i', (list, unit, bp) => {
    expect(discountBpFor(list, unit)).toBe(bp);
  });

  it('discountBpFor is the smallest whole bp whose exact price is at or below the unit price', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000_000 }).chain((list) => fc.tuple(fc.constant(list), fc.integer({ min: 0, max: list }))),
        ([list, unit]) => {
          const bp = discountBpFor(list, unit);
          expect(bp).toBeGreaterThanOrEqual(0);
          expect(bp).toBeLessThanOrEqual(10_000);
          expect(BigInt(list) * BigInt(10_000 - bp) <= BigInt(unit) * 10_000n).toBe(true);
          expect(BigInt(list) * BigInt(10_000 - (bp - 1)) > BigInt(unit) * 10_000n).toBe(true);
          expect(discountedUnitPrice(list, bp)).toBeLessThanOrEqual(unit);
        },
      ),
    );
  });
});
