import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DeskError } from '../../shared/errors';
import { seededIds } from '../../shared/ids';
import { lineAmounts } from '../../shared/money';
import type { MutatorEnv } from '../../shared/mutators/env';
import { saveDraft as saveDraftMutator } from '../../shared/mutators/orders';
import { localDate } from '../../shared/orders/numbering';
import { orderDraftSchema, type OrderDraftInput } from '../../shared/orders/schema';
import { openTestDesk, type TestDesk } from '../testing/desk';
import { seedMasters, type MastersFixture } from '../testing/masters-fixtures';
import { orderDoc, placeOrder, saveDraft, submit, type SavedDraft } from './testing';

async function refusal(p: Promise<unknown>): Promise<DeskError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(DeskError);
  return e as DeskError;
}

const fieldCodes = (e: DeskError) => e.fields.map((f) => `${f.path}:${f.code}`).sort();

interface OrderDetail {
  order: Record<string, unknown> & { status: string; rowVersion: number; number: string; total: number };
  lines: { sku: string; quantity: number; total: number; amount: number; warehouseId: string | null; stock: Record<string, unknown> | null }[];
  totals: { subtotal: number; taxTotal: number; total: number };
  history: { fromStatus: string | null; toStatus: string; reason: string | null; username: string | null; displayName: string | null; userId: string | null }[];
  versions: { revision: number; reason: string | null; createdAt: string; createdBy: string | null }[];
  audit: { handler: string; summary: string | null; username: string | null; displayName: string | null }[];
  document: unknown;
}

const getOrder = (t: TestDesk, session: string, id: string) => t.call<OrderDetail>('orders.get', { id }, session);

