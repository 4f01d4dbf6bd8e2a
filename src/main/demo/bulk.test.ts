import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDesk, type TestDesk } from '../testing/desk';
import { BatchWriter } from './bulk';

const AT = '2026-11-28T08:00:00.000Z';

describe('BatchWriter', () => {
  let t: TestDesk;
  beforeEach(async () => {
    t = await openTestDesk();
  });
  afterEach(async () => {
    await t.close();
    fs.rmSync(t.dataDir, { recursive: true, force: true });
  });

  const codes = () => (t.desk.store.raw.prepare('SELECT code FROM regions ORDER BY rowid').pluck().all() as string[]).filter((c) => c.startsWith('R'));
  const region = (i: number) => ({ id: `region-${i}`, code: `R${String(i).padStart(3, '0')}`, name: `区域 ${i}`, active: 1, updated_at: AT });

  it('writes 32 rows per statement as they come and the last 6 of 70 at flush, in the order given', () => {
    const w = new BatchWriter(t.desk.store.raw, 'regions', undefined, 32);
    for (let i = 1; i <= 70; i++) w.insert(region(i));
    expect(codes()).toHaveLength(64);
    w.flush();
    expect(codes()).toEqual(Array.from({ length: 70 }, (_, i) => region(i + 1).code));
    const row = t.desk.store.raw.prepare(`SELECT * FROM regions WHERE code = 'R070'`).get();
    expect(row).toEqual({ id: 'region-70', code: 'R070', name: '区域 70', active: 1, updated_at: AT });
    w.flush(); // nothing waiting: writes nothing
    expect(codes()).toHaveLength(70);
  });

  it('reads each row by column name, whatever order its fields are listed in', () => {
    const w = new BatchWriter(t.desk.store.raw, 'regions', undefined, 4);
    w.insert(region(1));
    w.insert({ updated_at: AT, active: 0, name: '西北', code: 'R002', id: 'region-2' });
    w.flush();
    expect(t.desk.store.raw.prepare(`SELECT name, active FROM regions WHERE id = 'region-2'`).get()).toEqual({ name: '西北', active: 0 });
  });

  it('adds the time its statements spend in SQLite to the timer', () => {
    const timer = { ms: 0 };
    const w = new BatchWriter(t.desk.store.raw, 'regions', timer, 8);
    for (let i = 1; i <= 20; i++) w.insert(region(i));
    w.flush();
    expect(timer.ms).toBeGreaterThan(0);
  });

  it('refuses a statement size that is not a positive whole number', () => {
    expect(() => new BatchWriter(t.desk.store.raw, 'regions', undefined, 0)).toThrow(RangeError);
    expect(() => new BatchWriter(t.desk.store.raw, 'regions', undefined, 2.5)).toThrow(RangeError);
  });

  it('refuses a column name that is not a plain identifier', () => {
    const w = new BatchWriter(t.desk.store.raw, 'regions', undefined, 4);
    expect(() => w.insert({ ...region(1), 'code) --': 'x' } as never)).toThrow(RangeError);
  });
});
