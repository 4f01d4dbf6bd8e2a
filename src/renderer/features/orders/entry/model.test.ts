import { describe, expect, it } from 'vitest';
import {
  amendInput,
  billToText,
  checkOrder,
  customerBillTo,
  customerDefaults,
  draftInput,
  emptyHeader,
  lineFromProduct,
  newLine,
  screenPath,
  withBillTo,
  type AddressOption,
  type Header,
  type ProductPick,
} from './model';

const SCREW: ProductPick = { id: 'p1', sku: 'A100-1', name: '不锈钢螺丝', spec: 'M6×20', unit: '盒', listPrice: 1250, price: 1250, taxRateBp: 1300 };
const TAPE: ProductPick = { id: 'p2', sku: 'B200-1', name: '工业胶带', spec: null, unit: '卷', listPrice: 650, price: 600, taxRateBp: 1300 };

const header = (patch: Partial<Header> = {}): Header => ({
  ...emptyHeader(),
  customer: { id: 'c1', code: 'C001', name: '北京市场贸易有限公司', kind: 'company', creditLimit: 0, paymentTermsDays: 0, priceGroupId: null, regionId: null },
  customerText: 'C001 北京市场贸易有限公司',
  recipient: '张伟',
  shipPhone: '13800138000',
  province: '北京市',
  city: '北京市',
  district: '朝阳区',
  street: '建国路 88 号',
  ...patch,
});

const ctx = { role: 'clerk' as const, discountLimitBp: 1000, mode: 'new' as const };

describe('the draft the screen sends', () => {
  it('sends only lines with a product, with what was typed turned into fen, basis points and whole numbers', () => {
    const lines = [lineFromProduct(SCREW, { qty: '12', price: '11.5', discount: '5' }), newLine(), lineFromProduct(TAPE, { qty: '' })];
    const built = draftInput(header({ customerPo: '  ', notes: '周五前送达' }), lines)!;
    expect(built.keys).toEqual([lines[0].key, lines[2].key]);
    expect(built.input.lines).toEqual([
      { productId: 'p1', customParams: undefined, quantity: 12, unitPrice: 1150, discountBp: 500, warehouseId: undefined },
      { productId: 'p2', customParams: undefined, quantity: undefined, unitPrice: undefined, discountBp: 0, warehouseId: undefined },
    ]);
    expect(built.input.customerPo).toBeUndefined();
    expect(built.input.notes).toBe('周五前送达');
  });

  it('has nothing to save before a customer is chosen', () => {
    expect(draftInput(emptyHeader(), [newLine()])).toBeNull();
  });

  it('puts the desk’s line paths on the line the clerk sees (empty rows are not sent)', () => {
    expect(screenPath('lines.1.quantity', ['l1', 'l3'])).toBe('lines.l3.quantity');
    expect(screenPath('shipTo.phone', ['l1'])).toBe('shipTo.phone');
    expect(screenPath('lines', ['l1'])).toBe('lines');
  });
});

describe('checks at the field (the shared submit rules)', () => {
  it('a standard order passes', () => {
    expect(checkOrder(header(), [lineFromProduct(SCREW, { qty: '3' }), newLine()], ctx)).toEqual({});
  });

  it('names each problem at its field', () => {
    const line = lineFromProduct(SCREW, { qty: '0' });
    const issues = checkOrder(header({ shipPhone: '1381234', recipient: '', termsDays: '30' }), [line], ctx);
    expect(issues['shipTo.phone']?.code).toBe('v.phone');
    expect(issues['shipTo.recipient']?.code).toBe('v.required');
    expect(issues['paymentTermsDays']?.code).toBe('order.termsNeedCredit');
    expect(issues[`lines.${line.key}.quantity`]?.code).toBe('v.quantity');
  });

  it('an order needs a line; a typed product that was not taken from the list is refused', () => {
    expect(checkOrder(header(), [newLine()], ctx).lines?.code).toBe('order.noLines');
    const typed = newLine({ text: 'A10' });
    expect(checkOrder(header(), [typed], ctx)[`lines.${typed.key}.productId`]?.code).toBe('v.choice');
  });

  it('a price below the clerk’s discount limit is refused at the price, with the lowest price allowed', () => {
    const line = lineFromProduct(SCREW, { qty: '10', price: '10.00' });
    const issue = checkOrder(header(), [line], ctx)[`lines.${line.key}.unitPrice`];
    expect(issue?.code).toBe('order.discountTooDeep');
    expect(issue?.params).toMatchObject({ max: 10, given: 20, minPriceText: '11.25' });
    expect(checkOrder(header(), [lineFromProduct(SCREW, { qty: '10', price: '11.25' })], ctx)).toEqual({});
  });
});