describe('orders on one desk', () => {
  let t: TestDesk;
  let f: MastersFixture;
  let clerk: string;
  let manager: string;

  beforeAll(async () => {
    t = await openTestDesk();
    f = await seedMasters(t);
    clerk = await t.signInAs('clerk', 'li');
    manager = await t.signInAs('manager', 'zhou');
  });
  afterAll(async () => t?.close());

  it('creates a numbered draft with prices from the customer\u2019s price group and computed totals', async () => {
    const before = new Date().toISOString();
    const saved = await saveDraft(t, clerk, orderDoc(f));
    const day = localDate(before, 'Asia/Shanghai').replace(/-/g, '');
    expect(saved.number).toMatch(new RegExp(`^SO-T1-${day}-\\d{4}$`));
    expect(saved).toMatchObject({ status: 'draft', rowVersion: 1, created: true, issues: [] });
    // C001 is in price group VIP: A100-1 at 11.00 (list 12.50), B200-1 at 6.00 (list 6.50), 13% VAT.
    expect(saved.lines.map((l) => [l.unitPrice, l.referencePrice, l.amount, l.tax, l.total])).toEqual([
      [1100, 1100, 11000, 1430, 12430],
      [600, 600, 3000, 390, 3390],
    ]);
    expect(saved.totals).toEqual({ subtotal: 14000, taxTotal: 1820, total: 15820 });

    // A customer without a price group pays the list price.
    const c002 = await saveDraft(t, clerk, orderDoc(f, { customerId: f.customers.C002 }));
    expect(c002.lines.map((l) => l.unitPrice)).toEqual([1250, 650]);
    // Numbers of one desk and day count up.
    const seq = (n: string) => Number(n.split('-').pop());
    expect(seq(c002.number)).toBe(seq(saved.number) + 1);
  });

  it('keeps every field of the document through save and reload', async () => {
    const doc: OrderDraftInput = {
      customerId: f.customers.C001,
      contact: { name: '张伟', phone: '010-65881234' },
      shipTo: {
        addressId: undefined,
        recipient: '李娜',
        phone: '13912345678',
        province: '上海市',
        city: '上海市',
        district: '浦东新区',
        street: '世纪大道 100 号',
        postcode: '200120',
      },
      billTo: '北京市场贸易有限公司 财务部',
      customerPo: 'PO-2026-0001',
      channel: 'wholesale',
      orderType: 'wholesale',
      priority: 'urgent',
      deliveryMethod: 'freight',
      paymentMethod: 'credit',
      paymentTermsDays: 45,
      requestedDate: '2026-12-20',
      promisedDate: '2026-12-22',
      notes: '送货前电话联系',
      customRequired: true,
      customText: '外箱印客户标志',
      warehouseId: f.warehouses['WH-A'],
      lines: [
        { productId: f.products['A100-1'], quantity: 12, customParams: '镀锌', discountBp: 500, warehouseId: f.warehouses['WH-B'] },
        { productId: f.products['C300-1'], quantity: 1, unitPrice: 45_000 },
        { productId: f.products['A100-2'] },
      ],
    };
    const saved = await saveDraft(t, clerk, doc);
    const detail = await getOrder(t, clerk, saved.id);
    expect(detail.document).toEqual(orderDraftSchema.parse(doc));
    expect(detail.order).toMatchObject({
      status: 'draft',
      deliveryMethod: 'freight',
      customerPo: 'PO-2026-0001',
      contactPhone: '010-65881234',
      customFlag: true,
      shipTo: expect.objectContaining({ recipient: '李娜', phone: '13912345678' }),
    });
    // The half-entered line (no quantity yet) is kept with quantity 0 and no amount.
    expect(detail.lines[2]).toMatchObject({ sku: 'A100-2', quantity: 0, amount: 0, total: 0 });
    // Saving the reloaded document again changes nothing, so the row_version stays.
    const again = await saveDraft(t, clerk, { ...(detail.document as OrderDraftInput), id: saved.id, rowVersion: saved.rowVersion });
    expect(again.rowVersion).toBe(saved.rowVersion);
  });

  it('fills a chosen customer address and stores a typed phone canonically', async () => {
    const customer = await t.call<{ addresses: { id: string }[] }>('customers.get', { id: f.customers.C002 }, clerk);
    const saved = await saveDraft(t, clerk, {
      customerId: f.customers.C002,
      shipTo: { addressId: customer.addresses[0].id },
      contact: { phone: '+86 137-5711-2345' },
      lines: [{ productId: f.products['A100-1'], quantity: 1 }],
    });
    const detail = await getOrder(t, clerk, saved.id);
    expect(detail.order).toMatchObject({
      contactPhone: '13757112345',
      shipTo: {
        addressId: customer.addresses[0].id,
        recipient: '陈静',
        phone: '0571-87651234',
        province: '浙江省',
        city: '杭州市',
        district: '西湖区',
        street: '文三路 478 号华星时代广场 A 座 8 楼',
        postcode: '310013',
      },
    });
    const other = await refusal(
      saveDraft(t, clerk, { customerId: f.customers.C003, shipTo: { addressId: customer.addresses[0].id } }),
    );
    expect(fieldCodes(other)).toEqual(['shipTo.addressId:order.addressNotFound']);
  });

  it('refuses a stale row_version and unknown master data', async () => {
    const saved = await saveDraft(t, clerk, orderDoc(f));
    const next = await saveDraft(t, clerk, { ...orderDoc(f, { notes: '第一次修改' }), id: saved.id, rowVersion: saved.rowVersion });
    expect(next.rowVersion).toBe(saved.rowVersion + 1);
    const stale = await refusal(saveDraft(t, clerk, { ...orderDoc(f, { notes: '旧页面' }), id: saved.id, rowVersion: saved.rowVersion }));
    expect(stale).toMatchObject({ code: 'conflict.stale', status: 409 });
    const staleSubmit = await refusal(submit(t, clerk, saved));
    expect(staleSubmit.code).toBe('conflict.stale');
    const unknown = await refusal(
      saveDraft(t, clerk, orderDoc(f, { warehouseId: 'nope', lines: [{ productId: 'nope', quantity: 1 }] })),
    );
    expect(fieldCodes(unknown)).toEqual(['lines.0.productId:order.productNotFound', 'warehouseId:order.warehouseNotFound']);
    // The draft itself is untouched by the refusals.
    const detail = await getOrder(t, clerk, saved.id);
    expect(detail.order).toMatchObject({ rowVersion: next.rowVersion, notes: '第一次修改' });
  });

  it('a create retried with the same id (lost response) is refused as stale, not duplicated', async () => {
    const id = '0190aaaa-0000-7000-8000-000000000001';
    const first = await saveDraft(t, clerk, { ...orderDoc(f), id });
    expect(first).toMatchObject({ id, created: true });
    const retry = await refusal(saveDraft(t, clerk, { ...orderDoc(f), id }));
    expect(retry.code).toBe('conflict.stale');
  });

  it('submit validates the stored draft with field paths and stores nothing on refusal', async () => {
    const saved = await saveDraft(t, clerk, {
      customerId: f.customers.C001,
      shipTo: { recipient: '张伟', phone: '1380013800', province: '北京市', city: '北京市', street: '建国路 88 号' },
      customRequired: true,
      lines: [
        { productId: f.products['A100-1'], quantity: 2 },
        { productId: f.products['B200-1'], quantity: 1 },
        { productId: f.products['C300-1'] },
      ],
    });
    const e = await refusal(submit(t, clerk, saved));
    expect(e.code).toBe('validation.failed');
    expect(fieldCodes(e)).toEqual(
      ['customText:order.customTextRequired', 'lines.2.quantity:v.required', 'shipTo.district:v.required', 'shipTo.phone:v.phone'].sort(),
    );
    const empty = await saveDraft(t, clerk, orderDoc(f, { lines: [] }));
    expect(fieldCodes(await refusal(submit(t, clerk, empty)))).toEqual(['lines:order.noLines']);
    const detail = await getOrder(t, clerk, saved.id);
    expect(detail.order.status).toBe('draft');
    expect(detail.history).toEqual([]);
  });

  it('submits: status history, audit, normalised phones, custom flag; no version until it changes', async () => {
    const saved = await saveDraft(
      t,
      clerk,
      orderDoc(f, {
        shipTo: { ...orderDoc(f).shipTo, phone: '138 0013 8000' },
        lines: [{ productId: f.products['M900-1'], quantity: 1, customParams: '柜体 RAL7035' }],
      }),
    );
    const done = await submit(t, clerk, saved);
    expect(['submitted', 'on_hold', 'approved']).toContain(done.status);
    expect(done).toMatchObject({ number: saved.number, customFlag: true, duplicateConfirmed: false });
    expect(done.rowVersion).toBeGreaterThan(saved.rowVersion);
    t.desk.store.raw.prepare(`UPDATE users SET display_name = '李娜' WHERE username = 'li'`).run();
    const detail = await getOrder(t, clerk, saved.id);
    expect(detail.history[0]).toMatchObject({ fromStatus: 'draft', toStatus: 'submitted', username: 'li', displayName: '李娜' });
    // Revision 0 is written by the order's first change (orders.amend), not by every submit.
    expect(detail.versions).toEqual([]);
    // Not chosen on the document: the order is delivered by the desk's van.
    expect(detail.order).toMatchObject({ customFlag: true, submittedAt: expect.any(String), deliveryMethod: 'delivery' });
    expect((detail.order.shipTo as { phone: string }).phone).toBe('13800138000');
    expect(detail.audit.map((a) => a.handler)).toEqual(expect.arrayContaining(['orders.saveDraft', 'orders.submit']));
    expect(detail.audit.find((a) => a.handler === 'orders.submit')).toMatchObject({ summary: `submitted ${saved.number}`, username: 'li', displayName: '李娜' });
    // A submitted order is no longer a draft.
    const again = await refusal(saveDraft(t, clerk, { ...orderDoc(f), id: saved.id, rowVersion: done.rowVersion }));
    expect(again.code).toBe('order.notDraft');
  });

  it('writes revision 0 with the first change: the order as submitted, by its submitter, at its submission', async () => {
    const done = await placeOrder(t, clerk, orderDoc(f, { customerId: f.customers.C002, customerPo: 'PO-REV-0', lines: [{ productId: f.products['A100-2'], quantity: 13 }] }));
    const submitted = await getOrder(t, clerk, done.id);
    expect(submitted.versions).toEqual([]);
    const manager = await t.signInAs('manager', 'wang');
    const changed = await t.call<{ outcome: string; revision: number }>(
      'orders.amend',
      { orderId: done.id, rowVersion: done.rowVersion, header: { notes: '周六上午送货' } },
      manager,
    );
    expect(changed).toMatchObject({ outcome: 'window', revision: 1 });
    const detail = await getOrder(t, clerk, done.id);
    expect(detail.versions.map((v) => [v.revision, v.reason])).toEqual([
      [0, 'order.reason.submitted'],
      [1, 'order.reason.changeInWindow'],
    ]);
    // As if written at submit: the submission's instant and the clerk who submitted.
    expect(detail.versions[0].createdAt).toBe(submitted.order.submittedAt);
    expect(detail.versions[0].createdBy).toBe(detail.history.find((h) => h.toStatus === 'submitted')!.userId);
    expect(detail.versions[0].createdBy).not.toBe(detail.versions[1].createdBy);
  });

  it('refuses an illegal transition with order.illegalTransition', async () => {
    const saved = await saveDraft(t, clerk, orderDoc(f, { customerId: f.customers.C003, paymentMethod: 'cash', paymentTermsDays: 0 }));
    const cancelled = await t.call<{ rowVersion: number }>('orders.cancel', { id: saved.id, rowVersion: saved.rowVersion, reason: '客户改主意' }, clerk);
    const e = await refusal(submit(t, clerk, { id: saved.id, rowVersion: cancelled.rowVersion }));
    expect(e).toMatchObject({ code: 'order.illegalTransition', params: { from: 'cancelled', to: 'submitted' }, status: 400 });
    const twice = await refusal(t.call('orders.cancel', { id: saved.id, rowVersion: cancelled.rowVersion, reason: '再取消' }, clerk));
    expect(twice).toMatchObject({ code: 'order.illegalTransition', params: { from: 'cancelled', to: 'cancelled' } });
  });

  it('cancels a submitted order with the reason in history and audit, releasing reserved stock', async () => {
    const allocated = () =>
      (t.desk.store.raw
        .prepare('SELECT allocated FROM stock WHERE product_id = ? AND warehouse_id = ?')
        .get(f.products['A100-1'], f.warehouses['WH-A']) as { allocated: number }).allocated;
    const before = allocated();
    const placed = await placeOrder(t, clerk, orderDoc(f, { customerId: f.customers.C002, customerPo: 'CANCEL-1' }));
    const reserved = allocated() - before; // 10 if review approved and reserved, 0 if it is on hold
    const missing = await refusal(t.call('orders.cancel', { id: placed.id, rowVersion: placed.rowVersion, reason: ' ' }, clerk));
    expect(fieldCodes(missing)).toEqual(['reason:order.cancelReasonRequired']);
    const done = await t.call<{ status: string }>('orders.cancel', { id: placed.id, rowVersion: placed.rowVersion, reason: '客户电话取消' }, clerk);
    expect(done.status).toBe('cancelled');
    expect(allocated()).toBe(before);
    expect([0, 10]).toContain(reserved);
    const detail = await getOrder(t, clerk, placed.id);
    expect(detail.order).toMatchObject({ status: 'cancelled', cancelledAt: expect.any(String) });
    expect(detail.history.at(-1)).toMatchObject({ toStatus: 'cancelled', reason: '客户电话取消' });
    expect(detail.audit.at(-1)).toMatchObject({ handler: 'orders.cancel', summary: `cancelled ${placed.number}: 客户电话取消` });
    // A draft cancels too.
    const draft = await saveDraft(t, clerk, orderDoc(f));
    await expect(t.call('orders.cancel', { id: draft.id, rowVersion: draft.rowVersion, reason: '录错' }, clerk)).resolves.toMatchObject({ status: 'cancelled' });
  });

  it('enforces the discount limit of the role: the draft keeps it, submit refuses, a manager may submit', async () => {
    // C002 has no price group: reference = list price 12.50. A clerk may give 10% (11.25 minimum).
    const doc = orderDoc(f, {
      customerId: f.customers.C002,
      lines: [
        { productId: f.products['A100-1'], quantity: 10, unitPrice: 1125 },
        { productId: f.products['B200-1'], quantity: 10, unitPrice: 550 },
      ],
    });
    const saved = await saveDraft(t, clerk, doc);
    expect(saved.issues).toEqual([
      {
        path: 'lines.1.unitPrice',
        code: 'order.discountTooDeep',
        params: { max: 10, role: 'clerk', given: 15.39, minPrice: 585, minPriceText: '5.85' },
      },
    ]);
    const e = await refusal(submit(t, clerk, saved));
    expect(e.fields).toEqual([expect.objectContaining({ path: 'lines.1.unitPrice', code: 'order.discountTooDeep', params: expect.objectContaining({ max: 10, role: 'clerk' }) })]);
    // A line discount counts too, and is reported at the discount field.
    const viaDiscount = await saveDraft(t, clerk, orderDoc(f, { customerId: f.customers.C002, lines: [{ productId: f.products['A100-1'], quantity: 1, discountBp: 1500 }] }));
    expect(viaDiscount.issues.map((i) => i.path)).toEqual(['lines.0.discountBp']);
    // A manager (50%) may submit the clerk's draft.
    const done = await submit(t, manager, saved);
    expect(['submitted', 'on_hold', 'approved']).toContain(done.status);
    // The group price itself is not a discount: C001's VIP price is 12% under list and passes for a clerk.
    const vip = await saveDraft(t, clerk, orderDoc(f));
    expect(vip.issues).toEqual([]);
  });

  it('checks stock for lines in a warehouse or across all', async () => {
    const here = await t.call<{ rows: Record<string, unknown>[] }>(
      'orders.stockForLines',
      { productIds: [f.products['A100-1'], f.products['C300-1'], f.products['M900-1']], warehouseId: f.warehouses['WH-A'] },
      clerk,
    );
    expect(here.rows[0]).toMatchObject({ productId: f.products['A100-1'], warehouseId: f.warehouses['WH-A'], elsewhereAvailable: 50 });
    expect(here.rows[0].available).toBe((here.rows[0].onHand as number) - (here.rows[0].allocated as number));
    expect(here.rows[1]).toMatchObject({ inTransit: 20, inTransitEta: '2026-12-15' });
    expect(here.rows[2]).toMatchObject({ onHand: 0, available: 0, inTransit: 0, elsewhereAvailable: 0 });
    const all = await t.call<{ rows: Record<string, unknown>[] }>('orders.stockForLines', { productIds: [f.products['B200-1']] }, clerk);
    expect(all.rows[0]).toMatchObject({ warehouseId: null, elsewhereAvailable: 0 });
    expect(all.rows[0].onHand).toBe(300);
  });

  it('shows stock per line on the order', async () => {
    const saved = await saveDraft(t, clerk, orderDoc(f, { lines: [{ productId: f.products['A100-1'], quantity: 1, warehouseId: f.warehouses['WH-B'] }, { productId: f.products['C300-1'], quantity: 1 }] }));
    const detail = await getOrder(t, clerk, saved.id);
    expect(detail.lines[0]).toMatchObject({ warehouseId: f.warehouses['WH-B'], stock: expect.objectContaining({ onHand: 50 }) });
    expect(detail.lines[1]).toMatchObject({ warehouseId: f.warehouses['WH-A'], stock: expect.objectContaining({ inTransit: 20 }) });
  });

  it('totals always equal the sum of the lines, whatever the lines (property, through the mutator)', async () => {
    const products = [f.products['A100-1'], f.products['A100-2'], f.products['B200-1'], f.products['C300-1'], f.products['M900-1']];
    const line = fc.record({
      productId: fc.constantFrom(...products),
      quantity: fc.integer({ min: 1, max: 100_000 }),
      unitPrice: fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: undefined }),
      discountBp: fc.integer({ min: 0, max: 5_000 }),
    });
    let draft: SavedDraft | null = null;
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 12 }), async (lines) => {
        draft = await saveDraft(t, manager, {
          ...orderDoc(f, { customerId: f.customers.C002, lines }),
          ...(draft ? { id: draft.id, rowVersion: draft.rowVersion } : {}),
        });
        const detail = await getOrder(t, manager, draft.id);
        const sum = (k: 'amount' | 'total') => detail.lines.reduce((n, l) => n + l[k], 0);
        expect(detail.order.total).toBe(sum('total'));
        expect(detail.totals.subtotal).toBe(sum('amount'));
        expect(draft.totals).toEqual(detail.totals);
        for (const [i, l] of detail.lines.entries()) {
          const expected = lineAmounts({ quantity: l.quantity, unitPrice: draft.lines[i].unitPrice, discountBp: lines[i].discountBp, taxRateBp: 1300 });
          expect({ amount: l.amount, total: l.total }).toEqual({ amount: expected.amount, total: expected.total });
        }
      }),
      { numRuns: 30 },
    );
  });
});

