import { describe, it, expect } from 'vitest';
import { isLandline, isMobile, isPhone, normalizeLandline, normalizeMobile, normalizePhone } from './phone';

describe('normalizeMobile', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['138 0013 8000', '13800138000'],
    ['138-0013-8000', '13800138000'],
    ['(138)00138000', '13800138000'],
    ['+86 138 0013 8000', '13800138000'],
    ['+86-13800138000', '13800138000'],
    ['008613800138000', '13800138000'],
    ['8613800138000', '13800138000'],
    ['＋８６ １３８００１３８０００', '13800138000'], // typed with a Chinese IME
    // The prefix is only dropped when an 11-digit number starting with 1 follows.
    ['86123456789', '86123456789'],
    ['+8601012345678', '+8601012345678'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeMobile(input)).toBe(expected);
  });
});

describe('isMobile', () => {
  it.each([
    ['13800138000', true],
    ['15912345678', true],
    ['19912345678', true], // 199 is a China Telecom segment
    ['+86 186 1234 5678', true],
    ['12345678901', false], // no 12x segment
    ['10086', false],
    ['1380013800', false], // 10 digits
    ['138001380001', false], // 12 digits
    ['23800138000', false],
    ['1380013800a', false],
    ['', false],
  ])('%s → %s', (input, expected) => {
    expect(isMobile(input)).toBe(expected);
  });
});

describe('landline', () => {
  it.each([
    ['010-62345678', '010-62345678'],
    ['01082345678', '010-82345678'],
    ['(010)82345678', '010-82345678'],
    ['(010) 8234 5678', '010-82345678'],
    ['021 62345678', '021-62345678'],
    ['0755-86013388', '0755-86013388'],
    ['075586013388', '0755-86013388'], // four-digit area codes split without a separator
    ['0571-8765432', '0571-8765432'], // seven-digit local number
    ['0755-86013388-801', '0755-86013388-801'],
    ['0755-86013388转801', '0755-86013388-801'],
    ['0755-86013388 ext. 801', '0755-86013388-801'],
    ['（０１０）８２３４５６７８', '010-82345678'],
    ['+86 10 82345678', '010-82345678'],
    ['+86-755-86013388', '0755-86013388'],
    ['400-820-8820', '400-820-8820'],
    ['4008208820', '400-820-8820'],
    ['800 810 8888', '800-810-8888'],
  ])('%s is a landline, normalised to %s', (input, expected) => {
    expect(isLandline(input)).toBe(true);
    expect(normalizeLandline(input)).toBe(expected);
  });

  it.each([
    '12345678', // no area code
    '010-1234567', // local part starting with 1
    '010-02345678', // local part starting with 0
    '010-823456', // six digits
    '010-823456789', // nine digits
    '0755-8601338812345678', // extension too long
    '13800138000', // a mobile is not a landline
    '400-820-882', // service number one digit short
    '500-820-8820', // not a service prefix
    'tel:010-82345678',
    '',
  ])('%s is not a landline', (input) => {
    expect(isLandline(input)).toBe(false);
    expect(normalizeLandline(input)).toBe(input.trim());
  });
});

describe('isPhone / normalizePhone', () => {
  it.each([
    ['+86 138 0013 8000', true, '13800138000'],
    ['(010)82345678', true, '010-82345678'],
    ['400-820-8820', true, '400-820-8820'],
    ['110', false, '110'],
    [' not a phone ', false, 'not a phone'],
  ])('%s → %s, %s', (input, ok, normalised) => {
    expect(isPhone(input)).toBe(ok);
    expect(normalizePhone(input)).toBe(normalised);
  });
});
