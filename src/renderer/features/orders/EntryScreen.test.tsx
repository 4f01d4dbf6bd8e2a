import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '@shared/settings';
import { ApiError } from '../../api/client';
import { stubDesk } from '../../testing/stub-desk';
import { useSession } from '../../app/session';
import { useToasts } from '../../app/toasts';
import '../../i18n';
import { EntryScreen } from './EntryScreen';

type Invoke = (name: string, input: Record<string, unknown>) => Promise<unknown>;

const CUSTOMER = {
  id: 'c1',
  code: 'C001',
  name: '北京市场贸易有限公司',
  pinyin: 'bjscmyyxgs',
  kind: 'company',
  uscc: null,
  creditLimit: 10_000_000,
  paymentTermsDays: 30,
  priceGroupId: null,
  regionId: 'r1',
  salesRepId: null,
  active: true,
};
const DETAIL = {
  ...CUSTOMER,
  usccOverrideReason: null,
  email: null,
  notes: null,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  contacts: [{ id: 'p1', name: '张伟', mobile: '13800138000', landline: null, email: null, isPrimary: true }],
  addresses: [
    { id: 'a1', label: null, recipient: '张伟', phone: '13800138000', province: '北京市', city: '北京市', district: '朝阳区', street: '建国路 88 号', postcode: '100022', isDefault: true },
  ],
};
/** A second customer (not matched by "C00"): its default address is not its first. */
const OTHER = { ...CUSTOMER, id: 'c2', code: 'C010', name: '杭州西湖电子有限公司', pinyin: 'hzxhdzyxgs', regionId: 'r1' };
const OTHER_DETAIL = {
  ...DETAIL,
  ...OTHER,
  contacts: [{ id: 'p2', name: '陈静', mobile: '13900139000', landline: null, email: null, isPrimary: true }],
  addresses: [
    { id: 'a2', label: '仓库', recipient: '陈静', phone: '13900139000', province: '浙江省', city: '杭州市', district: '余杭区', street: '仓前街道 1 号', postcode: null, isDefault: false },
    { id: 'a3', label: null, recipient: '陈静', phone: '13900139000', province: '浙江省', city: '杭州市', district: '西湖区', street: '文三路 478 号', postcode: '310012', isDefault: true },
  ],
};
const product = (id: string, sku: string, name: string, price: number) => ({
  id,
  sku,
  name,
  spec: null,
  unit: '盒',
  listPrice: price,
  price,
  taxRateBp: 1300,
  barcode: null,
  pinyin: '',
  makeToOrder: false,
  available: 100,
  active: true,
});
const PRODUCTS = [product('p1', 'A100-1', '不锈钢螺丝', 1250), product('p2', 'B200-1', '工业胶带', 650), product('p3', 'D400-1', '交流接触器', 5600)];

let invoke: ReturnType<typeof vi.fn<Invoke>>;
let teardown: () => void;
let saves: Record<string, unknown>[];
/** The desk refuses the next draft saves with this error (null: it takes them). */
let refuse: ApiError | null;

beforeEach(() => {
  saves = [];
  refuse = null;
  let version = 0;
  invoke = vi.fn<Invoke>(async (name, input) => {
    switch (name) {
      case 'settings.get':
        return DEFAULT_SETTINGS;
      case 'warehouses.list':
        return { rows: [{ id: 'w1', code: 'WH-A', name: '上海一号仓', regionId: 'r1', regionName: '华东', address: null, active: true, bins: [] }] };
      case 'orders.list':
        return { rows: [], total: 0, totalIsEstimate: false, offset: 0 };
      case 'search.customers':
        return { rows: [CUSTOMER, OTHER].filter((c) => c.code.startsWith(String(input.q).toUpperCase())) };
      case 'customers.get':
        return input.id === OTHER.id ? OTHER_DETAIL : DETAIL;
      case 'search.products':
        return { rows: PRODUCTS.filter((p) => p.sku.startsWith(String(input.q).toUpperCase())) };
      case 'orders.stockForLines':
        return { rows: (input.productIds as string[]).map((productId) => ({ productId, warehouseId: 'w1', onHand: 10, allocated: 2, available: 8, inTransit: 0, inTransitEta: null, safetyStock: 0, elsewhereAvailable: 0 })) };
      case 'orders.suggestions':
        return { rows: [] };
      case 'orders.saveDraft': {
        saves.push(input);
        version += 1;
        if (refuse) throw refuse;
        return { id: input.id, number: 'SO-T-20260101-0001', status: 'draft', rowVersion: version, created: version === 1, totals: { subtotal: 0, taxTotal: 0, total: 0 }, lines: [], issues: [] };
      }
      default:
        throw new Error(`unexpected ${name}`);
    }
  });
  teardown = stubDesk(invoke);
  useSession.setState({ user: { id: 'u1', username: 'clerk', displayName: '录单员', role: 'clerk', approvalLimit: null } });
  useToasts.setState({ toasts: [] });
});
afterEach(() => teardown());

