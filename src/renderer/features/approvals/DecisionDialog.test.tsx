import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HoldReason } from '@shared/contract/review';
import { ApiError } from '../../api/client';
import { stubDesk } from '../../testing/stub-desk';
import '../../i18n';
import { DecisionDialog, newDraft, type DecisionDraft, type DecisionTarget } from './DecisionDialog';
import { planDecision } from './model';

type Invoke = (name: string, input: unknown) => Promise<unknown>;
let invoke: ReturnType<typeof vi.fn<Invoke>>;
let teardown: () => void;

beforeEach(() => {
  invoke = vi.fn<Invoke>(async (name) => {
    throw new Error(`unexpected ${name}`);
  });
  teardown = stubDesk(invoke);
});
afterEach(() => teardown());

const hold = (kind: HoldReason['kind'], code: string, params: HoldReason['params'], id = `h-${kind}`): HoldReason => ({
  holdId: id,
  kind,
  code,
  params,
  createdAt: '2026-11-20T02:00:00.000Z',
  awaitingChange: false,
  comment: null,
});

const CUSTOM = hold('custom_review', 'review.customReview', { text: '外箱印客户 LOGO' });
const CREDIT = hold('credit', 'credit.overLimit', { exposureText: '3,012.00', limitText: '3,000.00', overText: '12.00' });
const TARGET: DecisionTarget = { orderId: 'o-1', number: 'SO-E2E-20261120-0007', customerName: '上海浦江机电设备有限公司', amount: 904_00, rowVersion: 4 };

/** The dialog as the screen hosts it: the screen keeps the draft. */
function Host({ holds, tab = 'all', onDone = () => {}, myLimit = null }: { holds: HoldReason[]; tab?: 'all' | 'custom_review' | 'credit'; onDone?: () => void; myLimit?: number | null }) {
  const plan = planDecision('approve', tab, holds)!;
  const [draft, setDraft] = useState<DecisionDraft>(() => newDraft(plan, new Date('2026-11-20T06:30:00.000Z')));
  return <DecisionDialog target={TARGET} plan={plan} draft={draft} onDraft={setDraft} myLimit={myLimit} onDone={onDone} onClose={() => {}} />;
}

describe('the decision dialog', () => {
  it('refuses to release a custom-review hold without the customer’s confirmation, and sends it once given', async () => {
    const user = userEvent.setup({ delay: null });
    const onDone = vi.fn();
    invoke.mockResolvedValue({ status: 'approved', rowVersion: 5, openHolds: 0, holds: [] });
    render(<Host holds={[CUSTOM]} tab="custom_review" onDone={onDone} />);
    const dialog = screen.getByRole('dialog', { name: '放行订单 SO-E2E-20261120-0007' });
    expect(within(dialog).getByText('含定制要求，需人工审核并取得客户确认：外箱印客户 LOGO')).toBeInTheDocument();
    // The cursor starts in the comment; the confirmation block asks for the double sign-off.
    expect(screen.getByLabelText('审批意见（可不填）')).toHaveFocus();
    expect(within(dialog).getByRole('group', { name: '客户确认（定制要求双重确认）' })).toBeInTheDocument();
    expect(screen.getByLabelText(/确认时间/)).toHaveValue('2026-11-20 14:30');

    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(invoke).not.toHaveBeenCalled();
    const person = screen.getByLabelText(/客户确认人/);
    const text = screen.getByLabelText(/客户确认的内容/);
    expect(person).toHaveAttribute('aria-invalid', 'true');
    expect(text).toHaveAttribute('aria-invalid', 'true');
    expect(within(dialog).getAllByRole('alert').map((a) => a.textContent)).toEqual(['必填项', '必填项']);

    await user.selectOptions(screen.getByLabelText(/确认方式/), 'wechat');
    await user.type(person, '周经理');
    await user.type(text, '同意外箱印 LOGO，颜色按附件');
    await user.click(screen.getByLabelText('审批意见（可不填）'));
    await user.keyboard('已与客户确认{Control>}{Enter}{/Control}');

    expect(invoke).toHaveBeenCalledWith('approvals.decide', {
      orderId: 'o-1',
      rowVersion: 4,
      holdIds: ['h-custom_review'],
      decision: 'release',
      comment: '已与客户确认',
      confirmation: { channel: 'wechat', person: '周经理', confirmedAt: '2026-11-20T06:30:00.000Z', text: '同意外箱印 LOGO，颜色按附件' },
    });
    expect(onDone).toHaveBeenCalledWith({ status: 'approved', rowVersion: 5, openHolds: 0, holds: [] });
  });

  it('shows the desk’s refusal in the dialog and keeps everything typed', async () => {
    const user = userEvent.setup({ delay: null });
    const onDone = vi.fn();
    invoke.mockRejectedValueOnce(
      new ApiError(403, {
        code: 'authority.overLimit',
        message: '订单金额 ¥904.00 超出您的审批权限 ¥500.00；可审批的角色：manager, admin',
        params: { limit: 500_00, amount: 904_00 },
      }),
    );
    render(<Host holds={[CREDIT]} tab="credit" onDone={onDone} />);
    await user.keyboard('客户已承诺月底回款{Control>}{Enter}{/Control}');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('订单金额 ¥904.00 超出您的审批权限 ¥500.00；可审批的角色：manager, admin');
    expect(onDone).not.toHaveBeenCalled();
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    expect(screen.getByLabelText('审批意见（可不填）')).toHaveValue('客户已承诺月底回款');

    // A stale order: the desk's words, and how to go on without losing the comment.
    invoke.mockRejectedValueOnce(new ApiError(409, { code: 'conflict.stale', message: '数据已被他人修改，请重新加载后再操作' }));
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(await screen.findByText('数据已被他人修改，请重新加载后再操作')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('已填写的内容会保留');
    expect(screen.getByLabelText('审批意见（可不填）')).toHaveValue('客户已承诺月底回款');
    expect(invoke).toHaveBeenCalledTimes(2);
  });

  it('requires a comment to reject, and says that rejecting cancels the order', async () => {
    const user = userEvent.setup({ delay: null });
    const plan = planDecision('reject', 'credit', [CREDIT])!;
    function RejectHost() {
      const [draft, setDraft] = useState(() => newDraft(plan));
      return <DecisionDialog target={TARGET} plan={plan} draft={draft} onDraft={setDraft} myLimit={null} onDone={() => {}} onClose={() => {}} />;
    }
    render(<RejectHost />);
    expect(screen.getByText('驳回将取消整张订单并释放已占用的库存。')).toBeInTheDocument();
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(invoke).not.toHaveBeenCalled();
    expect(screen.getByRole('alert')).toHaveTextContent('驳回或要求修改时请填写意见');
  });

  it('warns before sending when the amount is beyond the approver’s authority', () => {
    render(<Host holds={[CREDIT]} tab="credit" myLimit={500_00} />);
    expect(screen.getByText('本单金额 ¥904.00 超出您的审批权限 ¥500.00，提交会被拒绝。')).toBeInTheDocument();
  });
});
