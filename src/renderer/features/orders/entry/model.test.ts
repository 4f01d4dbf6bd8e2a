import { describe, expect, it } from 'vitest';
import { amendInput, checkOrder, draftInput, emptyHeader, lineFromProduct, newLine, screenPath, type Header, type ProductPick } from './model';

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
});