describe('the bill-to filled in from the customer', () => {
  const address = (patch: Partial<AddressOption>): AddressOption => ({
    id: 'a1',
    label: null,
    recipient: '张伟',
    phone: '13800138000',
    province: '北京市',
    city: '北京市',
    district: '朝阳区',
    street: '建国路 88 号 SOHO 现代城 2 号楼 1203',
    postcode: '100022',
    isDefault: true,
    ...patch,
  });

  it('is the name and the address as the demo data has it (the city once when it is the province)', () => {
    expect(billToText('北京市场贸易有限公司', address({}))).toBe('北京市场贸易有限公司 北京市朝阳区建国路 88 号 SOHO 现代城 2 号楼 1203');
    expect(billToText('杭州西湖电子有限公司', address({ province: '浙江省', city: '杭州市', district: '西湖区', street: '文三路 478 号' }))).toBe(
      '杭州西湖电子有限公司 浙江省杭州市西湖区文三路 478 号',
    );
    expect(billToText('王小明', null)).toBe('王小明');
  });

  it('takes the default address, else the first, and never runs past the field’s length', () => {
    const first = address({ id: 'a1', isDefault: false, district: '海淀区', street: '中关村大街 1 号' });
    const home = address({ id: 'a2', isDefault: true });
    expect(customerBillTo({ name: '北京市场贸易有限公司', addresses: [first, home] })).toBe('北京市场贸易有限公司 北京市朝阳区建国路 88 号 SOHO 现代城 2 号楼 1203');
    expect(customerBillTo({ name: '北京市场贸易有限公司', addresses: [{ ...home, isDefault: false }, first] })).toBe(
      '北京市场贸易有限公司 北京市朝阳区建国路 88 号 SOHO 现代城 2 号楼 1203',
    );
    const long = customerBillTo({ name: '长'.repeat(100), addresses: [address({ street: '路'.repeat(150) })] });
    expect(long.length).toBe(200);
    expect(long.startsWith(`${'长'.repeat(100)} 北京市朝阳区`)).toBe(true);
    // A character outside the BMP is not cut in half.
    expect(customerBillTo({ name: '𠀋'.repeat(100), addresses: [address({ street: '𠀋'.repeat(150) })] }).length).toBe(200);
    const straddling = customerBillTo({ name: 'A', addresses: [address({ street: `${'x'.repeat(191)}𠀋` })] });
    expect(straddling).toBe(`A 北京市朝阳区${'x'.repeat(191)}`);
  });

  it('comes with the customer’s defaults', () => {
    const d = customerDefaults(
      {
        id: 'c1',
        code: 'C001',
        name: '北京市场贸易有限公司',
        pinyin: '',
        kind: 'company',
        uscc: null,
        usccOverrideReason: null,
        creditLimit: 0,
        paymentTermsDays: 0,
        priceGroupId: null,
        regionId: null,
        salesRepId: null,
        email: null,
        notes: null,
        active: true,
        createdAt: '2026-01-01T00:00:00Z',
        updatedAt: '2026-01-01T00:00:00Z',
        contacts: [],
        addresses: [address({})],
      },
      [{ id: 'w1', regionId: null, active: true }],
      '2026-01-04',
    );
    expect(d.header.billTo).toBe('北京市场贸易有限公司 北京市朝阳区建国路 88 号 SOHO 现代城 2 号楼 1203');
  });

  it('replaces a blank bill-to or the one filled in before, never one the clerk typed', () => {
    const patch = { recipient: '陈静', billTo: '杭州西湖电子有限公司 浙江省杭州市西湖区文三路 478 号' };
    expect(withBillTo(patch, '', '')).toEqual({ patch, filled: patch.billTo });
    expect(withBillTo(patch, '  ', '')).toEqual({ patch, filled: patch.billTo });
    expect(withBillTo(patch, '北京市场贸易有限公司 北京市朝阳区建国路 88 号', '北京市场贸易有限公司 北京市朝阳区建国路 88 号')).toEqual({ patch, filled: patch.billTo });
    expect(withBillTo(patch, '北京市场贸易有限公司 财务部', '北京市场贸易有限公司 北京市朝阳区建国路 88 号')).toEqual({
      patch: { recipient: '陈静' },
      filled: '北京市场贸易有限公司 北京市朝阳区建国路 88 号',
    });
    expect(withBillTo(patch, '北京市场贸易有限公司 财务部', '')).toEqual({ patch: { recipient: '陈静' }, filled: '' });
    expect(withBillTo({ recipient: '陈静' }, '', 'x')).toEqual({ patch: { recipient: '陈静' }, filled: 'x' });
  });

  it('is checked for its length at the field and sent with the draft', () => {
    expect(checkOrder(header({ billTo: 'x'.repeat(201) }), [lineFromProduct(SCREW, { qty: '1' })], ctx).billTo?.code).toBe('v.tooLong');
    expect(draftInput(header({ billTo: ' 北京市场贸易有限公司 财务部 ' }), [])!.input.billTo).toBe('北京市场贸易有限公司 财务部');
    expect(draftInput(header({ billTo: '  ' }), [])!.input.billTo).toBeUndefined();
  });
});

