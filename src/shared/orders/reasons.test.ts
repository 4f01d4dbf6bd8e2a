import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/messages';
import { decodeReason, encodeReason, ORDER_REASONS, reasonCode, reasonText } from './reasons';

const zh = (key: string, params?: Record<string, string | number>) => (key.startsWith('order.reason.') ? translate('zh-CN', key, params) : undefined);
const en = (key: string, params?: Record<string, string | number>) => (key.startsWith('order.reason.') ? translate('en', key, params) : undefined);

describe('system reasons', () => {
  it('are stored as their code, with params as JSON after a bar', () => {
    expect(encodeReason('submitted')).toBe('order.reason.submitted');
    expect(encodeReason('smallChange')).toBe('order.reason.smallChange');
    expect(encodeReason('duplicateConfirmed', { numbers: 'SO-T1-20261127-0001, SO-T1-20261127-0002' })).toBe(
      'order.reason.duplicateConfirmed|{"numbers":"SO-T1-20261127-0001, SO-T1-20261127-0002"}',
    );
  });

  it('decode back to the code and params they were written with', () => {
    for (const r of ORDER_REASONS) {
      if (r === 'duplicateConfirmed') continue;
      expect(decodeReason(encodeReason(r))).toEqual({ code: reasonCode(r), reason: r, params: {} });
    }
    const numbers = 'SO-1, SO-2 | "quoted"';
    expect(decodeReason(encodeReason('duplicateConfirmed', { numbers }))).toEqual({
      code: 'order.reason.duplicateConfirmed',
      reason: 'duplicateConfirmed',
      params: { numbers },
    });
  });

  it('leave typed text, older rows and anything malformed alone', () => {
    for (const stored of [
      null,
      undefined,
      '',
      '客户追加',
      'submitted',
      'small change',
      'duplicate confirmed: SO-1, SO-2',
      '审批放行',
      'order.reason.nonsense',
      'order.reason.submittedX',
      'order.reason.duplicateConfirmed',
      'order.reason.duplicateConfirmed|SO-1, SO-2',
      'order.reason.duplicateConfirmed|{"numbers":["SO-1"]}',
      'order.reason.duplicateConfirmed|{"other":"SO-1"}',
      'order.reason.submitted|[1]',
    ]) {
      expect([stored, decodeReason(stored)]).toEqual([stored, null]);
    }
  });

  it('read in either language; everything else verbatim', () => {
    expect(reasonText(zh, encodeReason('submitted'))).toBe('提交订单');
    expect(reasonText(en, encodeReason('submitted'))).toBe('Submitted');
    expect(reasonText(zh, encodeReason('duplicateConfirmed', { numbers: 'SO-1, SO-2' }))).toBe('已确认不是重复订单（疑似与 SO-1, SO-2 重复）');
    expect(reasonText(en, encodeReason('duplicateConfirmed', { numbers: 'SO-1, SO-2' }))).toBe('Confirmed not a duplicate of SO-1, SO-2');
    expect(reasonText(zh, '客户电话追加 2 件')).toBe('客户电话追加 2 件');
    expect(reasonText(zh, 'before change')).toBe('before change');
    expect(reasonText(zh, null)).toBe('');
    // A code the reader has no message for is shown as stored.
    expect(reasonText(() => undefined, encodeReason('released'))).toBe('order.reason.released');
  });

  it('has a message for every reason in both languages, using exactly its params', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const r of ORDER_REASONS) {
      const code = reasonCode(r);
      expect(translate('zh-CN', code)).not.toBe(code);
      expect(translate('en', code)).not.toBe(code);
      expect(placeholders(translate('zh-CN', code))).toEqual(placeholders(translate('en', code)));
    }
  });
});
