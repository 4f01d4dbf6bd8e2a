import { PASSWORD, type RunningDesk } from './app';
import { apiSession, seedMasters } from './masters-seed';

/**
 * Data for the order screens, through the desk's HTTP API: the master data of masters-seed, a clerk,
 * the company's letterhead, and a history of submitted orders (other customers than C001, so the
 * standard order of the tests is never a duplicate of one of them) whose product pairs make
 * "frequently bought together" suggestions.
 */
export interface OrdersSeed {
  clerk: string;
  orders: number;
  call: <T>(name: string, input: unknown) => Promise<T>;
  /** Product id by SKU, customer id by code. */
  products: Record<string, string>;
  customers: Record<string, string>;
}

/** Baskets that go together (the first product of each is what the clerk types). */
const BASKETS: [string, number][][] = [
  [['A100-1', 20], ['A100-3', 20], ['A110-1', 5]],
  [['A100-1', 10], ['A100-3', 10]],
  [['A100-2', 12], ['A100-3', 12], ['E500-1', 50]],
  [['B200-1', 24], ['B230-1', 100], ['B210-1', 2]],
  [['B200-1', 12], ['B230-1', 60]],
  [['D400-1', 6], ['D410-1', 6], ['D420-1', 12]],
  [['D400-2', 4], ['D410-1', 4], ['D430-1', 20], ['D440-1', 100]],
  [['C300-1', 1], ['E510-1', 5], ['E520-1', 5]],
  [['F600-1', 1], ['F610-1', 2]],
  [['A100-1', 30], ['A110-1', 10], ['E500-1', 20]],
];

export async function seedOrders(desk: RunningDesk, history = 30): Promise<OrdersSeed> {
  await seedMasters(desk);
  const call = await apiSession(desk);

  const users = await call<{ rows: { username: string }[] }>('users.list', {});
  if (!users.rows.some((u) => u.username === 'clerk')) {
    await call('users.save', { username: 'clerk', displayName: '王录单', role: 'clerk', password: PASSWORD });
  }
  await call('settings.update', {
    companyName: '华东示例商贸有限公司',
    companyAddress: '上海市浦东新区张江路 88 号 5 楼',
    companyPhone: '021-58881234',
    companyTaxId: '91310115MA1K4L8P2X',
    bankAccount: '开户行：招商银行上海张江支行 账号 1219 0866 8810 001',
  });

  const products: Record<string, string> = {};
  const productRows = await call<{ rows: { id: string; sku: string }[] }>('products.list', { limit: 200, active: 'all' });
  for (const p of productRows.rows) products[p.sku] = p.id;
  const customers: Record<string, string> = {};
  const customerRows = await call<{ rows: { id: string; code: string }[] }>('customers.list', { limit: 200, active: 'all' });
  for (const c of customerRows.rows) customers[c.code] = c.id;
  const warehouses = await call<{ rows: { id: string; code: string }[] }>('warehouses.list', {});
  const whA = warehouses.rows.find((w) => w.code === 'WH-A')?.id;

  const existing = await call<{ total: number }>('orders.list', { limit: 1 });
  let placed = existing.total;
  for (let i = placed; i < history; i++) {
    const code = `C${String(2 + (i % 19)).padStart(3, '0')}`;
    const detail = await call<{ addresses: { id: string }[]; contacts: { name: string; mobile: string | null }[] }>('customers.get', { id: customers[code] });
    const basket = BASKETS[i % BASKETS.length];
    const draft = await call<{ id: string; rowVersion: number }>('orders.saveDraft', {
      customerId: customers[code],
      contact: { name: detail.contacts[0]?.name, phone: detail.contacts[0]?.mobile ?? undefined },
      shipTo: { addressId: detail.addresses[0].id },
      channel: (['phone', 'online', 'store', 'wholesale'] as const)[i % 4],
      orderType: i % 3 === 0 ? 'retail' : 'wholesale',
      priority: i % 7 === 0 ? 'urgent' : 'regular',
      paymentMethod: 'cash',
      warehouseId: whA,
      customerPo: i % 5 === 0 ? `PO-2026-${String(1000 + i)}` : undefined,
      lines: basket.map(([sku, qty]) => ({ productId: products[sku], quantity: qty + (i % 3) })),
    });
    await call('orders.submit', { id: draft.id, rowVersion: draft.rowVersion, confirmDuplicate: true });
    placed++;
  }
  return { clerk: 'clerk', orders: placed, call, products, customers };
}
