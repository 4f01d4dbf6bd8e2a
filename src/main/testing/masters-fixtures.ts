import type { TestDesk } from './desk';

/**
 * A small, realistic master-data set for tests, created through the handlers (so it passes every
 * rule a clerk's input must pass). Everything is returned as ids by code.
 *
 *   region      EAST 华东
 *   price group VIP 重点客户
 *   sales rep   S01 李强 (EAST)          carrier SF 顺丰速运
 *   warehouses  WH-A 上海一号仓 (bins A-01-01, A-01-02, A-02-01), WH-B 杭州仓 (bin B-01-01), both EAST
 *   customers   C001 北京市场贸易有限公司  company, credit limit 100,000.00, 30 days, VIP, EAST, S01
 *               C002 杭州西湖电子有限公司  company, credit limit 50,000.00, 15 days, EAST
 *               C003 王小明                person, no credit (0), cash
 *               each with one default address and a primary contact
 *   products    (list price, tax 13%)
 *               A100-1 不锈钢螺丝 M6×20 盒 12.50 (VIP 11.00)  WH-A 100 on hand, safety 20; WH-B 50
 *               A100-2 不锈钢螺丝 M8×30 盒 18.80              WH-A 100
 *               B200-1 工业胶带 48mm 卷 6.50 (VIP 6.00)       WH-A 100; WH-B 200
 *               C300-1 液压千斤顶 5T 台 458.00                WH-A 100, in transit 20 (eta 2026-12-15)
 *               M900-1 定制控制柜 台 12,800.00 make-to-order  no stock
 */
export interface MastersFixture {
  regions: { EAST: string };
  priceGroups: { VIP: string };
  salesReps: { S01: string };
  carriers: { SF: string };
  warehouses: { 'WH-A': string; 'WH-B': string };
  customers: { C001: string; C002: string; C003: string };
  products: { 'A100-1': string; 'A100-2': string; 'B200-1': string; 'C300-1': string; 'M900-1': string };
}

/** USCCs with a valid check character (GB 32100). */
export const FIXTURE_USCC = { C001: '91512081MA62K0260E', C002: '91330106MA2CFR8D15' } as const;

export async function seedMasters(t: TestDesk, session: string = t.admin): Promise<MastersFixture> {
  const save = async (name: string, input: unknown) => (await t.call<{ id: string }>(name, input, session)).id;

  const EAST = await save('regions.save', { code: 'EAST', name: '华东' });
  const VIP = await save('priceGroups.save', { code: 'VIP', name: '重点客户' });
  const S01 = await save('salesReps.save', { code: 'S01', name: '李强', mobile: '13912345678', regionId: EAST });
  const SF = await save('carriers.save', { code: 'SF', name: '顺丰速运', phone: '400-811-1111' });
  const WHA = await save('warehouses.save', {
    code: 'WH-A',
    name: '上海一号仓',
    regionId: EAST,
    address: '上海市嘉定区兴贤路 1180 号',
    bins: ['A-01-01', 'A-01-02', 'A-02-01'],
  });
  const WHB = await save('warehouses.save', { code: 'WH-B', name: '杭州仓', regionId: EAST, address: '杭州市余杭区良渚街道 8 号', bins: ['B-01-01'] });

  const C001 = await save('customers.save', {
    code: 'C001',
    name: '北京市场贸易有限公司',
    kind: 'company',
    uscc: FIXTURE_USCC.C001,
    regionId: EAST,
    creditLimit: 10_000_000,
    paymentTermsDays: 30,
    priceGroupId: VIP,
    salesRepId: S01,
    email: 'caigou@bjsc.example.cn',
    contacts: [{ name: '张伟', mobile: '13800138000', landline: '010-65881234', isPrimary: true }],
    addresses: [
      { recipient: '张伟', phone: '13800138000', province: '北京市', city: '北京市', district: '朝阳区', street: '建国路 88 号 SOHO 现代城 2 号楼 1203', postcode: '100022', isDefault: true },
    ],
  });
  const C002 = await save('customers.save', {
    code: 'C002',
    name: '杭州西湖电子有限公司',
    kind: 'company',
    uscc: FIXTURE_USCC.C002,
    regionId: EAST,
    creditLimit: 5_000_000,
    paymentTermsDays: 15,
    contacts: [{ name: '陈静', mobile: '13757112345' }],
    addresses: [{ recipient: '陈静', phone: '0571-87651234', province: '浙江省', city: '杭州市', district: '西湖区', street: '文三路 478 号华星时代广场 A 座 8 楼', postcode: '310013' }],
  });
  const C003 = await save('customers.save', {
    code: 'C003',
    name: '王小明',
    kind: 'person',
    contacts: [{ name: '王小明', mobile: '15821234567' }],
    addresses: [{ recipient: '王小明', phone: '15821234567', province: '上海市', city: '上海市', district: '浦东新区', street: '张杨路 500 号 15 楼 1502 室', postcode: '200120' }],
  });

  const product = (sku: string, name: string, spec: string, unit: string, listPrice: number, extra: Record<string, unknown> = {}) =>
    save('products.save', { sku, name, spec, unit, listPrice, taxRateBp: 1300, category: '五金', ...extra });
  const A1001 = await product('A100-1', '不锈钢螺丝', 'M6×20', '盒', 1250, { barcode: '6901234567001', prices: [{ priceGroupId: VIP, price: 1100 }] });
  const A1002 = await product('A100-2', '不锈钢螺丝', 'M8×30', '盒', 1880, { barcode: '6901234567002' });
  const B2001 = await product('B200-1', '工业胶带', '48mm', '卷', 650, { barcode: '6901234567003', category: '耗材', prices: [{ priceGroupId: VIP, price: 600 }] });
  const C3001 = await product('C300-1', '液压千斤顶', '5T', '台', 45_800, { category: '工具' });
  const M9001 = await product('M900-1', '定制控制柜', '按图定制', '台', 1_280_000, { category: '设备', makeToOrder: true, bomNote: '柜体 ×1；PLC ×1；接触器 ×6' });

  const stock = (productId: string, warehouseId: string, onHand: number, extra: Record<string, unknown> = {}) =>
    t.call('stock.set', { productId, warehouseId, onHand, ...extra }, session);
  await stock(A1001, WHA, 100, { safetyStock: 20, binCode: 'A-01-01' });
  await stock(A1002, WHA, 100, { binCode: 'A-01-02' });
  await stock(B2001, WHA, 100, { binCode: 'A-02-01' });
  await stock(C3001, WHA, 100, { inTransit: 20, inTransitEta: '2026-12-15' });
  await stock(A1001, WHB, 50, { binCode: 'B-01-01' });
  await stock(B2001, WHB, 200);

  return {
    regions: { EAST },
    priceGroups: { VIP },
    salesReps: { S01 },
    carriers: { SF },
    warehouses: { 'WH-A': WHA, 'WH-B': WHB },
    customers: { C001, C002, C003 },
    products: { 'A100-1': A1001, 'A100-2': A1002, 'B200-1': B2001, 'C300-1': C3001, 'M900-1': M9001 },
  };
}
