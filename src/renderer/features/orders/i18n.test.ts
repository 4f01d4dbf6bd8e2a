import { describe, expect, it } from 'vitest';
import { ordersText } from './i18n';

describe('order screen text', () => {
  it('says everything in both languages, under the orders. prefix', () => {
    const zh = Object.keys(ordersText['zh-CN']).sort();
    const en = Object.keys(ordersText.en).sort();
    expect(en).toEqual(zh);
    expect(zh.filter((k) => !k.startsWith('orders.'))).toEqual([]);
  });

  it('fills the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [key, zh] of Object.entries(ordersText['zh-CN'])) expect([key, placeholders(ordersText.en[key])]).toEqual([key, placeholders(zh)]);
  });
});