describe('duplicate detection', () => {
  let t: TestDesk;
  let f: MastersFixture;
  let clerk: string;
  afterEach(async () => t?.close());

  async function setUp() {
    t = await openTestDesk();
    f = await seedMasters(t);
    clerk = await t.signInAs('clerk', 'li');
  }

  it('refuses a second identical order within the window, naming the first; confirmed, it is submitted and audited', async () => {
    await setUp();
    const first = await placeOrder(t, clerk, orderDoc(f));
    // Same lines in another order of entry and another address: still the same basket.
    const second = await saveDraft(t, clerk, orderDoc(f, { lines: [...orderDoc(f).lines!].reverse(), notes: '第二次' }));
    const check = await t.call<{ duplicates: { number: string; reason: string }[]; windowMinutes: number }>('orders.checkDuplicates', { id: second.id }, clerk);
    expect(check).toMatchObject({ windowMinutes: 30, duplicates: [{ number: first.number, reason: 'lines' }] });

    const e = await refusal(submit(t, clerk, second));
    expect(e).toMatchObject({ code: 'order.duplicate', status: 409, params: { numbers: first.number, count: 1, reason: 'lines' } });
    const still = await getOrder(t, clerk, second.id);
    expect(still.order.status).toBe('draft');

    const done = await submit(t, clerk, second, true);
    expect(done).toMatchObject({ duplicateConfirmed: true, duplicates: [expect.objectContaining({ number: first.number })] });
    const detail = await getOrder(t, clerk, second.id);
    expect(detail.order.duplicateConfirmed).toBe(true);
    expect(detail.audit.map((a) => a.summary)).toContain(`duplicate confirmed: ${first.number}`);
    expect(detail.history[0].reason).toBe(`order.reason.duplicateConfirmed|${JSON.stringify({ numbers: first.number })}`);

    // A different quantity is a different order.
    const third = await saveDraft(t, clerk, orderDoc(f, { lines: [{ productId: f.products['A100-1'], quantity: 11 }, { productId: f.products['B200-1'], quantity: 5 }] }));
    await expect(submit(t, clerk, third)).resolves.toMatchObject({ duplicateConfirmed: false });
  });

  it('does not warn outside the window; the same customer PO warns at any time', async () => {
    await setUp();
    const first = await placeOrder(t, clerk, orderDoc(f, { customerPo: 'PO-7788' }));
    // Move the first order 31 minutes into the past.
    const past = new Date(Date.now() - 31 * 60_000).toISOString();
    t.desk.store.raw.prepare('UPDATE orders SET submitted_at = ?, created_at = ? WHERE id = ?').run(past, past, first.id);
    await expect(placeOrder(t, clerk, orderDoc(f))).resolves.toMatchObject({ duplicateConfirmed: false });

    const samePo = await saveDraft(t, clerk, orderDoc(f, { customerPo: 'PO-7788', lines: [{ productId: f.products['C300-1'], quantity: 1 }] }));
    const e = await refusal(submit(t, clerk, samePo));
    expect(e).toMatchObject({ code: 'order.duplicate', params: { numbers: first.number, reason: 'po' } });
    // Another customer may use the same PO number.
    await expect(placeOrder(t, clerk, orderDoc(f, { customerId: f.customers.C002, customerPo: 'PO-7788' }))).resolves.toMatchObject({ duplicateConfirmed: false });
    // A cancelled order does not count.
    const cancelledPo = await placeOrder(t, clerk, orderDoc(f, { customerId: f.customers.C003, paymentMethod: 'cash', paymentTermsDays: 0, customerPo: 'PO-9' }));
    await t.call('orders.cancel', { id: cancelledPo.id, rowVersion: cancelledPo.rowVersion, reason: '录错' }, clerk);
    await expect(
      placeOrder(t, clerk, orderDoc(f, { customerId: f.customers.C003, paymentMethod: 'cash', paymentTermsDays: 0, customerPo: 'PO-9', lines: [{ productId: f.products['A100-2'], quantity: 3 }] })),
    ).resolves.toMatchObject({ duplicateConfirmed: false });
  });
});

