import { afterEach, describe, expect, it } from 'vitest';
import type { StockRow } from '../../shared/contract/masters';
import { DeskError } from '../../shared/errors';
import { openTestDesk, type TestDesk } from '../testing/desk';
import { seedMasters, type MastersFixture } from '../testing/masters-fixtures';

let t: TestDesk;
let f: MastersFixture;
afterEach(async () => t?.close());

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: unknown) => e as DeskError,
  );

/** Orders allocate stock; until they exist, tests hold units the way an approved order would. */
function allocate(productId: string, warehouseId: string, quantity: number) {
  t.desk.store.raw.prepare('UPDATE stock SET allocated = ? WHERE product_id = ? AND warehouse_id = ?').run(quantity, productId, warehouseId);
}

async function setup() {
  t = await openTestDesk();
  f = await seedMasters(t);
}

describe('stock', () => {
  it('refuses to issue what orders hold: 100 on hand, 50 allocated, issuing 100 is refused; 50 is fine', async () => {
    await setup();
    const screw = f.products['A100-1'];
    const whA = f.warehouses['WH-A'];
    allocate(screw, whA, 50);
    const moves = () => (t.desk.store.raw.prepare('SELECT count(*) AS n FROM stock_moves').get() as { n: number }).n;
    const movesBefore = moves();
    const e = await refusal(t.call('stock.move', { productId: screw, warehouseId: whA, kind: 'issue', quantity: 100 }, t.admin));
    expect(e.code).toBe('stock.insufficient');
    expect(e.params).toEqual({ onHand: 100, allocated: 50, available: 50, requested: 100 });
    expect(e.fields[0]).toMatchObject({ path: 'quantity', code: 'stock.insufficient' });
    expect(moves()).toBe(movesBefore);
    const row = await t.call<StockRow>('stock.move', { productId: screw, warehouseId: whA, kind: 'issue', quantity: 50, reference: 'SO-1' }, t.admin);
    expect(row).toMatchObject({ onHand: 50, allocated: 50, available: 0, short: true, safetyStock: 20 });
    const more = await refusal(t.call('stock.move', { productId: screw, warehouseId: whA, kind: 'adjust', quantity: -1 }, t.admin));
    expect(more.code).toBe('stock.insufficient');
  });

  it('receives into a new row and records every move with its signed quantity', async () => {
    await setup();
    const cabinet = f.products['M900-1'];
    const whB = f.warehouses['WH-B'];
    const r1 = await t.call<StockRow>('stock.move', { productId: cabinet, warehouseId: whB, kind: 'receipt', quantity: 3, reference: 'PO-7' }, t.admin);
    expect(r1).toMatchObject({ sku: 'M900-1', warehouseCode: 'WH-B', onHand: 3, available: 3, short: false });
    await t.call('stock.move', { productId: cabinet, warehouseId: whB, kind: 'issue', quantity: 1 }, t.admin);
    await t.call('stock.move', { productId: cabinet, warehouseId: whB, kind: 'adjust', quantity: -2 }, t.admin);
    const moves = t.desk.store.raw
      .prepare('SELECT kind, quantity, reference FROM stock_moves WHERE product_id = ? ORDER BY rowid')
      .all(cabinet);
    expect(moves).toEqual([
      { kind: 'receipt', quantity: 3, reference: 'PO-7' },
      { kind: 'issue', quantity: -1, reference: null },
      { kind: 'adjust', quantity: -2, reference: null },
    ]);
    const zero = await refusal(t.call('stock.move', { productId: cabinet, warehouseId: whB, kind: 'adjust', quantity: 0 }, t.admin));
    expect(zero.fields.map((x) => x.code)).toEqual(['stock.adjustZero']);
    const negative = await refusal(t.call('stock.move', { productId: cabinet, warehouseId: whB, kind: 'receipt', quantity: -5 }, t.admin));
    expect(negative.fields.map((x) => x.code)).toEqual(['v.quantity']);
    const none = await refusal(t.call('stock.move', { productId: cabinet, warehouseId: whB, kind: 'issue', quantity: 1 }, t.admin));
    expect(none.params).toEqual({ onHand: 0, allocated: 0, available: 0, requested: 1 });
  });

  it('sets counted figures, keeping what is not given, and refuses on hand below allocated', async () => {
    await setup();
    const jack = f.products['C300-1'];
    const whA = f.warehouses['WH-A'];
    allocate(jack, whA, 30);
    const row = await t.call<StockRow>('stock.set', { productId: jack, warehouseId: whA, safetyStock: 80, binCode: 'A-02-01' }, t.admin);
    expect(row).toMatchObject({ onHand: 100, allocated: 30, available: 70, inTransit: 20, inTransitEta: '2026-12-15', safetyStock: 80, short: true, binCode: 'A-02-01' });
    const low = await refusal(t.call('stock.set', { productId: jack, warehouseId: whA, onHand: 29 }, t.admin));
    expect(low.code).toBe('stock.belowAllocated');
    expect(low.params).toEqual({ onHand: 29, allocated: 30 });
    const cleared = await t.call<StockRow>('stock.set', { productId: jack, warehouseId: whA, inTransit: 0, inTransitEta: null, binCode: '' }, t.admin);
    expect(cleared).toMatchObject({ inTransit: 0, inTransitEta: null, binCode: null });
    const bin = await refusal(t.call('stock.set', { productId: jack, warehouseId: whA, binCode: 'B-01-01' }, t.admin));
    expect(bin.fields.map((x) => `${x.path}:${x.code}`)).toEqual(['binCode:stock.unknownBin']);
    const bad = await refusal(t.call('stock.set', { productId: jack, warehouseId: whA, onHand: -1, inTransitEta: '2026-02-30' }, t.admin));
    expect(bad.fields.map((x) => `${x.path}:${x.code}`).sort()).toEqual(['inTransitEta:v.date', 'onHand:stock.count']);
    const unknown = await refusal(t.call('stock.set', { productId: 'nope', warehouseId: whA, onHand: 1 }, t.admin));
    expect(unknown.fields.map((x) => `${x.path}:${x.code}`)).toEqual(['productId:v.choice']);
    const audit = await t.call<{ rows: { before: Record<string, unknown> | null; after: Record<string, unknown> | null }[] }>(
      'audit.list',
      { entityId: `${jack}/${whA}` },
      t.admin,
    );
    expect(audit.rows[0]).toMatchObject({ before: { in_transit: 20, in_transit_eta: '2026-12-15', bin_code: 'A-02-01' }, after: { in_transit: 0, in_transit_eta: null, bin_code: null } });
  });

  it('lists stock per warehouse with available and the short flag', async () => {
    await setup();
    allocate(f.products['A100-1'], f.warehouses['WH-A'], 85);
    const whA = await t.call<{ rows: StockRow[]; total: number }>('stock.list', { warehouseId: f.warehouses['WH-A'] }, t.admin);
    expect(whA.total).toBe(4);
    expect(whA.rows.map((r) => [r.sku, r.available, r.short])).toEqual([
      ['A100-1', 15, true],
      ['A100-2', 100, false],
      ['B200-1', 100, false],
      ['C300-1', 100, false],
    ]);
    const short = await t.call<{ rows: StockRow[] }>('stock.list', { shortOnly: true }, t.admin);
    expect(short.rows.map((r) => `${r.sku}@${r.warehouseCode}`)).toEqual(['A100-1@WH-A']);
    const one = await t.call<{ rows: StockRow[] }>('stock.list', { productId: f.products['B200-1'] }, t.admin);
    expect(one.rows.map((r) => [r.warehouseCode, r.onHand])).toEqual([['WH-A', 100], ['WH-B', 200]]);
    const byText = await t.call<{ rows: StockRow[] }>('stock.list', { q: '胶带' }, t.admin);
    expect(byText.rows).toHaveLength(2);
  });

  it('lets warehouse staff, managers and admins change stock, nobody else', async () => {
    await setup();
    const clerk = await t.signInAs('clerk');
    const warehouse = await t.signInAs('warehouse');
    const input = { productId: f.products['A100-2'], warehouseId: f.warehouses['WH-A'], kind: 'receipt', quantity: 5 };
    expect((await refusal(t.call('stock.move', input, clerk))).code).toBe('auth.forbidden');
    expect((await refusal(t.call('stock.set', { ...input, kind: undefined, quantity: undefined, onHand: 1 }, clerk))).code).toBe('auth.forbidden');
    const row = await t.call<StockRow>('stock.move', input, warehouse);
    expect(row.onHand).toBe(105);
  });
});
