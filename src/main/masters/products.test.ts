import { afterEach, describe, expect, it } from 'vitest';
import type { ProductDetail } from '../../shared/contract/masters';
import { DeskError } from '../../shared/errors';
import { openTestDesk, type TestDesk } from '../testing/desk';
import { seedMasters } from '../testing/masters-fixtures';

let t: TestDesk;
afterEach(async () => t?.close());

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: unknown) => e as DeskError,
  );

describe('products', () => {
  it('derives lower-case pinyin initials from the name and keeps price-group prices', async () => {
    t = await openTestDesk();
    const vip = await t.call<{ id: string }>('priceGroups.save', { code: 'VIP', name: '重点客户' }, t.admin);
    const { id } = await t.call<{ id: string }>(
      'products.save',
      { sku: 'BJ-01', name: '北京市场', spec: '礼盒装', unit: '盒', listPrice: 9900, prices: [{ priceGroupId: vip.id, price: 8900 }] },
      t.admin,
    );
    const p = await t.call<ProductDetail>('products.get', { id }, t.admin);
    expect(p).toMatchObject({ pinyin: 'bjsc', taxRateBp: 1300, makeToOrder: false, active: true });
    expect(p.prices).toEqual([{ priceGroupId: vip.id, priceGroupCode: 'VIP', priceGroupName: '重点客户', price: 8900 }]);
    await t.call('products.save', { id, sku: 'BJ-01', name: '上海市场', unit: '盒', listPrice: 9900, prices: [] }, t.admin);
    const after = await t.call<ProductDetail>('products.get', { id }, t.admin);
    expect(after.pinyin).toBe('shsc');
    expect(after.prices).toEqual([]);
  });

  it('refuses a SKU taken in any case, a barcode of another product, and bad numbers, naming the fields', async () => {
    t = await openTestDesk();
    await seedMasters(t);
    const taken = await refusal(t.call('products.save', { sku: 'a100-1', name: 'x', unit: '个', listPrice: 1 }, t.admin));
    expect(taken.code).toBe('product.exists');
    expect(taken.fields[0].path).toBe('sku');
    const barcode = await refusal(t.call('products.save', { sku: 'NEW-1', name: 'x', unit: '个', listPrice: 1, barcode: '6901234567001' }, t.admin));
    expect(barcode.code).toBe('product.barcodeExists');
    expect(barcode.params).toEqual({ barcode: '6901234567001', sku: 'A100-1' });
    const bad = await refusal(
      t.call('products.save', { sku: 'NEW 1', name: '', unit: '个', listPrice: 12.5, taxRateBp: 20000, barcode: '12' }, t.admin),
    );
    expect(bad.fields.map((f) => `${f.path}:${f.code}`).sort()).toEqual([
      'barcode:product.barcode',
      'listPrice:v.money',
      'name:v.required',
      'sku:v.code',
      'taxRateBp:product.taxRate',
    ]);
    const dupGroup = await refusal(
      t.call('products.save', { sku: 'NEW-2', name: 'x', unit: '个', listPrice: 1, prices: [{ priceGroupId: 'g', price: 1 }, { priceGroupId: 'g', price: 2 }] }, t.admin),
    );
    expect(dupGroup.fields.map((f) => `${f.path}:${f.code}`)).toEqual(['prices.1.priceGroupId:product.duplicatePriceGroup']);
    const unknownGroup = await refusal(t.call('products.save', { sku: 'NEW-3', name: 'x', unit: '个', listPrice: 1, prices: [{ priceGroupId: 'g', price: 1 }] }, t.admin));
    expect(unknownGroup.fields.map((f) => `${f.path}:${f.code}`)).toEqual(['prices.0.priceGroupId:v.choice']);
  });

  it('lets only managers and admins edit products', async () => {
    t = await openTestDesk();
    const clerk = await t.signInAs('clerk');
    const e = await refusal(t.call('products.save', { sku: 'X', name: 'x', unit: '个', listPrice: 1 }, clerk));
    expect(e.code).toBe('auth.forbidden');
    const manager = await t.signInAs('manager');
    await t.call('products.save', { sku: 'X', name: 'x', unit: '个', listPrice: 1 }, manager);
  });

  it('lists with stock totals per product, filtered and paged', async () => {
    t = await openTestDesk();
    await seedMasters(t);
    const all = await t.call<{ rows: { sku: string; onHand: number; available: number; inTransit: number }[]; total: number }>('products.list', {}, t.admin);
    expect(all.total).toBe(5);
    expect(all.rows.map((r) => [r.sku, r.onHand, r.available, r.inTransit])).toEqual([
      ['A100-1', 150, 150, 0],
      ['A100-2', 100, 100, 0],
      ['B200-1', 300, 300, 0],
      ['C300-1', 100, 100, 20],
      ['M900-1', 0, 0, 0],
    ]);
    const screws = await t.call<{ rows: { sku: string }[]; total: number }>('products.list', { q: '螺丝', limit: 1 }, t.admin);
    expect(screws.total).toBe(2);
    expect(screws.rows.map((r) => r.sku)).toEqual(['A100-1']);
    const tools = await t.call<{ rows: { sku: string }[] }>('products.list', { category: '工具' }, t.admin);
    expect(tools.rows.map((r) => r.sku)).toEqual(['C300-1']);
  });
});