describe('numbering across desks and days', () => {
  let t: TestDesk;
  afterEach(async () => t?.close());

  it('counts per desk and per day in the desk time zone, deterministically from env.now', async () => {
    t = await openTestDesk();
    const f = await seedMasters(t);
    const env = (deskCode: string, now: string, seed: string): MutatorEnv => ({
      now,
      seed,
      ids: seededIds(seed, Date.parse(now)),
      userId: null,
      username: null,
      role: 'clerk',
      approvalLimit: null,
      deskCode,
    });
    const doc = orderDraftSchema.parse(orderDoc(f));
    const make = async (deskCode: string, now: string, seed: string) =>
      t.desk.store.db.transaction().execute(async (tx) => (await saveDraftMutator(tx, doc, env(deskCode, now, seed))).result.number);

    const lateOn27 = '2026-11-27T15:59:59.000Z'; // 23:59:59 in Shanghai
    const earlyOn28 = '2026-11-27T16:00:00.000Z'; // 00:00:00 on the 28th in Shanghai
    expect(await make('A1', lateOn27, 's1')).toBe('SO-A1-20261127-0001');
    expect(await make('A1', lateOn27, 's2')).toBe('SO-A1-20261127-0002');
    expect(await make('B2', lateOn27, 's3')).toBe('SO-B2-20261127-0001');
    expect(await make('A1', earlyOn28, 's4')).toBe('SO-A1-20261128-0001');
    expect(await make('B2', earlyOn28, 's5')).toBe('SO-B2-20261128-0001');
    expect(await make('A1', lateOn27, 's6')).toBe('SO-A1-20261127-0003');

    // The desk's time zone setting decides the day.
    await t.call('settings.update', { timeZone: 'UTC' }, t.admin);
    expect(await make('A1', earlyOn28, 's7')).toBe('SO-A1-20261127-0004');

    // Same env, same rows: the hub replays to the same number and id on a fresh store.
    const t2 = await openTestDesk();
    try {
      await seedMasters(t2);
      const doc2 = orderDraftSchema.parse(orderDoc(await (async () => {
        const ids = Object.fromEntries(
          (t2.desk.store.raw.prepare('SELECT id, code FROM customers').all() as { id: string; code: string }[]).map((c) => [c.code, c.id]),
        );
        const products = Object.fromEntries(
          (t2.desk.store.raw.prepare('SELECT id, sku FROM products').all() as { id: string; sku: string }[]).map((p) => [p.sku, p.id]),
        );
        const warehouses = Object.fromEntries(
          (t2.desk.store.raw.prepare('SELECT id, code FROM warehouses').all() as { id: string; code: string }[]).map((w) => [w.code, w.id]),
        );
        return { ...f, customers: ids, products, warehouses } as unknown as MastersFixture;
      })()));
      const a = await t2.desk.store.db.transaction().execute(async (tx) => (await saveDraftMutator(tx, doc2, env('C3', lateOn27, 'same'))).result);
      const b = await t.desk.store.db.transaction().execute(async (tx) => (await saveDraftMutator(tx, doc, env('C3', lateOn27, 'same'))).result);
      expect([a.id, a.number]).toEqual([b.id, b.number]);
    } finally {
      await t2.close();
    }
  });
});
