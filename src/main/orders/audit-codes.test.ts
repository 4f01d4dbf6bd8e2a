import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../shared/i18n/messages';
import { openTestDesk, type TestDesk } from '../testing/desk';
import { seedMasters, type MastersFixture } from '../testing/masters-fixtures';
import { orderDoc, saveDraft, submit } from './testing';

interface AuditItem {
  handler: string;
  code: string | null;
  params: Record<string, string | number> | null;
  summary: string | null;
}

const auditOf = async (t: TestDesk, session: string, id: string) =>
  (await t.call<{ audit: AuditItem[] }>('orders.get', { id }, session)).audit;

describe('audit rows carry a message code and params', () => {
  let t: TestDesk;
  let f: MastersFixture;
  let clerk: string;

  beforeAll(async () => {
    t = await openTestDesk();
    f = await seedMasters(t);
    clerk = await t.signInAs('clerk', 'li');
  });
  afterAll(async () => t?.close());

  it('records orders.saveDraft and orders.submit as codes with the order number, said in either language', async () => {
    const saved = await saveDraft(t, clerk, orderDoc(f));
    await submit(t, clerk, saved);
    const audit = await auditOf(t, clerk, saved.id);

    const draft = audit.find((a) => a.handler === 'orders.saveDraft');
    const submitted = audit.find((a) => a.handler === 'orders.submit');
    expect(draft).toMatchObject({ code: 'audit.order.draftCreated', params: { number: saved.number } });
    expect(submitted).toMatchObject({ code: 'audit.order.submitted', params: { number: saved.number } });
    expect(saved.number).toMatch(/^SO-T1-\d{8}-\d{4}$/);
    // The English summary stays for logs.
    expect(submitted?.summary).toBe(`submitted ${saved.number}`);

    expect(translate('zh-CN', submitted!.code!, submitted!.params!)).toBe(`提交订单 ${saved.number}`);
    expect(translate('en', submitted!.code!, submitted!.params!)).toBe(`Order ${saved.number} submitted`);
    expect(translate('zh-CN', draft!.code!, draft!.params!)).toBe(`创建草稿 ${saved.number}`);

    // Stored as they are read: the code in its column, the params as JSON.
    const raw = t.desk.store.raw
      .prepare(`SELECT handler, code, params FROM audit_log WHERE entity_id = ? ORDER BY at, rowid`)
      .all(saved.id) as { handler: string; code: string; params: string }[];
    expect(raw.slice(0, 2)).toEqual([
      { handler: 'orders.saveDraft', code: 'audit.order.draftCreated', params: JSON.stringify({ number: saved.number }) },
      { handler: 'orders.submit', code: 'audit.order.submitted', params: JSON.stringify({ number: saved.number }) },
    ]);
  });

  it('keeps the reason of a cancellation as a param', async () => {
    const saved = await saveDraft(t, clerk, orderDoc(f, { customerId: f.customers.C002 }));
    await t.call('orders.cancel', { id: saved.id, rowVersion: saved.rowVersion, reason: '客户电话取消' }, clerk);
    const cancelled = (await auditOf(t, clerk, saved.id)).find((a) => a.handler === 'orders.cancel')!;
    expect(cancelled).toMatchObject({ code: 'audit.order.cancelled', params: { number: saved.number, reason: '客户电话取消' } });
    expect(translate('zh-CN', cancelled.code!, cancelled.params!)).toBe(`取消订单 ${saved.number}：客户电话取消`);
    expect(translate('en', cancelled.code!, cancelled.params!)).toBe(`Order ${saved.number} cancelled: 客户电话取消`);
  });

  it('names code-valued params and appends optional notes (audit.list)', async () => {
    const region = await t.call<{ id: string }>('regions.save', { code: 'NORTH', name: '华北' }, t.admin);
    await t.call('stock.move', { productId: f.products['A100-2'], warehouseId: f.warehouses['WH-A'], kind: 'receipt', quantity: 12, reference: 'PO-778' }, t.admin);

    const list = await t.call<{ rows: (AuditItem & { entityId: string })[] }>('audit.list', { limit: 500 }, t.admin);
    const created = list.rows.find((r) => r.entityId === region.id)!;
    expect(created).toMatchObject({ code: 'audit.master.created', params: { entity: 'region', label: 'NORTH' } });
    expect(translate('zh-CN', created.code!, created.params!)).toBe('新建区域 NORTH');
    expect(translate('en', created.code!, created.params!)).toBe('Created region NORTH');

    const received = list.rows.find((r) => r.handler === 'stock.move')!;
    expect(received).toMatchObject({
      code: 'audit.stock.receipt',
      params: { sku: 'A100-2', warehouse: 'WH-A', quantity: 12, delta: '+12', reference: 'PO-778' },
    });
    expect(translate('zh-CN', received.code!, received.params!)).toBe('入库 A100-2 数量 12（仓库 WH-A）；单据号：PO-778');
    expect(translate('en', received.code!, received.params!)).toBe('Received 12 of A100-2 into WH-A (ref. PO-778)');
  });
});
