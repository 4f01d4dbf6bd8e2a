import { describe, it, expect } from 'vitest';
import { checkUscc, isUscc, normalizeUscc, usccCheckChar, USCC_CHARSET } from './uscc';

describe('usccCheckChar', () => {
  it.each([
    ['91512081MA62K0260', 'E'],
    ['91350100M000100Y4', '3'],
    ['91110108551385082', 'Q'],
    ['91440300MA5FUTHK9', '4'],
    ['91110000100000000', 'R'],
    ['00000000000000000', '0'], // sum 0 → 31 - 0 = 31 → '0'
  ])('%s → %s', (first17, expected) => {
    expect(usccCheckChar(first17)).toBe(expected);
  });

  it('rejects malformed input', () => {
    expect(() => usccCheckChar('9151208')).toThrow(RangeError);
    expect(() => usccCheckChar('91512081MA62K026I')).toThrow(RangeError);
  });

  it('uses the 31-character set without I, O, Z, S, V', () => {
    expect(USCC_CHARSET).toHaveLength(31);
    for (const ch of 'IOZSV') expect(USCC_CHARSET).not.toContain(ch);
  });
});

describe('checkUscc', () => {
  it.each([
    ['91512081MA62K0260E', { ok: true }],
    ['91350100M000100Y43', { ok: true }],
    ['91110108551385082Q', { ok: true }],
    [' 91512081ma62k0260e ', { ok: true }], // trimmed and upper-cased first
    ['91512081MA62K0260F', { ok: false, reason: 'checkChar', expected: 'E' }],
    ['91350100M000100Y44', { ok: false, reason: 'checkChar', expected: '3' }],
    ['911100001000000000', { ok: false, reason: 'checkChar', expected: 'R' }],
    ['91440300MA5FUTHK9D', { ok: false, reason: 'checkChar', expected: '4' }],
    ['91512081MA62K0260', { ok: false, reason: 'length' }],
    ['91512081MA62K0260EE', { ok: false, reason: 'length' }],
    ['', { ok: false, reason: 'length' }],
    ['91512081MO62K0260E', { ok: false, reason: 'charset' }], // O is not in the set
    ['91512081MA62K026-E', { ok: false, reason: 'charset' }],
    ['91512081MA62K0260Z', { ok: false, reason: 'charset' }],
  ])('%s → %j', (code, expected) => {
    expect(checkUscc(code)).toEqual(expected);
    expect(isUscc(code)).toBe(expected.ok);
  });

  it('catches any single-character change of a valid code', () => {
    const valid = '91512081MA62K0260E';
    for (let i = 0; i < 18; i++) {
      for (const ch of USCC_CHARSET) {
        if (ch === valid[i]) continue;
        const altered = valid.slice(0, i) + ch + valid.slice(i + 1);
        expect(checkUscc(altered).ok, altered).toBe(false);
      }
    }
  });

  it('normalizeUscc trims and upper-cases', () => {
    expect(normalizeUscc(' 91512081ma62k0260e\n')).toBe('91512081MA62K0260E');
  });
});
