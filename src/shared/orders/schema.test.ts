import { describe, expect, it } from 'vitest';
import { issuesToFieldErrors } from '../validation';
import { linesSignature } from './duplicates';
import { orderDraftSchema, orderFieldSchemas, orderSubmitSchema } from './schema';

const fields = (value: unknown) => {
  const r = orderSubmitSchema.safeParse(value);
  return r.success ? [] : issuesToFieldErrors(r.error.issues).map((f) => `${f.path}:${f.code}`);
};

const complete = {
  customerId: 'c1',
  shipTo: { recipient: '张伟', phone: '13800138000', province: '北京市', city: '北京市', district: '朝阳区', street: '建国路 88 号' },
  lines: [{ productId: 'p1', quantity: 2 }],
};

describe('order schemas', () => {
  it('a draft takes half-typed values and fills defaults', () => {
    const draft = orderDraftSchema.parse({
      customerId: 'c1',
      shipTo: { phone: '138001', postcode: '10' },
      requestedDate: '2026-1',
      lines: [{ productId: 'p1' }, { productId: 'p2', quantity: 0, unitPrice: null }],
    });
    expect(draft).toMatchObject({
      channel: 'phone',
      orderType: 'retail',
      priority: 'regular',
      paymentMethod: 'cash',
      paymentTermsDays: 0,
      customRequired: false,
      shipTo: { phone: '138001', postcode: '10' },
      requestedDate: '2026-1',
      lines: [{ productId: 'p1', discountBp: 0 }, { productId: 'p2', quantity: 0, discountBp: 0 }],
    });
    expect(draft.lines[0].quantity).toBeUndefined();
  });

  it('a draft still needs the customer and bounded values', () => {
    const r = orderDraftSchema.safeParse({ customerId: ' ', notes: 'x'.repeat(1001), lines: [{ productId: 'p', quantity: -1 }] });
    expect(r.success).toBe(false);
    const codes = issuesToFieldErrors(r.error!.issues).map((f) => `${f.path}:${f.code}`);
    expect(codes).toEqual(expect.arrayContaining(['customerId:v.required', 'notes:v.tooLong', 'lines.0.quantity:v.quantity']));
  });

  it('submit needs the address, a valid phone, positive quantities and a line', () => {
    expect(fields(complete)).toEqual([]);
    expect(fields({ customerId: 'c1', lines: [] }).sort()).toEqual(
      [
        'lines:order.noLines',
        'shipTo.city:v.required',
        'shipTo.district:v.required',
        'shipTo.phone:v.required',
        'shipTo.province:v.required',
        'shipTo.recipient:v.required',
        'shipTo.street:v.required',
      ].sort(),
    );
    expect(
      fields({
        ...complete,
        shipTo: { ...complete.shipTo, phone: '1380013800', postcode: '1000' },
        contact: { phone: '12345' },
        requestedDate: '2026-02-30',
        lines: [{ productId: 'p1', quantity: 2 }, { productId: 'p2' }, { productId: 'p3', quantity: 0 }],
      }).sort(),
    ).toEqual(
      [
        'contact.phone:v.phone',
        'lines.1.quantity:v.required',
        'lines.2.quantity:v.quantity',
        'requestedDate:v.date',
        'shipTo.phone:v.phone',
        'shipTo.postcode:v.postcode',
      ].sort(),
    );
  });

  it('custom requirements need their text; terms need credit', () => {
    expect(fields({ ...complete, customRequired: true })).toEqual(['customText:order.customTextRequired']);
    expect(fields({ ...complete, paymentTermsDays: 30 })).toEqual(['paymentTermsDays:order.termsNeedCredit']);
    expect(fields({ ...complete, paymentMethod: 'credit', paymentTermsDays: 30, customRequired: true, customText: '加装防雨罩' })).toEqual([]);
  });

  it('normalises phones on submit', () => {
    const r = orderSubmitSchema.parse({ ...complete, shipTo: { ...complete.shipTo, phone: '+86 138-0013-8000' } });
    expect(r.shipTo.phone).toBe('13800138000');
  });

  it('exports field schemas with the server\u2019s paths for validation as the clerk leaves a field', () => {
    expect(orderFieldSchemas['shipTo.phone'].safeParse('138 0013 8000').success).toBe(true);
    expect(orderFieldSchemas['shipTo.phone'].safeParse('1380013800').success).toBe(false);
    expect(orderFieldSchemas['lines.quantity'].safeParse(0).success).toBe(false);
    expect(orderFieldSchemas['shipTo.postcode'].safeParse('').success).toBe(true);
  });

  it('compares line multisets whatever their order', () => {
    expect(linesSignature([{ productId: 'a', quantity: 2 }, { productId: 'b', quantity: 1 }])).toBe(
      linesSignature([{ productId: 'b', quantity: 1 }, { productId: 'a', quantity: 2 }]),
    );
    expect(linesSignature([{ productId: 'a', quantity: 2 }])).not.toBe(linesSignature([{ productId: 'a', quantity: 3 }]));
    expect(linesSignature([{ productId: 'a', quantity: 2 }, { productId: 'a', quantity: 2 }])).not.toBe(
      linesSignature([{ productId: 'a', quantity: 2 }]),
    );
  });
});
