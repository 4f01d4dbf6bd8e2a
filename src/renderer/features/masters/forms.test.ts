import { describe, expect, it } from 'vitest';
import { bpText, parsePercentBp, parseWhole, parseYuan, shiftRowPaths, yuanText } from './forms';

describe('what the clerk types, as the desk stores it', () => {
  it.each([
    ['1,234.50', 123450],
    ['¥80000', 8_000_000],
    ['0.1', 10],
    ['', undefined],
  ])('yuan %j is %j fen', (text, fen) => expect(parseYuan(text).value).toBe(fen));

  it.each(['12.345', '-5', 'abc'])('yuan %j is refused as an amount', (text) => expect(parseYuan(text).issue?.code).toBe('v.money'));

  it('shows fen back without thousands separators, ready to edit', () => {
    expect(yuanText(123450)).toBe('1234.50');
    expect(yuanText(0)).toBe('0.00');
  });

  it.each([
    ['13', 1300],
    ['13%', 1300],
    ['6.5', 650],
    ['0', 0],
  ])('tax rate %j is %j basis points', (text, bp) => expect(parsePercentBp(text).value).toBe(bp));

  it('reads basis points back as the percent typed', () => {
    expect(bpText(1300)).toBe('13');
    expect(bpText(650)).toBe('6.5');
    expect(bpText(925)).toBe('9.25');
  });

  it('takes signed whole numbers only where a sign means something (adjustments)', () => {
    expect(parseWhole('-3', 'v.quantity', true).value).toBe(-3);
    expect(parseWhole('-3', 'v.quantity').issue?.code).toBe('v.quantity');
    expect(parseWhole('2.5').issue?.code).toBe('v.type');
  });

  it('moves the errors of later rows up when a row is removed', () => {
    const errors = { 'addresses.0.phone': 'a', 'addresses.1.phone': 'b', 'addresses.2.city': 'c', code: 'd', 'contacts.1.name': 'e' };
    expect(shiftRowPaths(errors, 'addresses', 1)).toEqual({ 'addresses.0.phone': 'a', 'addresses.1.city': 'c', code: 'd', 'contacts.1.name': 'e' });
  });
});