describe('regions, sales reps, carriers, price groups, warehouses', () => {
  it('creates, updates and lists them; codes are unique regardless of case', async () => {
    t = await openTestDesk();
    const f = await seedMasters(t);
    const regions = await t.call<{ rows: { code: string; name: string }[] }>('regions.list', {}, t.admin);
    expect(regions.rows).toEqual([expect.objectContaining({ code: 'EAST', name: '华东', active: true })]);
    await t.call('regions.save', { id: f.regions.EAST, code: 'EAST', name: '华东大区' }, t.admin);
    const dup = await refusal(t.call('regions.save', { code: 'east', name: 'x' }, t.admin));
    expect(dup.code).toBe('region.exists');
    const reps = await t.call<{ rows: { code: string; regionName: string }[] }>('salesReps.list', {}, t.admin);
    expect(reps.rows).toEqual([expect.objectContaining({ code: 'S01', regionName: '华东大区', mobile: '13912345678' })]);
    const badRep = await refusal(t.call('salesReps.save', { code: 'S02', name: '赵', mobile: '123' }, t.admin));
    expect(badRep.fields.map((f) => `${f.path}:${f.code}`)).toEqual(['mobile:v.mobile']);
    const carriers = await t.call<{ rows: { code: string; phone: string }[] }>('carriers.list', {}, t.admin);
    expect(carriers.rows).toEqual([expect.objectContaining({ code: 'SF', phone: '400-811-1111' })]);
    await t.call('carriers.save', { id: f.carriers.SF, code: 'SF', name: '顺丰', phone: '', active: false }, t.admin);
    expect((await t.call<{ rows: unknown[] }>('carriers.list', { activeOnly: true }, t.admin)).rows).toEqual([]);
    const groups = await t.call<{ rows: { code: string }[] }>('priceGroups.list', {}, t.admin);
    expect(groups.rows.map((g) => g.code)).toEqual(['VIP']);
    const clerk = await t.signInAs('clerk');
    expect((await refusal(t.call('regions.save', { code: 'WEST', name: '西' }, clerk))).code).toBe('auth.forbidden');
  });

  it('replaces a warehouse\u2019s bins but keeps a bin that stock still points to', async () => {
    t = await openTestDesk();
    const f = await seedMasters(t);
    const list = await t.call<{ rows: { code: string; bins: string[]; regionName: string }[] }>('warehouses.list', {}, t.admin);
    expect(list.rows.map((w) => [w.code, w.bins, w.regionName])).toEqual([
      ['WH-A', ['A-01-01', 'A-01-02', 'A-02-01'], '华东'],
      ['WH-B', ['B-01-01'], '华东'],
    ]);
    const inUse = await refusal(t.call('warehouses.save', { id: f.warehouses['WH-A'], code: 'WH-A', name: '上海一号仓', bins: ['A-01-01'] }, t.admin));
    expect(inUse.code).toBe('warehouse.binInUse');
    await t.call('warehouses.save', { id: f.warehouses['WH-A'], code: 'WH-A', name: '上海一号仓', bins: ['A-01-01', 'A-01-02', 'A-02-01', 'A-03-01'] }, t.admin);
    await t.call('warehouses.save', { id: f.warehouses['WH-B'], code: 'WH-B', name: '杭州仓', bins: ['B-01-01', 'B-02-01'] }, t.admin);
    const dup = await refusal(t.call('warehouses.save', { code: 'WH-C', name: '新仓', bins: ['C-1', 'c-1'] }, t.admin));
    expect(dup.fields.map((x) => `${x.path}:${x.code}`)).toEqual(['bins.1:warehouse.duplicateBin']);
    const after = await t.call<{ rows: { code: string; bins: string[] }[] }>('warehouses.list', {}, t.admin);
    expect(after.rows.map((w) => w.bins.length)).toEqual([4, 2]);
  });
});
