import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/client';
import { stubDesk } from '../../testing/stub-desk';
import { useSession } from '../../app/session';
import '../../i18n';
import { CustomerDialog } from './CustomerDialog';
import { useDrafts } from './drafts';

const PHONE_ERROR = '请输入手机号（11 位）或座机号（区号-号码）';

type Invoke = (name: string, input: unknown) => Promise<unknown>;
let invoke: ReturnType<typeof vi.fn<Invoke>>;
let teardown: () => void;

beforeEach(() => {
  invoke = vi.fn<Invoke>(async (name) => {
    if (name.endsWith('.list')) return { rows: [] };
    throw new Error(`unexpected ${name}`);
  });
  teardown = stubDesk(invoke);
  useSession.setState({ user: { id: 'u1', username: 'clerk', displayName: '录单员', role: 'clerk', approvalLimit: null } });
  useDrafts.setState({ drafts: {} });
});
afterEach(() => teardown());

/** The cell of an address field: its input and the error shown beneath it. */
const addressCell = (field: string) => screen.getByLabelText(`收货地址 1 ${field}`).closest('.cell-field') as HTMLElement;

async function fillValidCustomer(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText(/客户编码/), 'T100');
  await user.type(screen.getByLabelText(/客户名称/), '上海测试贸易有限公司');
  await user.type(screen.getByLabelText(/统一社会信用代码/), '91512081MA62K0260E');
  await user.type(screen.getByLabelText('收货地址 1 收货人'), '李雷');
  await user.type(screen.getByLabelText('收货地址 1 电话'), '13812345678');
  await user.type(screen.getByLabelText('收货地址 1 省'), '上海市');
  await user.type(screen.getByLabelText('收货地址 1 市'), '上海市');
  await user.type(screen.getByLabelText('收货地址 1 区县'), '徐汇区');
  await user.type(screen.getByLabelText('收货地址 1 详细地址'), '漕溪北路 88 号');
}

describe('the customer form', () => {
  it('shows a bad phone number at the phone field when the clerk leaves it, and clears it once fixed', async () => {
    const user = userEvent.setup({ delay: null });
    render(<CustomerDialog onClose={() => {}} />);
    const phone = screen.getByLabelText('收货地址 1 电话');

    await user.type(phone, '1381234');
    // Not while typing: only once the clerk leaves the field.
    expect(within(addressCell('电话')).queryByRole('alert')).toBeNull();
    await user.tab();

    expect(within(addressCell('电话')).getByRole('alert')).toHaveTextContent(PHONE_ERROR);
    expect(phone).toHaveAttribute('aria-invalid', 'true');
    // Other fields the clerk has not reached stay quiet.
    expect(within(addressCell('省')).queryByRole('alert')).toBeNull();

    await user.clear(phone);
    await user.type(phone, '13812345678');
    expect(within(addressCell('电话')).queryByRole('alert')).toBeNull();
    expect(phone).not.toHaveAttribute('aria-invalid');
  });

  it('puts the desk’s field error for addresses.0.phone on that phone field and keeps what was typed', async () => {
    const user = userEvent.setup({ delay: null });
    invoke.mockImplementation(async (name) => {
      if (name.endsWith('.list')) return { rows: [] };
      if (name === 'customers.save') {
        throw new ApiError(422, {
          code: 'validation.failed',
          message: '有 1 处输入需要修改',
          fields: [{ path: 'addresses.0.phone', code: 'v.phone', message: '该号码已停机，请核对' }],
        });
      }
      throw new Error(`unexpected ${name}`);
    });
    render(<CustomerDialog onClose={() => {}} />);
    await fillValidCustomer(user);

    await user.keyboard('{Control>}s{/Control}');

    expect(invoke).toHaveBeenCalledWith('customers.save', expect.objectContaining({ code: 'T100', addresses: [expect.objectContaining({ phone: '13812345678' })] }));
    expect(await within(addressCell('电话')).findByRole('alert')).toHaveTextContent('该号码已停机，请核对');
    expect(screen.getByLabelText('收货地址 1 电话')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('收货地址 1 电话')).toHaveValue('13812345678');
    expect(screen.getByLabelText(/客户名称/)).toHaveValue('上海测试贸易有限公司');
    // The cursor goes to the field to fix.
    await waitFor(() => expect(screen.getByLabelText('收货地址 1 电话')).toHaveFocus());

    // Editing the field takes the desk's message away.
    await user.type(screen.getByLabelText('收货地址 1 电话'), '{Backspace}9');
    expect(within(addressCell('电话')).queryByRole('alert')).toBeNull();
  });

  it('does not send a form with client-side errors, and shows every one of them', async () => {
    const user = userEvent.setup({ delay: null });
    render(<CustomerDialog onClose={() => {}} />);
    await user.type(screen.getByLabelText(/客户编码/), 'T101');
    await user.keyboard('{Control>}s{/Control}');
    expect(invoke).not.toHaveBeenCalledWith('customers.save', expect.anything());
    expect(within(addressCell('电话')).getByRole('alert')).toHaveTextContent('必填项');
    expect(within(addressCell('收货人')).getByRole('alert')).toHaveTextContent('必填项');
  });

  it('keeps an unsaved new customer when closed with Esc and brings it back on reopening', async () => {
    const user = userEvent.setup({ delay: null });
    const onClose = vi.fn();
    const { unmount } = render(<CustomerDialog onClose={onClose} />);
    await user.type(screen.getByLabelText(/客户名称/), '未保存的客户');
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalled();
    unmount();

    render(<CustomerDialog onClose={() => {}} />);
    expect(screen.getByLabelText(/客户名称/)).toHaveValue('未保存的客户');
    expect(screen.getByRole('status')).toHaveTextContent('已恢复上次未保存的内容');
  });

  it('adds and removes address rows with Ctrl+Insert and Ctrl+Delete', async () => {
    const user = userEvent.setup({ delay: null });
    render(<CustomerDialog onClose={() => {}} />);
    await user.click(screen.getByLabelText('收货地址 1 收货人'));
    await user.keyboard('{Control>}{Insert}{/Control}');
    await waitFor(() => expect(screen.getByLabelText('收货地址 2 收货人')).toHaveFocus());
    await user.keyboard('王五');
    await user.keyboard('{Control>}{Delete}{/Control}');
    expect(screen.queryByLabelText('收货地址 2 收货人')).toBeNull();
    await act(async () => {});
    await waitFor(() => expect(screen.getByLabelText('收货地址 1 收货人')).toHaveFocus());
  });

  it('lets an approver accept a USCC whose check character fails, with a reason; a clerk only sees the error', async () => {
    const user = userEvent.setup({ delay: null });
    render(<CustomerDialog onClose={() => {}} />);
    const uscc = screen.getByLabelText(/统一社会信用代码/);
    await user.type(uscc, '91512081MA62K0260F');
    await user.tab();
    expect(uscc.closest('.field')).toHaveTextContent('应为 E');
    expect(screen.queryByLabelText(/校验位放行理由/)).toBeNull();
    cleanup();

    useSession.setState({ user: { id: 'u2', username: 'approver', displayName: '审批人', role: 'approver', approvalLimit: null } });
    useDrafts.setState({ drafts: {} });
    render(<CustomerDialog onClose={() => {}} />);
    await user.type(screen.getByLabelText(/统一社会信用代码/), '91512081MA62K0260F');
    await user.tab();
    const reason = screen.getByLabelText(/校验位放行理由/);
    await user.type(reason, '营业执照原件核对无误');
    await user.tab();
    expect(screen.getByLabelText(/统一社会信用代码/)).not.toHaveAttribute('aria-invalid');
  });
});
