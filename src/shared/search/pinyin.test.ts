import { describe, expect, it } from 'vitest';
import { hasCjk, isAllCjk, pinyinInitials } from './pinyin';

describe('pinyin initials', () => {
  it.each([
    ['北京市场', 'bjsc'],
    ['北京市场贸易有限公司', 'bjscmyyxgs'],
    ['重庆火锅', 'cqhg'],
    ['中国银行', 'zgyh'],
    ['3M胶带', '3mjd'],
    ['不锈钢螺丝 M6', 'bxglsm6'],
    ['ＡＢＣ有限公司', 'abcyxgs'],
    ['上海（华东）仓-1', 'shhdc1'],
    ['', ''],
    ['---', ''],
  ])('%s → %s', (name, initials) => {
    expect(pinyinInitials(name)).toBe(initials);
  });

  it('is lower-case and deterministic (mutators rely on it)', () => {
    const a = pinyinInitials('杭州仓ABC');
    expect(a).toBe('hzcabc');
    expect(pinyinInitials('杭州仓ABC')).toBe(a);
  });

  it('tells CJK text apart', () => {
    expect(hasCjk('A北')).toBe(true);
    expect(hasCjk('abc')).toBe(false);
    expect(isAllCjk('北京')).toBe(true);
    expect(isAllCjk('北A')).toBe(false);
    expect(isAllCjk('')).toBe(false);
  });
});
