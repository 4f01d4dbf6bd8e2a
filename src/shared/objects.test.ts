import { describe, expect, it } from 'vitest';
import { withFields } from './objects';

describe('withFields', () => {
  it('adds and replaces fields on a copy, leaving the base as it was', () => {
    const row = { id: 'c1', code: 'C001', active: 1 };
    const out = withFields(row, { active: Boolean(row.active), bins: ['A-01'] });
    expect(out).toEqual({ id: 'c1', code: 'C001', active: true, bins: ['A-01'] });
    expect(row).toEqual({ id: 'c1', code: 'C001', active: 1 });
    // The replaced field has the new type (Object.assign alone would say number & boolean).
    const flag: boolean = out.active;
    expect(flag).toBe(true);
  });
});
