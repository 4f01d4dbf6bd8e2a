import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { QueueRow } from '@shared/contract/review';
import { stubDesk } from '../../testing/stub-desk';
import { useSession } from '../../app/session';
import type { Role } from '@shared/roles';
import '../../i18n';
import type { Detail } from './DetailPanel';
import { formatDateTime } from '../../ui/format';
import { QueueScreen } from './QueueScreen';

type Invoke = (name: string, input: unknown) => Promise<unknown>;
let invoke: ReturnType<typeof vi.fn<Invoke>>;
let teardown: () => void;

const REASON = { holdId: 'h1', kind: 'credit' as const, code: 'credit.overLimit', params: { exposureText: '2,712.00', limitText: '2,000.00', overText: '712.00' }, createdAt: '2026-11-20T02:00:00.000Z', awaitingChange: false, comment: null };
const ROW: QueueRow = {
  orderId: 'o1',
  number: 'SO-T1-20261120-0004',
  status: 'on_hold',
  rowVersion: 3,
  customerId: 'c1',
  customerCode: 'AP-C01',
  customerName: '苏州吴中小五金商行',
  amount: 2_712_00,
  since: '2026-11-20T02:00:00.000Z',
  ageMinutes: 150,
  kinds: ['credit'],
  reasons: [REASON],
  changedFlag: false,
  awaitingChange: false,
};
const DETAIL: Detail = {
  order: {
    id: 'o1', number: ROW.number, status: 'on_hold', rowVersion: 3, revision: 0, customerId: 'c1', customerCode: 'AP-C01', customerName: ROW.customerName,
    paymentMethod: 'credit', deliveryMethod: 'freight', subtotal: 2_400_00, taxTotal: 312_00, total: 2_712_00, requestedDate: null, promisedDate: '2026-12-11', submittedAt: '2026-11-20T02:00:00.000Z',
    approvedAt: null, customFlag: false, customText: null, changedFlag: false, contactName: '周明', contactPhone: '13912345678', shipTo: '江苏省 苏州市 吴中区 金山路 18 号', notes: null,
  },
  lines: [{ id: 'l1', lineNo: 1, productId: 'p1', sku: 'AP-100', name: '不锈钢合页', quantity: 20, unitPrice: 120_00, discountBp: 0, total: 2_712_00, warehouseId: 'w1', allocatedQty: 0, deliveredQty: 0, cancelledQty: 0, customParams: null }],
  holds: [REASON],
  exposure: { creditLimit: 2_000_00, unpaidSettlements: 0, openOrders: 0, thisOrder: 2_712_00, total: 2_712_00, headroom: -712_00 },
  collection: { months: [{ month: '2026-10', due: 1_000_00, paid: 600_00 }], due: 1_000_00, paid: 600_00, rateBp: 6000, thresholdBp: 8000 },
  stock: [{ productId: 'p1', sku: 'AP-100', need: 20, warehouses: [{ warehouseId: 'w1', warehouseCode: 'WH-BJ', warehouseName: '北京仓', onHand: 200, allocated: 0, available: 200, inTransit: 0, inTransitEta: null }] }],
  decisions: [],
  changeRequests: [],
  confirmations: [],
  versions: [],
  myLimit: 200_000_00,
};

function signedInAs(role: Role) {
  useSession.setState({ user: { id: 'u1', username: role, displayName: '李强', role, approvalLimit: null } });
}

beforeEach(() => {
  invoke = vi.fn<Invoke>(async (name) => {
    if (name === 'approvals.queue') return { counts: { all: 1, credit: 1, stock: 0, custom_review: 0, change_request: 0 }, total: 1, rows: [ROW] };
    if (name === 'approvals.detail') return DETAIL;
    throw new Error(`unexpected ${name}`);
  });
  teardown = stubDesk(invoke);
});
afterEach(() => teardown());

