import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditRow } from '@shared/contract/system';
import { stubDesk } from '../../testing/stub-desk';
import '../../i18n';
import { AuditScreen } from './AuditScreen';

let teardown: () => void;

const DIFF = [
  { field: 'deliveryMethod', before: 'delivery', after: 'courier' },
  { field: 'line.quantity', line: 1, sku: 'QJ29', before: 2, after: 5 },
  { field: 'line.removed', line: 2, sku: 'BG01', before: { quantity: 3, total: 12_000 }, after: null },
  { field: 'line.added', line: 3, sku: 'DK12', before: null, after: { quantity: 1, unitPrice: 45_000, discountBp: 0, total: 45_000 } },
  { field: 'line.discountBp', line: 1, sku: 'QJ29', before: 0, after: 500 },
  { field: 'requestedDate', before: '2026-12-01', after: '2026-12-03' },
  { field: 'total', before: 43_844, after: 35_030 },
];
const AMEND: AuditRow = {
  id: 'a2',
  at: '2026-11-28T06:57:10.000Z',
  username: 'clerk',
  handler: 'orders.amend',
  entity: 'order',
  entityId: 'o1',
  summary: 'changed SO-DUFF-20261128-0003',
  code: 'audit.order.amended',
  params: { number: 'SO-DUFF-20261128-0003', changes: DIFF.length },
  before: null,
  after: { revision: 1, diff: DIFF },
};
const LOGIN: AuditRow = {
  id: 'a3',
  at: '2026-11-28T06:58:00.000Z',
  username: null,
  handler: 'auth.login',
  entity: 'user',
  entityId: 'u2',
  summary: 'user admin signed in',
  code: null,
  params: null,
  before: null,
  after: null,
};

beforeEach(() => {
  teardown = stubDesk(async (name: string) => {
    if (name === 'audit.list') return { rows: [LOGIN, AMEND] };
    throw new Error(`unexpected ${name}`);
  });
});
afterEach(() => teardown());

describe('audit screen', () => {
  it('shows the entry under the cursor in full, each change on its own line, every item listed', async () => {
    const user = userEvent.setup();
    render(<AuditScreen />);
    const detail = await screen.findByRole('region', { name: '所选记录' });
    // The first row (a sign-in) has nothing to list.
    expect(within(detail).queryByRole('listitem')).toBeNull();

    await user.keyboard('{ArrowDown}');
    const items = await within(detail).findAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      '版本: 1',
      '变更内容: 配送方式: 送货上门 → 快递、第 1 行 QJ29 数量: 2 → 5、第 2 行 BG01 删除行: 数量 3，金额 ¥120.00、' +
        '第 3 行 DK12 新增行: 数量 1，单价 ¥450.00，金额 ¥450.00、第 1 行 QJ29 折扣: 0% → 5%、要求交期: 2026-12-01 → 2026-12-03、' +
        '价税合计: ¥438.44 → ¥350.30',
    ]);
  });
});
