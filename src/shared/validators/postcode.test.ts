import { describe, it, expect } from 'vitest';
import { isPostcode } from './postcode';

describe('isPostcode', () => {
  it.each([
    ['100000', true], // Beijing
    ['518000', true], // Shenzhen
    [' 200001 ', true], // pasted with spaces
    ['999077', true], // six digits are enough; the first digit is not range-checked
    ['10000', false],
    ['1000000', false],
    ['10000a', false],
    ['100 000', false],
    ['', false],
  ])('%s → %s', (input, expected) => {
    expect(isPostcode(input)).toBe(expected);
  });
});