const cell = (n: number, col: string) => document.querySelectorAll(`[data-col="${col}"]`)[n - 1] as HTMLInputElement;
const rows = () => document.querySelectorAll('.o-lines tbody tr').length;
const customer = () => screen.getByRole('combobox', { name: '客户' }) as HTMLInputElement;

async function open() {
  const user = userEvent.setup({ delay: null });
  render(<EntryScreen params={{}} />);
  await waitFor(() => expect(customer()).toHaveFocus());
  // Warehouses are known (the defaults need them) before the clerk starts.
  await waitFor(() => expect(invoke).toHaveBeenCalledWith('warehouses.list', expect.anything()));
  return user;
}

/** The customer by code prefix + Enter: its defaults are complete, so the cursor goes to the lines. */
async function chooseCustomer(user: ReturnType<typeof userEvent.setup>) {
  await user.keyboard('C00{Enter}');
  await waitFor(() => expect(cell(1, 'product')).toHaveFocus());
}

async function addLine(user: ReturnType<typeof userEvent.setup>, n: number, sku: string, qty: string) {
  await user.keyboard(`${sku}{Enter}`);
  await waitFor(() => expect(cell(n, 'qty')).toHaveFocus());
  await user.keyboard(`${qty}{Enter}`);
  await waitFor(() => expect(cell(n + 1, 'product')).toHaveFocus());
}

describe('order entry by keyboard', () => {
  it('Enter moves from field to field; after the customer it goes straight to the first line', async () => {
    const user = await open();
    await chooseCustomer(user);
    expect(customer()).toHaveValue('C001 北京市场贸易有限公司');
    // The defaults came with the customer.
    expect(screen.getByLabelText(/^收货人/)).toHaveValue('张伟');
    expect(screen.getByLabelText(/^收货电话/)).toHaveValue('13800138000');

    // Back in the header, Enter walks the fields in order.
    await user.keyboard('{Alt>}h{/Alt}');
    expect(customer()).toHaveFocus();
    act(() => screen.getByLabelText('联系人').focus());
    await user.keyboard('{Enter}');
    expect(screen.getByLabelText('联系电话')).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.getByLabelText('客户采购单号')).toHaveFocus();
  });

  it('Enter after the quantity, or after the last field of a line, starts a new line', async () => {
    const user = await open();
    await chooseCustomer(user);
    await addLine(user, 1, 'A100', '12');
    expect(rows()).toBe(2);
    expect(cell(1, 'product')).toHaveValue('A100-1');
    expect(cell(1, 'qty')).toHaveValue('12');

    // The long way through a line: product, quantity, then Tab to price, Enter on to discount and parameters.
    await user.keyboard('B200{Enter}');
    await waitFor(() => expect(cell(2, 'qty')).toHaveFocus());
    await user.keyboard('5{Tab}');
    expect(cell(2, 'price')).toHaveFocus();
    await user.keyboard('6{Enter}');
    expect(cell(2, 'discount')).toHaveFocus();
    await user.keyboard('5{Enter}');
    expect(cell(2, 'params')).toHaveFocus();
    await user.keyboard('蓝色{Enter}');
    expect(rows()).toBe(3);
    expect(cell(3, 'product')).toHaveFocus();
    expect(cell(2, 'price')).toHaveValue('6');
    expect(cell(2, 'params')).toHaveValue('蓝色');
  });

  it('Enter on an empty new line goes to Submit instead of making more empty lines', async () => {
    const user = await open();
    await chooseCustomer(user);
    await addLine(user, 1, 'A100', '3');
    await user.keyboard('{Enter}');
    expect(document.activeElement).toHaveAttribute('data-submit');
    expect(rows()).toBe(2);
  });

  it('Esc leaves a field and never clears what was typed', async () => {
    const user = await open();
    await chooseCustomer(user);
    await addLine(user, 1, 'A100', '7');
    await user.keyboard('D40');
    await user.keyboard('{Escape}{Escape}{Escape}');
    expect(cell(2, 'product')).not.toHaveFocus();
    expect(cell(2, 'product')).toHaveValue('D40');
    expect(cell(1, 'product')).toHaveValue('A100-1');
    expect(cell(1, 'qty')).toHaveValue('7');
    expect(customer()).toHaveValue('C001 北京市场贸易有限公司');

    act(() => screen.getByLabelText('客户采购单号').focus());
    await user.keyboard('PO-123{Escape}');
    expect(screen.getByLabelText('客户采购单号')).toHaveValue('PO-123');
    expect(screen.getByLabelText('客户采购单号')).not.toHaveFocus();
  });

  it('Ctrl+Delete removes the line the cursor is on, Ctrl+Z brings it back in its place', async () => {
    const user = await open();
    await chooseCustomer(user);
    await addLine(user, 1, 'A100', '1');
    await addLine(user, 2, 'B200', '2');
    await addLine(user, 3, 'D400', '3');
    act(() => cell(2, 'qty').focus());

    await user.keyboard('{Control>}{Delete}{/Control}');
    expect(cell(1, 'product')).toHaveValue('A100-1');
    expect(cell(2, 'product')).toHaveValue('D400-1');
    expect(useToasts.getState().toasts.at(-1)?.text).toMatch(/已删除第 2 行 B200-1/);

    await user.keyboard('{Control>}z{/Control}');
    expect(cell(2, 'product')).toHaveValue('B200-1');
    expect(cell(2, 'qty')).toHaveValue('2');
    expect(cell(3, 'product')).toHaveValue('D400-1');
    expect(cell(2, 'product')).toHaveFocus();
  });

  it('Delete in an empty product cell removes that line', async () => {
    const user = await open();
    await chooseCustomer(user);
    await addLine(user, 1, 'A100', '1');
    expect(rows()).toBe(2);
    await user.keyboard('{Delete}');
    expect(rows()).toBe(1);
    expect(cell(1, 'product')).toHaveValue('A100-1');
  });

  it('saves the draft after a field is left, with the desk’s number and the save time shown', async () => {
    const user = await open();
    await chooseCustomer(user);
    await addLine(user, 1, 'A100', '4');
    await waitFor(() => expect(saves.length).toBeGreaterThan(0), { timeout: 3000 });
    await waitFor(() => expect(document.querySelector('[data-save]')).toHaveTextContent(/已保存 \d\d:\d\d:\d\d/), { timeout: 3000 });
    expect(document.querySelector('[data-number]')).toHaveTextContent('SO-T-20260101-0001');
    const last = saves.at(-1) as { customerId: string; lines: { productId: string; quantity?: number }[] };
    expect(last.customerId).toBe('c1');
    expect(last.lines).toEqual([expect.objectContaining({ productId: 'p1', quantity: 4 })]);
  });
});

