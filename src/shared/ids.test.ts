import { describe, expect, it } from 'vitest';
import { randomSeed, seededIds, uuidv7 } from './ids';

describe('ids', () => {
  it('uuidv7 carries the millisecond, version 7 and the RFC variant, and never repeats across pool refills', () => {
    const at = Date.UTC(2026, 10, 28, 3, 40, 0, 123);
    // 16 bytes each: 2,000 ids draw the 4 KiB pool almost eight times over.
    const ids = Array.from({ length: 2000 }, () => uuidv7(at));
    expect(new Set(ids).size).toBe(2000);
    for (const id of ids.slice(0, 300)) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at);
    }
  });

  it('random seeds are 24 hex digits and distinct past a pool refill', () => {
    const seeds = Array.from({ length: 1000 }, randomSeed);
    expect(new Set(seeds).size).toBe(1000);
    expect(seeds.every((s) => /^[0-9a-f]{24}$/.test(s))).toBe(true);
  });

  it('seeded ids replay: the same seed and time give the same sequence', () => {
    const a = seededIds('c0ffee', 1_764_300_000_000);
    const b = seededIds('c0ffee', 1_764_300_000_000);
    const first = [a.next(), a.next(), a.next()];
    expect([b.next(), b.next(), b.next()]).toEqual(first);
    expect(new Set(first).size).toBe(3);
  });
});
