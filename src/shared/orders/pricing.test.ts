import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BP } from '../money';
import { discountIssues, effectiveDiscountBp, minimumPrice, priceLine } from './pricing';

describe('line pricing', () => {
  it('takes the price-group price, else the list price, unless the clerk typed one', () => {
    const product = { listPrice: 1250, taxRateBp: 1300, groupPrice: 1100 };
    expect(priceLine({ quantity: 10, discountBp: 0 }, product)).toMatchObject({
      unitPrice: 1100,
      referencePrice: 1100,
      priceManual: false,
      amount: 11000,
      tax: 1430,
      total: 12430,
    });
    expect(priceLine({ quantity: 10, discountBp: 0 }, { ...product, groupPrice: null })).toMatchObject({ unitPrice: 1250 });
    expect(priceLine({ quantity: 3, unitPrice: 999, discountBp: 500 }, product)).toMatchObject({
      unitPrice: 999,
      priceManual: true,
      // 3 × 9.99 × 0.95 = 28.4715 → 28.47
      amount: 2847,
    });
  });

  it('measures the effective discount of price and line discount together, rounding up', () => {
    expect(effectiveDiscountBp(1000, 1000, 0)).toBe(0);
    expect(effectiveDiscountBp(1000, 900, 0)).toBe(1000);
    expect(effectiveDiscountBp(1000, 1000, 1000)).toBe(1000);
    // 900 × 0.9 = 810 → 19%
    expect(effectiveDiscountBp(1000, 900, 1000)).toBe(1900);
    // 11.24 against 12.50 is 10.08% off; 0.02 against 0.03 is 33.33…% off → rounded up to 3334 bp.
    expect(effectiveDiscountBp(1250, 1124, 0)).toBe(1008);
    expect(effectiveDiscountBp(1000, 333, 0)).toBe(6670);
    expect(effectiveDiscountBp(3, 2, 0)).toBe(3334);
    expect(effectiveDiscountBp(1000, 1200, 0)).toBe(-2000);
    expect(effectiveDiscountBp(0, 100, 0)).toBe(0);
  });

  it('never lets a price through that is below reference × (1 − limit)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: BP }),
        fc.integer({ min: 0, max: BP }),
        (reference, unitPrice, discountBp, limitBp) => {
          const issues = discountIssues(
            [{ referencePrice: reference, unitPrice, discountBp, priceManual: true, quantity: 1 }],
            limitBp,
            'clerk',
          );
          // Exact rational comparison: refused iff unitPrice × (1 − d) < reference × (1 − limit).
          const below = BigInt(unitPrice) * BigInt(BP - discountBp) < BigInt(reference) * BigInt(BP - limitBp);
          expect(issues.length === 1).toBe(below);
          expect(minimumPrice(reference, limitBp) * BP).toBeGreaterThanOrEqual(reference * (BP - limitBp));
        },
      ),
    );
  });

  it('names the field and the limit in the error', () => {
    const issues = discountIssues(
      [
        { referencePrice: 1000, unitPrice: 1000, discountBp: 0, priceManual: false, quantity: 1 },
        { referencePrice: 1000, unitPrice: 850, discountBp: 0, priceManual: true, quantity: 1 },
        { referencePrice: 1000, unitPrice: 1000, discountBp: 2000, priceManual: false, quantity: 1 },
      ],
      1000,
      'clerk',
    );
    expect(issues).toEqual([
      {
        path: 'lines.1.unitPrice',
        code: 'order.discountTooDeep',
        params: { max: 10, role: 'clerk', given: 15, minPrice: 900, minPriceText: '9.00' },
      },
      {
        path: 'lines.2.discountBp',
        code: 'order.discountTooDeep',
        params: { max: 10, role: 'clerk', given: 20, minPrice: 900, minPriceText: '9.00' },
      },
    ]);
  });
});