const CHANGE = {
  holdId: 'h2',
  kind: 'change_request' as const,
  code: 'change.request',
  params: { changes: 3, delta: -66_67, deltaText: '-66.67', newTotal: 187_58, newTotalText: '187.58' },
  createdAt: '2026-11-20T03:00:00.000Z',
  awaitingChange: false,
  comment: '客户减量并改从上海仓发货',
};
const CHANGE_ROW: QueueRow = { ...ROW, orderId: 'o2', number: 'SO-T1-20261120-0009', amount: 254_25, kinds: ['change_request'], reasons: [CHANGE] };
const CHANGE_DETAIL: Detail = {
  ...DETAIL,
  order: { ...DETAIL.order, id: 'o2', number: CHANGE_ROW.number, status: 'approved', total: 254_25 },
  holds: [CHANGE],
  changeRequests: [
    {
      id: 'cr1',
      status: 'open',
      baseRevision: 1,
      amountDelta: -66_67,
      requestedBy: 'li',
      requestedAt: '2026-11-20T03:00:00.000Z',
      comment: CHANGE.comment,
      // As planAmendment records it: line 2 goes from 10 × ¥12.50 to 6 × ¥11.00 and ships from another warehouse.
      diff: [
        { field: 'line.quantity', line: 2, sku: 'A100-1', before: 10, after: 6 },
        { field: 'line.unitPrice', line: 2, sku: 'A100-1', before: 1250, after: 1100 },
        { field: 'line.warehouseId', line: 2, sku: 'A100-1', before: 'w1', after: 'w9' },
        { field: 'total', before: 254_25, after: 187_58 },
      ],
    },
  ],
};
const WAREHOUSES = {
  rows: [
    { id: 'w1', code: 'WH-BJ', name: '北京仓', regionId: null, regionName: null, address: null, active: true, bins: [] },
    { id: 'w9', code: 'WH-SH', name: '上海仓', regionId: null, regionName: null, address: null, active: true, bins: [] },
  ],
};

describe('the approval queue screen', () => {
  it('is not for clerks', () => {
    signedInAs('clerk');
    render(<QueueScreen />);
    expect(screen.getByRole('alert')).toHaveTextContent('您的角色无权使用此功能');
    expect(invoke).not.toHaveBeenCalled();
  });

  it('shows the active order’s reasons and exposure, and A opens the release dialog for its credit hold', async () => {
    signedInAs('approver');
    const user = userEvent.setup({ delay: null });
    render(<QueueScreen />);
    const detail = await screen.findByRole('complementary', { name: ROW.number });
    expect(within(detail).getByText('信用额度不足：占用 ¥2,712.00（含本单）超出额度 ¥2,000.00，超出 ¥712.00')).toBeInTheDocument();
    // The reason's figures are those of when it was held; the exposure table is live.
    expect(within(detail).getByText(`挂起于 ${formatDateTime(REASON.createdAt)}`)).toBeInTheDocument();
    expect(within(detail).getByRole('heading', { name: '信用占用（当前）' })).toBeInTheDocument();
    expect(within(detail).getByRole('row', { name: /超出额度/ })).toHaveTextContent('712.00');
    expect(within(detail).getByRole('row', { name: /2026-10/ })).toHaveTextContent('60%');
    expect(screen.getByRole('tab', { name: /信用/ })).toHaveTextContent('1');

    await act(async () => {
      await user.keyboard('a');
    });
    const dialog = screen.getByRole('dialog', { name: `放行订单 ${ROW.number}` });
    expect(within(dialog).getByText(/信用额度不足/)).toBeInTheDocument();
    expect(invoke).toHaveBeenCalledWith('approvals.queue', expect.objectContaining({ sort: 'age', dir: 'desc', offset: 0 }));
  });

  it('shows a change request entry by entry in Chinese: quantities, money, warehouses by code', async () => {
    signedInAs('approver');
    invoke.mockImplementation(async (name) => {
      if (name === 'approvals.queue') return { counts: { all: 1, credit: 0, stock: 0, custom_review: 0, change_request: 1 }, total: 1, rows: [CHANGE_ROW] };
      if (name === 'approvals.detail') return CHANGE_DETAIL;
      if (name === 'warehouses.list') return WAREHOUSES;
      throw new Error(`unexpected ${name}`);
    });
    render(<QueueScreen />);
    const detail = await screen.findByRole('complementary', { name: CHANGE_ROW.number });
    const table = within(detail).getByRole('table', { name: '变更内容' });
    await within(table).findByText('WH-SH 上海仓');
    const rows = within(table).getAllByRole('row').map((r) => [...r.children].map((c) => c.textContent?.trim()));
    expect(rows).toEqual([
      ['第 2 行 A100-1 数量', '10', '→', '6'],
      ['第 2 行 A100-1 单价', '¥12.50', '→', '¥11.00'],
      ['第 2 行 A100-1 发货仓库', 'WH-BJ 北京仓', '→', 'WH-SH 上海仓'],
      ['价税合计', '¥254.25', '→', '¥187.58'],
    ]);
    expect(within(table).queryByText(/w9|line\.|unitPrice/)).toBeNull();
  });
});
