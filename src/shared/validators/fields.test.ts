import { describe, it, expect } from 'vitest';
import { z } from '../zod';
import {
  isIsoDate,
  zCode,
  zEmail,
  zIsoDate,
  zLandline,
  zMobile,
  zMoneyFen,
  zOptional,
  zPhone,
  zPostcode,
  zQuantity,
  zRequiredText,
  zUscc,
} from './fields';

/** The issues as the dispatcher will see them: code = message, plus params when present. */
function issues(schema: z.ZodType, input: unknown) {
  const r = schema.safeParse(input);
  if (r.success) return [];
  return r.error.issues.map((i) => ('params' in i && i.params ? { code: i.message, params: i.params } : { code: i.message }));
}

function ok(schema: z.ZodType, input: unknown) {
  const r = schema.safeParse(input);
  expect(r.success, JSON.stringify(r.error?.issues)).toBe(true);
  return r.data;
}

describe('normalising string fields', () => {
  it.each([
    [zMobile, '+86 138-0013-8000', '13800138000'],
    [zLandline, '(010) 8234 5678', '010-82345678'],
    [zLandline, '4008208820', '400-820-8820'],
    [zPhone, '0086 186 1234 5678', '18612345678'],
    [zPhone, '0755-86013388转801', '0755-86013388-801'],
    [zPostcode, ' 518000 ', '518000'],
    [zEmail, ' Sales@Example.COM ', 'Sales@example.com'],
    [zUscc, ' 91512081ma62k0260e ', '91512081MA62K0260E'],
    [zCode, '  CUST-001 ', 'CUST-001'],
    [zCode, 'a.b_c-9', 'a.b_c-9'],
    [zIsoDate, '2024-02-29', '2024-02-29'],
  ] as const)('%#: %j → %j', (schema, input, expected) => {
    expect(ok(schema, input)).toBe(expected);
  });
});

describe('message codes', () => {
  it.each([
    [zMobile, '12345678901', 'v.mobile'],
    [zMobile, 13800138000, 'v.mobile'], // a number is the wrong type, not a missing value
    [zLandline, '13800138000', 'v.landline'],
    [zPhone, '110', 'v.phone'],
    [zPostcode, '10000', 'v.postcode'],
    [zEmail, 'li@example', 'v.email'],
    [zUscc, '91512081MA62K026', 'v.uscc.length'],
    [zUscc, '91512081MO62K0260E', 'v.uscc.charset'],
    [zCode, 'CUST 001', 'v.code'],
    [zCode, '客户001', 'v.code'],
    [zCode, 'A'.repeat(33), 'v.code'],
    [zIsoDate, '2023-02-29', 'v.date'],
    [zIsoDate, '2024/01/05', 'v.date'],
  ] as const)('%#: %j → %s', (schema, input, code) => {
    expect(issues(schema, input)).toEqual([{ code }]);
  });

  it('carries the expected check character', () => {
    expect(issues(zUscc, '91512081MA62K0260F')).toEqual([{ code: 'v.uscc.checkChar', params: { expected: 'E' } }]);
  });

  it.each([zMobile, zLandline, zPhone, zPostcode, zEmail, zUscc, zCode, zIsoDate, zRequiredText(10)])(
    'missing or blank is v.required (%#)',
    (schema) => {
      for (const input of [undefined, null, '', '   ']) {
        expect(issues(schema, input)).toEqual([{ code: 'v.required' }]);
      }
    },
  );

  it('reports the field path inside an object', () => {
    const r = z.object({ contact: z.object({ mobile: zMobile }) }).safeParse({ contact: { mobile: '123' } });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['contact.mobile', 'v.mobile']]);
  });
});

describe('zRequiredText', () => {
  const name = zRequiredText(4);
  it.each([
    ['  华为技术 ', '华为技术'], // four characters, counted as characters not UTF-16 units
    ['𠮷野家', '𠮷野家'], // a character outside the BMP counts once
    ['abcd', 'abcd'],
  ])('%j → %j', (input, expected) => {
    expect(ok(name, input)).toBe(expected);
  });
  it('too long carries {max}', () => {
    expect(issues(name, 'abcde')).toEqual([{ code: 'v.tooLong', params: { max: 4 } }]);
  });
});

describe('numbers', () => {
  it.each([
    [zMoneyFen, 0, true],
    [zMoneyFen, 123450, true],
    [zMoneyFen, Number.MAX_SAFE_INTEGER, true],
    [zMoneyFen, -1, false],
    [zMoneyFen, 12.5, false],
    [zMoneyFen, Number.NaN, false],
    [zMoneyFen, Number.MAX_SAFE_INTEGER + 1, false],
    [zMoneyFen, '100', false],
    [zQuantity, 1, true],
    [zQuantity, 250, true],
    [zQuantity, 0, false],
    [zQuantity, -3, false],
    [zQuantity, 1.5, false],
    [zQuantity, Number.POSITIVE_INFINITY, false],
  ] as const)('%#: %j → %s', (schema, input, valid) => {
    const code = schema === zMoneyFen ? 'v.money' : 'v.quantity';
    expect(issues(schema, input)).toEqual(valid ? [] : [{ code }]);
  });

  it('a missing number is v.required', () => {
    expect(issues(zMoneyFen, undefined)).toEqual([{ code: 'v.required' }]);
    expect(issues(zQuantity, null)).toEqual([{ code: 'v.required' }]);
  });
});

describe('isIsoDate', () => {
  it.each([
    ['2024-02-29', true], // leap year
    ['2000-02-29', true], // divisible by 400
    ['1900-02-29', false], // divisible by 100, not 400
    ['2023-02-29', false],
    ['2025-04-30', true],
    ['2025-04-31', false],
    ['2025-12-31', true],
    ['2025-13-01', false],
    ['2025-00-10', false],
    ['2025-01-00', false],
    ['2025-1-05', false],
    ['2025-01-05T00:00:00Z', false],
  ])('%s → %s', (input, expected) => {
    expect(isIsoDate(input)).toBe(expected);
  });
});

describe('zOptional', () => {
  const schema = z.object({ email: zOptional(zEmail), mobile: zOptional(zMobile) });
  it('blank and missing become undefined; given values are still checked', () => {
    expect(ok(schema, { email: '  ', mobile: null })).toEqual({ email: undefined, mobile: undefined });
    expect(ok(schema, { mobile: '+86 13800138000' })).toEqual({ mobile: '13800138000' });
    expect(issues(schema, { email: 'nope' })).toEqual([{ code: 'v.email' }]);
  });
});
