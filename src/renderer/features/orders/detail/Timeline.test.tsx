import { act, cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { i18n } from '../../../i18n';
import type { OrderDetail } from '../print/OrderConfirmation';
import { AuditTimeline } from './Timeline';

type AuditItem = OrderDetail['audit'][number];

const row = (over: Partial<AuditItem>): AuditItem => ({
  id: 'a1',
  at: '2026-11-27T02:30:00.000Z',
  username: 'li',
  handler: 'orders.submit',
  summary: null,
  code: null,
  params: null,
  before: null,
  after: null,
  ...over,
});

const AUDIT: AuditItem[] = [
  // Written before audit codes: only the English summary.
  row({ id: 'a1', handler: 'orders.saveDraft', summary: 'draft SO-T1-20261127-0001 created' }),
  row({ id: 'a2', code: 'audit.order.submitted', params: { number: 'SO-T1-20261127-0001' }, summary: 'submitted SO-T1-20261127-0001' }),
  row({
    id: 'a3',
    handler: 'approvals.decide',
    code: 'audit.review.reject',
    params: { number: 'SO-T1-20261127-0001', holds: 'credit.overLimit', comment: '请先回款' },
  }),
  row({ id: 'a4', handler: 'orders.close' }),
];

const lines = () => within(screen.getByRole('region', { name: /操作日志|Audit trail/ })).getAllByRole('listitem').map((li) => li.textContent);

describe('AuditTimeline', () => {
  beforeEach(async () => {
    await act(() => i18n.changeLanguage('zh-CN'));
  });
  afterEach(async () => {
    cleanup();
    await act(() => i18n.changeLanguage('zh-CN'));
  });

  it('says coded rows in Chinese, and falls back to the summary, then the handler', () => {
    render(<AuditTimeline audit={AUDIT} />);
    // Newest first.
    const [closed, rejected, submitted, draft] = lines();
    expect(submitted).toContain('提交订单 SO-T1-20261127-0001');
    expect(submitted).not.toContain('submitted SO-T1');
    expect(rejected).toContain('驳回订单 SO-T1-20261127-0001：超出信用额度；意见：请先回款');
    expect(draft).toContain('draft SO-T1-20261127-0001 created');
    expect(closed).toContain('orders.close');
    expect(screen.getByText('提交订单 SO-T1-20261127-0001', { exact: false })).toBeInTheDocument();
  });

  it('follows the screen language', async () => {
    await act(() => i18n.changeLanguage('en'));
    render(<AuditTimeline audit={AUDIT} />);
    const [, rejected, submitted] = lines();
    expect(submitted).toContain('Order SO-T1-20261127-0001 submitted');
    expect(rejected).toContain('Order SO-T1-20261127-0001 rejected: over credit limit — 请先回款');
  });
});
