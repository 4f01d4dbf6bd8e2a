import { describe, expect, it } from 'vitest';
import { bestOf, type StockChoice } from './allocation';

const row = (warehouse: string, code: string, onHand: number, allocated: number, active = 1, product = 'p1'): StockChoice => ({
  product_id: product,
  warehouse_id: warehouse,
  on_hand: onHand,
  allocated,
  warehouse_code: code,
  warehouse_active: active,
});

describe('the warehouse a line without one draws from', () => {
  it('is the active one with the most available (on hand − allocated)', () => {
    // WH-A holds more on hand but most of it is reserved: 30 − 25 = 5 < WH-B's 12 − 0.
    expect(bestOf([row('a', 'WH-A', 30, 25), row('b', 'WH-B', 12, 0)], 'p1')).toBe('b');
  });
  it('skips inactive warehouses however much they hold, and other products', () => {
    expect(bestOf([row('a', 'WH-A', 100, 0, 0), row('b', 'WH-B', 3, 0), row('c', 'WH-C', 50, 0, 1, 'p2')], 'p1')).toBe('b');
  });
  it('breaks a tie by warehouse code', () => {
    expect(bestOf([row('z', 'WH-Z', 10, 2), row('m', 'WH-M', 9, 1)], 'p1')).toBe('m');
  });
  it('is none when no active warehouse stocks the product', () => {
    expect(bestOf([row('a', 'WH-A', 10, 0, 0)], 'p1')).toBeNull();
    expect(bestOf([], 'p1')).toBeNull();
  });
});
