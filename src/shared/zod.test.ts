import { afterEach, describe, expect, it, vi } from 'vitest';
import { contract } from './contract';
import { orderSubmitSchema } from './orders/schema';
import { z } from './zod';

afterEach(() => vi.restoreAllMocks());

describe('the configured zod', () => {
  it('parses without generating code: the submit rules and a handler input run with eval never called', () => {
    const generate = vi.spyOn(globalThis, 'Function');
    const submit = orderSubmitSchema.safeParse({
      customerId: 'c1',
      shipTo: { recipient: '张伟', phone: '138 0013 8000', province: '北京市', city: '北京市', district: '朝阳区', street: '建国路 88 号' },
      lines: [{ productId: 'p1', quantity: 2 }],
    });
    expect(submit.success).toBe(true);
    const bad = orderSubmitSchema.safeParse({ customerId: 'c1', shipTo: { phone: '12' }, lines: [{ productId: 'p1', quantity: 0 }] });
    expect(bad.success).toBe(false);
    expect(contract['orders.submit'].input.parse({ id: 'o1', rowVersion: 3 })).toMatchObject({ id: 'o1', rowVersion: 3 });
    // A schema built now takes the same path.
    expect(z.object({ sku: z.string(), quantity: z.number() }).parse({ sku: 'BG01', quantity: 3 })).toEqual({ sku: 'BG01', quantity: 3 });
    expect(generate).not.toHaveBeenCalled();
    expect(z.config().jitless).toBe(true);
  });
});
