import { describe, expect, it } from 'vitest';
import { MESSAGES, translate } from '../i18n/messages';
import { review } from '../i18n/messages/review';
import { creditCheck, customCheck, stockCheck } from './checks';

describe('review messages', () => {
  it('every review code reads in both languages', () => {
    expect(Object.keys(review.en).sort()).toEqual(Object.keys(review['zh-CN']).sort());
    for (const code of Object.keys(review.en)) {
      expect(MESSAGES['zh-CN'][code], code).toBeTruthy();
      expect(MESSAGES.en[code], code).toBeTruthy();
    }
  });

  it('hold reasons fill every placeholder of their text', () => {
    const reasons = [
      ...creditCheck({
        paymentMethod: 'credit',
        creditLimit: 100,
        unpaidSettlements: 50,
        openApprovedUnsettled: 50,
        orderTotal: 50,
        paidLast3Months: 1,
        dueLast3Months: 10,
        thresholdBp: 8000,
      }),
      ...stockCheck([{ lineNo: 1, productId: 'p', warehouseId: 'w', quantity: 3, sku: 'A-1' }], [], { promisedDate: null, countInTransit: false }).reasons,
      ...customCheck(true, '刻字'),
    ];
    expect(reasons.map((r) => r.code)).toEqual(['credit.overLimit', 'credit.lowCollection', 'stock.short', 'review.customReview']);
    for (const r of reasons) {
      for (const locale of ['zh-CN', 'en'] as const) {
        const text = translate(locale, r.code, r.params);
        expect(text, `${locale} ${r.code}`).not.toMatch(/\{\{/);
      }
    }
    expect(translate('zh-CN', 'credit.overLimit', reasons[0].params)).toBe('信用额度不足：占用 ¥1.50（含本单）超出额度 ¥1.00，超出 ¥0.50');
    expect(translate('en', 'stock.short', reasons[2].params)).toBe('Line 1 A-1 is short: needs 3, 0 available');
  });
});