describe('bill-to', () => {
  const billTo = () => screen.getByLabelText('开票信息') as HTMLInputElement;
  const errorOf = (el: HTMLElement) => el.closest('.field')!.querySelector('[role="alert"]');

  /** Back to the customer (Alt+H selects it) and another one by code + Enter. */
  async function switchCustomer(user: ReturnType<typeof userEvent.setup>, code: string) {
    await user.keyboard('{Alt>}h{/Alt}');
    expect(customer()).toHaveFocus();
    await user.keyboard(`${code}{Enter}`);
    await waitFor(() => expect(cell(1, 'product')).toHaveFocus());
  }

  it('is filled in with the customer’s name and default address when the customer is picked, and saved with the draft', async () => {
    const user = await open();
    expect(billTo()).toHaveValue('');
    expect(billTo()).toHaveAttribute('placeholder', '开票抬头与地址，印在单据上；选客户时自动带出');
    await chooseCustomer(user);
    expect(billTo()).toHaveValue('北京市场贸易有限公司 北京市朝阳区建国路 88 号');
    await waitFor(() => expect(saves.at(-1)).toEqual(expect.objectContaining({ billTo: '北京市场贸易有限公司 北京市朝阳区建国路 88 号' })), { timeout: 3000 });

    // Another customer replaces what was filled in (its default address, not its first).
    await switchCustomer(user, 'C010');
    expect(customer()).toHaveValue('C010 杭州西湖电子有限公司');
    expect(billTo()).toHaveValue('杭州西湖电子有限公司 浙江省杭州市西湖区文三路 478 号');
  });

  it('keeps what the clerk typed when another customer is picked', async () => {
    const user = await open();
    await chooseCustomer(user);
    act(() => billTo().focus());
    await user.clear(billTo());
    await user.keyboard('北京市场贸易有限公司 财务部{Enter}');
    // Enter walks on to the next field (priority).
    expect(billTo()).not.toHaveFocus();

    await switchCustomer(user, 'C010');
    expect(customer()).toHaveValue('C010 杭州西湖电子有限公司');
    // The other defaults are the new customer's; the bill-to is still the clerk's.
    expect(screen.getByLabelText(/^收货人/)).toHaveValue('陈静');
    expect(billTo()).toHaveValue('北京市场贸易有限公司 财务部');
    await waitFor(() => expect(saves.at(-1)).toEqual(expect.objectContaining({ customerId: 'c2', billTo: '北京市场贸易有限公司 财务部' })), { timeout: 3000 });
  });

  it('shows the desk’s message for billTo at the field until it is edited', async () => {
    refuse = new ApiError(422, {
      code: 'validation.failed',
      message: '有 1 处需要修改',
      fields: [{ path: 'billTo', code: 'v.tooLong', params: { max: 200 }, message: '不能超过 200 个字符' }],
    });
    const user = await open();
    await chooseCustomer(user);
    await user.keyboard('{Control>}s{/Control}');
    await waitFor(() => expect(errorOf(billTo())).toHaveTextContent('不能超过 200 个字符'));
    expect(billTo()).toHaveAttribute('aria-invalid', 'true');
    expect(billTo()).toHaveAccessibleDescription('不能超过 200 个字符');

    refuse = null;
    act(() => billTo().focus());
    await user.keyboard('{End} 财务部');
    expect(errorOf(billTo())).toBeNull();
    expect(billTo()).not.toHaveAttribute('aria-invalid');
  });
});
