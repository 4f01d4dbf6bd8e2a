import type { RunningDesk } from './app';
import { apiSession } from './masters-seed';

/**
 * Orders waiting for approval, made as people make them: an administrator sets up products, stock
 * and customers through the desk's HTTP API, a clerk saves and submits orders (orders.saveDraft,
 * orders.submit) and the desk's own review puts them on hold.
 */
type Call = Awaited<ReturnType<typeof apiSession>>;

export interface ReviewWorld {
  warehouseId: string;
  otherWarehouseId: string;
  /** 200 on hand in the main warehouse, 40 (+60 in transit) in the other. */
  plentiful: { id: string; sku: string };
  /** 3 on hand. */
  scarce: { id: string; sku: string };
  /** Credit limit 2,000.00. */
  smallCredit: { id: string; code: string; name: string };
  /** Credit limit 500,000.00. */
  bigCredit: { id: string; code: string; name: string };
  clerk: Call;
  admin: Call;
}

export interface PlacedOrder {
  id: string;
  number: string;
  status: string;
  rowVersion: number;
  holds: { kind: string; code: string }[];
}

const addDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function product(admin: Call, sku: string, name: string, spec: string, listPrice: number) {
  const { id } = await admin<{ id: string }>('products.save', { sku, name, spec, unit: '件', category: '五金', listPrice, taxRateBp: 1300, prices: [] });
  return { id, sku };
}

async function customer(admin: Call, code: string, name: string, creditLimit: number, address: { province: string; city: string; district: string; street: string }) {
  const { id } = await admin<{ id: string }>('customers.save', {
    code,
    name,
    kind: 'person',
    creditLimit,
    paymentTermsDays: 30,
    contacts: [{ name: name.slice(0, 3), mobile: '13912345678', isPrimary: true }],
    addresses: [{ recipient: name.slice(0, 3), phone: '13912345678', ...address, postcode: '215000', isDefault: true }],
  });
  return { id, code, name };
}

/** Products, stock and two customers of our own, beside the demo data. */
export async function seedReviewWorld(desk: RunningDesk): Promise<ReviewWorld> {
  const admin = await apiSession(desk, 'admin');
  const clerk = await apiSession(desk, 'clerk');
  const { rows } = await admin<{ rows: { id: string; code: string; active: boolean }[] }>('warehouses.list', { activeOnly: true });
  const [main, other] = rows;
  const plentiful = await product(admin, 'AP-100', '不锈钢合页', '4 寸 304 拉丝', 120_00);
  const scarce = await product(admin, 'AP-200', '定制铭牌', '不锈钢 80×40mm 蚀刻', 85_00);
  await admin('stock.set', { productId: plentiful.id, warehouseId: main.id, onHand: 200 });
  await admin('stock.set', { productId: plentiful.id, warehouseId: other.id, onHand: 40, inTransit: 60, inTransitEta: addDays(9) });
  await admin('stock.set', { productId: scarce.id, warehouseId: main.id, onHand: 3 });
  const smallCredit = await customer(admin, 'AP-C01', '苏州吴中小五金商行', 2_000_00, { province: '江苏省', city: '苏州市', district: '吴中区', street: '木渎镇金山路 18 号' });
  const bigCredit = await customer(admin, 'AP-C02', '杭州钱塘建材有限公司', 500_000_00, { province: '浙江省', city: '杭州市', district: '钱塘区', street: '下沙街道 6 号大街 452 号' });
  return { warehouseId: main.id, otherWarehouseId: other.id, plentiful, scarce, smallCredit, bigCredit, clerk, admin };
}

export interface OrderSpec {
  customerId: string;
  warehouseId: string;
  paymentMethod: 'cash' | 'credit';
  lines: { productId: string; quantity: number }[];
  customText?: string;
  notes?: string;
}

/** A clerk saves the order and submits it; the desk reviews it on submit. */
export async function placeOrder(w: ReviewWorld, spec: OrderSpec): Promise<PlacedOrder> {
  const draft = await w.clerk<{ id: string; rowVersion: number }>('orders.saveDraft', {
    customerId: spec.customerId,
    contact: { name: '周明', phone: '13912345678' },
    shipTo: { recipient: '周明', phone: '13912345678', province: '江苏省', city: '苏州市', district: '吴中区', street: '木渎镇金山路 18 号', postcode: '215101' },
    channel: 'phone',
    orderType: 'wholesale',
    paymentMethod: spec.paymentMethod,
    paymentTermsDays: spec.paymentMethod === 'credit' ? 30 : 0,
    promisedDate: addDays(14),
    warehouseId: spec.warehouseId,
    customRequired: Boolean(spec.customText),
    customText: spec.customText,
    notes: spec.notes,
    lines: spec.lines.map((l) => ({ productId: l.productId, quantity: l.quantity, discountBp: 0 })),
  });
  return w.clerk<PlacedOrder>('orders.submit', { id: draft.id, rowVersion: draft.rowVersion, confirmDuplicate: true });
}

export interface OrderView {
  order: { id: string; status: string; rowVersion: number; revision: number; changedFlag: boolean; total: number };
  lines: { id: string; quantity: number; allocatedQty: number }[];
  holds: { kind: string; status: string }[];
}

export function getOrder(w: ReviewWorld, id: string): Promise<OrderView> {
  return w.admin<OrderView>('orders.get', { id });
}