describe('a change to a submitted order', () => {
  it('sends only the header fields that changed, and the lines only when they changed', () => {
    const before = { header: header(), lines: [lineFromProduct(SCREW, { lineId: 'ol1', qty: '12' })] };
    const same = amendInput(before, header(), before.lines);
    expect(same).toEqual({ reason: '' });

    const lines = [{ ...before.lines[0], qty: '15' }, lineFromProduct(TAPE, { qty: '4' }), newLine()];
    const change = amendInput(before, header({ shipPhone: '13912345678', notes: '', reason: '客户加量' }), lines);
    expect(change.header).toEqual({ shipPhone: '13912345678' });
    expect(change.reason).toBe('客户加量');
    expect(change.lines).toEqual([
      { id: 'ol1', quantity: 15, discountBp: 0, customParams: null },
      { productId: 'p2', quantity: 4, discountBp: 0, customParams: null },
    ]);
  });

  it('sends a new delivery method, and the draft carries the one chosen', () => {
    const before = { header: header(), lines: [lineFromProduct(SCREW, { lineId: 'ol1', qty: '12' })] };
    expect(before.header.deliveryMethod).toBe('delivery');
    expect(amendInput(before, header({ deliveryMethod: 'pickup' }), before.lines)).toEqual({ reason: '', header: { deliveryMethod: 'pickup' } });
    expect(draftInput(header({ deliveryMethod: 'courier' }), [])!.input.deliveryMethod).toBe('courier');
  });

  it('sends a new bill-to, and a cleared one as null', () => {
    const before = { header: header({ billTo: '北京市场贸易有限公司 财务部' }), lines: [lineFromProduct(SCREW, { lineId: 'ol1', qty: '12' })] };
    expect(amendInput(before, header({ billTo: '北京市场贸易有限公司 总部' }), before.lines).header).toEqual({ billTo: '北京市场贸易有限公司 总部' });
    expect(amendInput(before, header({ billTo: '  ' }), before.lines).header).toEqual({ billTo: null });
  });
});
