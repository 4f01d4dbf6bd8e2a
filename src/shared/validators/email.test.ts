import { describe, it, expect } from 'vitest';
import { isEmail, normalizeEmail } from './email';

describe('isEmail', () => {
  it.each([
    ['sales@example.com', true],
    ['li.lei+orders@mail.example.com.cn', true],
    ['wang_fang@163.com', true],
    [' zhang@qq.com ', true],
    ['service@例子.中国', true],
    ['a@b', false], // no dot in the domain
    ['a@@b.com', false],
    ['a@b@c.com', false],
    ['@example.com', false],
    ['li lei@example.com', false],
    ['li@example..com', false],
    ['li@.example.com', false],
    ['li@example.com.', false],
    ['li@-example.com', false],
    ['', false],
    [`${'a'.repeat(64)}@${'b'.repeat(185)}.com`, true], // 254 characters
    [`${'a'.repeat(64)}@${'b'.repeat(186)}.com`, false], // 255 characters
  ])('%s → %s', (input, expected) => {
    expect(isEmail(input)).toBe(expected);
  });
});

describe('normalizeEmail', () => {
  it('trims and lower-cases only the domain', () => {
    expect(normalizeEmail('  Li.Lei@Example.COM ')).toBe('Li.Lei@example.com');
  });
});
