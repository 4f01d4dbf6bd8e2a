import { describe, expect, it } from 'vitest';
import { importKinds, stockMoveKinds } from '../contract/masters';
import { DECISIONS } from '../contract/review';
import { ORDER_REASONS, reasonCode } from '../orders/reasons';
import { ORDER_STATUSES } from '../orders/status';
import { AUDIT_SUFFIX_PARAMS } from './audit';
import { MESSAGES, translate } from './messages';

describe('coded messages', () => {
  it('has every code in both languages', () => {
    expect(Object.keys(MESSAGES['zh-CN']).sort()).toEqual(Object.keys(MESSAGES.en).sort());
  });

  it('names roles in the reader\u2019s language, not by their ids', () => {
    expect(translate('zh-CN', 'auth.forbidden', { role: 'clerk', allowed: 'manager, admin' })).toBe(
      '您的角色（录单员）无权执行此操作；可执行的角色：经理、管理员',
    );
    expect(translate('en', 'auth.forbidden', { role: 'clerk', allowed: 'manager, admin' })).toBe(
      'Your role (clerk) may not do this; allowed: manager, admin',
    );
  });

  it('says each audit message with the same params in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const keys = Object.keys(MESSAGES['zh-CN']).filter((k) => k.startsWith('audit.'));
    expect(keys.length).toBeGreaterThan(50);
    for (const k of keys) expect([k, placeholders(MESSAGES['zh-CN'][k])]).toEqual([k, placeholders(MESSAGES.en[k])]);
  });

  it('has an audit message for every decision, stock movement and import, and names for code-valued params', () => {
    const need = [
      ...DECISIONS.map((d) => `audit.review.${d}`),
      ...stockMoveKinds.map((k) => `audit.stock.${k}`),
      ...importKinds.map((k) => `audit.dataset.${k}`),
      ...ORDER_STATUSES.map((s) => `order.status.${s}`),
      ...ORDER_REASONS.map(reasonCode),
      ...['credit.overLimit', 'credit.lowCollection', 'stock.short', 'review.customReview', 'change.request'].map((c) => `audit.hold.${c}`),
      ...['customer', 'product', 'warehouse', 'region', 'salesRep', 'carrier', 'priceGroup'].map((e) => `audit.entity.${e}`),
      ...['window', 'small_change'].map((k) => `audit.amendKind.${k}`),
      ...AUDIT_SUFFIX_PARAMS.map((p) => `audit.suffix.${p}`),
    ];
    for (const locale of ['zh-CN', 'en'] as const) {
      expect(need.filter((k) => !(k in MESSAGES[locale])).map((k) => `${locale} ${k}`)).toEqual([]);
    }
  });

  it('names the codes an audit row carries as params, and adds optional notes only when given', () => {
    const params = { number: 'SO-T1-20261127-0007', holds: 'credit.overLimit,stock.short', comment: '客户已补款' };
    expect(translate('zh-CN', 'audit.review.release', params)).toBe('放行订单 SO-T1-20261127-0007：超出信用额度、库存不足；意见：客户已补款');
    expect(translate('en', 'audit.review.release', params)).toBe('Order SO-T1-20261127-0007 released: over credit limit, stock short — 客户已补款');
    expect(translate('zh-CN', 'audit.order.amended', { number: 'SO-1', kind: 'small_change', revision: 2 })).toBe('修改订单 SO-1（小额变更），生成第 2 版');
    expect(translate('zh-CN', 'audit.order.reopened', { number: 'SO-1', status: 'on_hold', reason: '客户追加' })).toBe(
      '重新打开订单 SO-1（现为待审核）：客户追加',
    );
    expect(translate('zh-CN', 'audit.import.done', { dataset: 'products', fileName: 'p.xlsx', created: 3, updated: 1 })).toBe(
      '导入商品（文件 p.xlsx）：新增 3 条，更新 1 条',
    );
    // A code this build does not know is shown as it is.
    expect(translate('zh-CN', 'audit.review.reject', { number: 'SO-1', holds: 'future.code' })).toBe('驳回订单 SO-1：future.code');
  });
});
