import { describe, expect, it } from 'vitest';
import { capitalAmount } from './capital';

describe('amounts in Chinese capitals (大写金额)', () => {
  it.each([
    [1234567, '壹万贰仟叁佰肆拾伍元陆角柒分'],
    [168032, '壹仟陆佰捌拾元零叁角贰分'],
    [0, '零元整'],
    [100, '壹元整'],
    [1000, '壹拾元整'],
    [150, '壹元伍角整'],
    [105, '壹元零伍分'],
    [5, '伍分'],
    [50, '伍角整'],
    [55, '伍角伍分'],
    [101000, '壹仟零壹拾元整'],
    [100500, '壹仟零伍元整'],
    [10010000, '壹拾万零壹佰元整'],
    [10700053, '壹拾万柒仟元零伍角叁分'],
    [100000000, '壹佰万元整'],
    [1200000000, '壹仟贰佰万元整'],
    [10000000100, '壹亿零壹元整'],
    [10001000000, '壹亿零壹万元整'],
    [10000001000000, '壹仟亿零壹万元整'],
    [-2550, '负贰拾伍元伍角整'],
  ])('%i fen → %s', (fen, text) => {
    expect(capitalAmount(fen)).toBe(text);
  });

  it('a group of four digits with zeros inside reads one 零 per run', () => {
    expect(capitalAmount(1_000_100)).toBe('壹万零壹元整');
    expect(capitalAmount(1_000_000_100)).toBe('壹仟万零壹元整');
  });

  it('refuses what is not a whole number of fen', () => {
    expect(() => capitalAmount(1.5)).toThrow(RangeError);
  });
});
