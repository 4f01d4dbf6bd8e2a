import { act, cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../../api/client';
import { i18n } from '../../../i18n';
import type { OrderDetail } from '../print/OrderConfirmation';
import { AuditTimeline, HistoryList, VersionList } from './Timeline';

type AuditItem = OrderDetail['audit'][number];

const row = (over: Partial<AuditItem>): AuditItem => ({
  id: 'a1',
  at: '2026-11-27T02:30:00.000Z',
  username: 'li',
  displayName: '李娜',
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
  // By a user no longer on this desk: only the name the row kept.
  row({ id: 'a4', handler: 'orders.close', displayName: null, username: 'gone' }),
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

  it('names who by display name, with the sign-in name on hover; a user no longer here by the name the row kept', () => {
    render(<AuditTimeline audit={AUDIT} />);
    const [closed, , submitted] = lines();
    expect(submitted).toContain('李娜');
    expect(submitted).not.toContain('li提交');
    expect(screen.getAllByText('李娜')[0]).toHaveAttribute('title', 'li');
    expect(closed).toContain('gone');
    expect(screen.getByText('gone')).not.toHaveAttribute('title');
  });

  it('follows the screen language', async () => {
    await act(() => i18n.changeLanguage('en'));
    render(<AuditTimeline audit={AUDIT} />);
    const [, rejected, submitted] = lines();
    expect(submitted).toContain('Order SO-T1-20261127-0001 submitted');
    expect(rejected).toContain('Order SO-T1-20261127-0001 rejected: over credit limit — 请先回款');
  });
});

type Version = OrderDetail['versions'][number];
type History = OrderDetail['history'][number];

const W_BJ = '0192f1a0-0000-7000-8000-00000000b001';
const W_SH = '0192f1a0-0000-7000-8000-00000000b002';
const WAREHOUSES = {
  rows: [
    { id: W_BJ, code: 'WH-BJ', name: '北京仓', regionId: null, regionName: null, address: null, active: true, bins: [] },
    { id: W_SH, code: 'WH-SH', name: '上海仓', regionId: null, regionName: null, address: null, active: false, bins: [] },
  ],
};

const version = (over: Partial<Version>): Version => ({ id: 'v0', revision: 0, reason: null, createdAt: '2026-11-27T02:30:00.000Z', createdBy: 'u1', diff: null, ...over });

// As the desk stores them: system reasons as codes (src/shared/orders/reasons.ts), the clerk's own as typed.
const VERSIONS: Version[] = [
  version({ id: 'v0', revision: 0, reason: 'order.reason.submitted' }),
  version({
    id: 'v1',
    revision: 1,
    reason: 'order.reason.smallChange',
    createdAt: '2026-11-27T06:00:00.000Z',
    diff: [
      // Line 2: 10 × ¥12.50 (¥141.25 with 13% VAT) → 6 × ¥11.00 (¥74.58); line 1 stays ¥113.00.
      { field: 'line.quantity', line: 2, sku: 'A100-1', before: 10, after: 6 },
      { field: 'line.unitPrice', line: 2, sku: 'A100-1', before: 1250, after: 1100 },
      { field: 'total', before: 25425, after: 18758 },
    ],
  }),
  version({
    id: 'v2',
    revision: 2,
    reason: '客户要求改从上海仓发货',
    createdAt: '2026-11-27T07:00:00.000Z',
    diff: [
      { field: 'line.warehouseId', line: 1, sku: 'B200-1', before: W_BJ, after: W_SH },
      { field: 'line.discountBp', line: 1, sku: 'B200-1', before: 0, after: 250 },
      { field: 'line.added', line: 3, sku: 'A300-2', before: null, after: { quantity: 4, unitPrice: 3000, discountBp: 500, total: 12882 } },
      { field: 'line.removed', line: 2, sku: 'A100-1', before: { quantity: 6, total: 7458 }, after: null },
      { field: 'promisedDate', before: '2026-12-20', after: null },
      { field: 'customRequired', before: false, after: true },
    ],
  }),
  // Written before reason codes: shown as it was stored.
  version({ id: 'v3', revision: 3, reason: 'before change', createdAt: '2026-11-27T08:00:00.000Z' }),
];

const HISTORY: History[] = [
  {
    id: 'h1',
    fromStatus: 'draft',
    toStatus: 'submitted',
    at: '2026-11-27T02:30:00.000Z',
    userId: 'u1',
    username: 'li',
    displayName: '李娜',
    reason: 'order.reason.duplicateConfirmed|{"numbers":"SO-T1-20261127-0001, SO-T1-20261127-0002"}',
  },
  { id: 'h2', fromStatus: 'submitted', toStatus: 'on_hold', at: '2026-11-27T02:30:01.000Z', userId: 'u1', username: 'li', displayName: '李娜', reason: null },
  { id: 'h3', fromStatus: 'on_hold', toStatus: 'approved', at: '2026-11-27T03:00:00.000Z', userId: 'u2', username: 'wang', displayName: '王审批', reason: 'order.reason.released' },
  { id: 'h4', fromStatus: 'approved', toStatus: 'cancelled', at: '2026-11-27T09:00:00.000Z', userId: 'u1', username: 'li', displayName: '李娜', reason: '客户电话取消' },
];

const region = (name: RegExp) => screen.getByRole('region', { name });
const items = (name: RegExp) => within(region(name)).getAllByRole('listitem');
/** Each row of a change table as [what, before, →, after] (or [what, sentence]). */
const diffRows = (item: HTMLElement) =>
  within(within(item).getByRole('table')).getAllByRole('row').map((r) => [...r.children].map((c) => c.textContent?.trim()));

describe('VersionList', () => {
  let invoke: ReturnType<typeof vi.fn>;
  beforeEach(async () => {
    await act(() => i18n.changeLanguage('zh-CN'));
    invoke = vi.fn(async (name: string) => {
      if (name === 'warehouses.list') return WAREHOUSES;
      throw new Error(`unexpected ${name}`);
    });
    vi.spyOn(api, 'invoke').mockImplementation(invoke as unknown as typeof api.invoke);
    vi.spyOn(api, 'subscribe').mockImplementation(() => () => {});
  });
  afterEach(async () => {
    cleanup();
    vi.restoreAllMocks();
    await act(() => i18n.changeLanguage('zh-CN'));
  });

  it('says the desk’s reasons and each change in Chinese: money as money, warehouses by code, lines in words', async () => {
    render(<VersionList versions={VERSIONS} />);
    const [submitted, small, typed, old] = items(/版本/);
    expect(submitted).toHaveTextContent('第 0 版提交订单');
    expect(submitted).not.toHaveTextContent('submitted');
    expect(within(submitted).queryByRole('table')).toBeNull();

    expect(small).toHaveTextContent('第 1 版小额变更');
    expect(diffRows(small)).toEqual([
      ['第 2 行 A100-1 数量', '10', '→', '6'],
      ['第 2 行 A100-1 单价', '¥12.50', '→', '¥11.00'],
      ['价税合计', '¥254.25', '→', '¥187.58'],
    ]);

    expect(typed).toHaveTextContent('客户要求改从上海仓发货');
    await within(typed).findByText('WH-BJ 北京仓');
    expect(diffRows(typed)).toEqual([
      ['第 1 行 B200-1 发货仓库', 'WH-BJ 北京仓', '→', 'WH-SH 上海仓'],
      ['第 1 行 B200-1 折扣', '0%', '→', '2.5%'],
      ['第 3 行 A300-2 新增行', '数量 4，单价 ¥30.00，折扣 5%，金额 ¥128.82'],
      ['第 2 行 A100-1 删除行', '数量 6，金额 ¥74.58'],
      ['承诺交期', '2026-12-20', '→', '（空）'],
      ['含定制要求（需审核）', '否', '→', '是'],
    ]);
    expect(typed).not.toHaveTextContent(W_BJ);
    // Warehouses are looked up by id among all of them, inactive ones too.
    expect(invoke).toHaveBeenCalledTimes(1);
    expect(invoke).toHaveBeenCalledWith('warehouses.list', { activeOnly: false });

    expect(old).toHaveTextContent('before change');
  });

  it('follows the screen language', async () => {
    await act(() => i18n.changeLanguage('en'));
    render(<VersionList versions={VERSIONS.slice(0, 2)} />);
    const [submitted, small] = items(/Versions/);
    expect(submitted).toHaveTextContent('Revision 0Submitted');
    expect(small).toHaveTextContent('Revision 1Small change');
    expect(diffRows(small)).toEqual([
      ['Line 2 A100-1 Qty', '10', '→', '6'],
      ['Line 2 A100-1 Unit price', '¥12.50', '→', '¥11.00'],
      ['Total', '¥254.25', '→', '¥187.58'],
    ]);
    // No warehouse changes, no warehouse list.
    expect(invoke).not.toHaveBeenCalled();
  });
});

describe('HistoryList', () => {
  afterEach(async () => {
    cleanup();
    await act(() => i18n.changeLanguage('zh-CN'));
  });

  it('says the desk’s reasons in Chinese, listing the duplicates, and typed reasons as typed', async () => {
    await act(() => i18n.changeLanguage('zh-CN'));
    render(<HistoryList history={HISTORY} />);
    const [dup, held, released, cancelled] = items(/状态记录/);
    expect(dup).toHaveTextContent('草稿 → 已提交 — 已确认不是重复订单（疑似与 SO-T1-20261127-0001, SO-T1-20261127-0002 重复）');
    expect(dup).not.toHaveTextContent('order.reason');
    expect(held).not.toHaveTextContent('—');
    expect(released).toHaveTextContent('待审核 → 已审核 — 审批放行');
    expect(cancelled).toHaveTextContent('已审核 → 已取消 — 客户电话取消');
    expect(released).toHaveTextContent('王审批');
    expect(within(released).getByText('王审批')).toHaveAttribute('title', 'wang');
  });

  it('and in English on the English screen', async () => {
    await act(() => i18n.changeLanguage('en'));
    render(<HistoryList history={HISTORY} />);
    const [dup, , released] = items(/Status history/);
    expect(dup).toHaveTextContent('Draft → Submitted — Confirmed not a duplicate of SO-T1-20261127-0001, SO-T1-20261127-0002');
    expect(released).toHaveTextContent('On hold → Approved — Holds released');
  });
});
