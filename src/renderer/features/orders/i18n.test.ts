import { describe, expect, it } from 'vitest';
import { ordersText } from './i18n';

describe('order screen text', () => {
  it('says everything in both languages, under the orders. prefix', () => {
    const zh = Object.keys(ordersText['zh-CN']).sort();
    const en = Object.keys(ordersText.en).sort();
    expect(en).toEqual(zh);
    expect(zh.filter((k) => !k.startsWith('orders.'))).toEqual([]);
  });
});
