import { afterEach, describe, expect, it } from 'vitest';
import type { CustomerDetail } from '../../shared/contract/masters';
import { DeskError } from '../../shared/errors';
import { openTestDesk, type TestDesk } from '../testing/desk';
import { seedMasters } from '../testing/masters-fixtures';

let t: TestDesk;
afterEach(async () => t?.close());

const address = (over: Record<string, unknown> = {}) => ({
  recipient: '刘洋',
  phone: '13912345678',
  province: '江苏省',
  city: '南京市',
  district: '鼓楼区',
  street: '中山北路 30 号',
  postcode: '210008',
  ...over,
});

const customer = (over: Record<string, unknown> = {}) => ({
  code: 'N001',
  name: '南京新街口商贸有限公司',
  kind: 'company',
  uscc: '91512081MA62K0260E',
  creditLimit: 2_000_000,
  contacts: [{ name: '刘洋', mobile: '+86 139-1234-5678' }],
  addresses: [address()],
  ...over,
});

async function refusal(p: Promise<unknown>): Promise<DeskError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(DeskError);
  return e as DeskError;
}

const fieldCodes = (e: DeskError) => e.fields.map((f) => `${f.path}:${f.code}`).sort();

async function counts(t: TestDesk) {
  const raw = t.desk.store.raw;
  const n = (sql: string) => (raw.prepare(sql).get() as { n: number }).n;
  return {
    customers: n('SELECT count(*) AS n FROM customers'),
    contacts: n('SELECT count(*) AS n FROM customer_contacts'),
    addresses: n('SELECT count(*) AS n FROM customer_addresses'),
    audit: n("SELECT count(*) AS n FROM audit_log WHERE handler = 'customers.save'"),
    outbox: n("SELECT count(*) AS n FROM outbox WHERE name = 'customers.save'"),
  };
}

describe('customers', () => {
  it('saves a customer with contacts and addresses, phones normalised, and reads it back', async () => {
    t = await openTestDesk();
    const { id } = await t.call<{ id: string }>('customers.save', customer({
      addresses: [address({ label: '仓库', isDefault: false }), address({ label: '总部', street: '汉中路 1 号', isDefault: true, phone: '(025)8888 6666' })],
    }), t.admin);
    const c = await t.call<CustomerDetail>('customers.get', { id }, t.admin);
    expect(c).toMatchObject({ code: 'N001', pinyin: 'njxjksmyxgs', creditLimit: 2_000_000, active: true, usccOverrideReason: null });
    expect(c.contacts).toEqual([expect.objectContaining({ name: '刘洋', mobile: '13912345678', isPrimary: true })]);
    expect(c.addresses.map((a) => [a.label, a.isDefault, a.phone])).toEqual([
      ['总部', true, '025-88886666'],
      ['仓库', false, '13912345678'],
    ]);
  });

  it('names the field of a bad phone: v.phone at addresses.0.phone, v.mobile at contacts.0.mobile; nothing is stored', async () => {
    t = await openTestDesk();
    const before = await counts(t);
    const e = await refusal(
      t.call('customers.save', customer({ contacts: [{ name: '刘洋', mobile: '1391234567' }], addresses: [address({ phone: '12345' })] }), t.admin),
    );
    expect(e.code).toBe('validation.failed');
    expect(fieldCodes(e)).toEqual(['addresses.0.phone:v.phone', 'contacts.0.mobile:v.mobile']);
    expect(await counts(t)).toEqual(before);
  });

  it('checks the USCC check character and says which one was expected', async () => {
    t = await openTestDesk();
    const e = await refusal(t.call('customers.save', customer({ uscc: '91512081MA62K0260F' }), t.admin));
    expect(e.fields).toEqual([expect.objectContaining({ path: 'uscc', code: 'v.uscc.checkChar', params: { expected: 'E' } })]);
    expect(e.fields[0].message).toBeUndefined(); // translated at the transport boundary
    const lower = await t.call<{ id: string }>('customers.save', customer({ uscc: '91512081ma62k0260e' }), t.admin);
    expect((await t.call<CustomerDetail>('customers.get', lower, t.admin)).uscc).toBe('91512081MA62K0260E');
  });

  it('needs a USCC for a company, none for a person, and at least one address', async () => {
    t = await openTestDesk();
    const e = await refusal(t.call('customers.save', customer({ uscc: '', addresses: [] }), t.admin));
    expect(fieldCodes(e)).toEqual(['addresses:customer.addressRequired', 'uscc:v.required']);
    const noAddress = await refusal(t.call('customers.save', customer({ addresses: undefined }), t.admin));
    expect(fieldCodes(noAddress)).toEqual(['addresses:v.required']);
    const missing = await refusal(t.call('customers.save', customer({ addresses: [{ recipient: '', postcode: '2100' }] }), t.admin));
    expect(fieldCodes(missing)).toEqual(
      ['city', 'district', 'phone', 'province', 'recipient', 'street'].map((f) => `addresses.0.${f}:v.required`).concat('addresses.0.postcode:v.postcode').sort(),
    );
    await t.call('customers.save', customer({ code: 'P1', name: '赵六', kind: 'person', uscc: undefined }), t.admin);
  });

  it('lets an approver accept a failing check character with a reason, and refuses a clerk', async () => {
    t = await openTestDesk();
    const clerk = await t.signInAs('clerk');
    const approver = await t.signInAs('approver', 'wang');
    const input = customer({ uscc: '91512081MA62K0260F', usccOverrideReason: '营业执照原件核对无误，系统校验位历史遗留' });
    const before = await counts(t);
    const e = await refusal(t.call('customers.save', input, clerk));
    expect(e.code).toBe('customer.usccOverrideNotAllowed');
    expect(e.status).toBe(403);
    expect(e.fields[0].path).toBe('usccOverrideReason');
    expect(await counts(t)).toEqual(before);

    const { id } = await t.call<{ id: string }>('customers.save', input, approver);
    const saved = await t.call<CustomerDetail>('customers.get', { id }, clerk);
    expect(saved.uscc).toBe('91512081MA62K0260F');
    expect(saved.usccOverrideReason).toMatch(/营业执照/);
    // The override stands: a clerk may still edit the customer's other fields.
    await t.call('customers.save', { ...input, id, creditLimit: 3_000_000 }, clerk);
    const audit = await t.call<{ rows: { summary: string; username: string }[] }>('audit.list', { entityId: id }, t.admin);
    expect(audit.rows.map((r) => `${r.username}: ${r.summary}`)).toEqual([
      'clerk: update N001',
      expect.stringMatching(/^wang: create N001; USCC check overridden/),
    ]);
    // A valid code needs no reason, and keeps none.
    await t.call('customers.save', { ...input, id, uscc: '91512081MA62K0260E' }, clerk);
    expect((await t.call<CustomerDetail>('customers.get', { id }, clerk)).usccOverrideReason).toBeNull();
  });

  it('refuses a length or charset error even with a reason', async () => {
    t = await openTestDesk();
    const e = await refusal(t.call('customers.save', customer({ uscc: '91512081MA62K026', usccOverrideReason: '有理由' }), t.admin));
    expect(fieldCodes(e)).toEqual(['uscc:v.uscc.length']);
  });

  it('keeps codes unique regardless of case, as a field error on code', async () => {
    t = await openTestDesk();
    await t.call('customers.save', customer(), t.admin);
    const e = await refusal(t.call('customers.save', customer({ code: 'n001', name: '别家' }), t.admin));
    expect(e.code).toBe('customer.exists');
    expect(e.status).toBe(409);
    expect(e.fields).toEqual([{ path: 'code', code: 'customer.exists', params: { code: 'n001' } }]);
  });

  it('replaces contacts and addresses on update, keeping ids of those kept, and audits what changed', async () => {
    t = await openTestDesk();
    const { id } = await t.call<{ id: string }>('customers.save', customer({ addresses: [address(), address({ street: '旧地址 9 号' })] }), t.admin);
    const first = await t.call<CustomerDetail>('customers.get', { id }, t.admin);
    const kept = first.addresses[0];
    await t.call('customers.save', customer({
      id,
      creditLimit: 2_500_000,
      contacts: [{ name: '孙丽', landline: '025-83331234' }],
      addresses: [{ ...kept, street: '中山北路 32 号' }, address({ recipient: '周杰', street: '新模范马路 5 号' })],
    }), t.admin);
    const after = await t.call<CustomerDetail>('customers.get', { id }, t.admin);
    expect(after.addresses.map((a) => a.street)).toEqual(['中山北路 32 号', '新模范马路 5 号']);
    expect(after.addresses[0].id).toBe(kept.id);
    expect(after.contacts.map((c) => [c.name, c.landline, c.isPrimary])).toEqual([['孙丽', '025-83331234', true]]);
    const n = t.desk.store.raw.prepare('SELECT count(*) AS n FROM customer_addresses WHERE customer_id = ?').get(id) as { n: number };
    expect(n.n).toBe(2);
    const audit = await t.call<{ rows: { before: Record<string, unknown>; after: Record<string, unknown> }[] }>('audit.list', { entityId: id }, t.admin);
    expect(audit.rows[0].before.credit_limit).toBe(2_000_000);
    expect(audit.rows[0].after.credit_limit).toBe(2_500_000);
    expect(Object.keys(audit.rows[0].after).sort()).toEqual(['addresses', 'contacts', 'credit_limit']);
  });

  it('refuses a region, price group or sales rep that does not exist', async () => {
    t = await openTestDesk();
    const e = await refusal(t.call('customers.save', customer({ regionId: 'nope', salesRepId: 'nope' }), t.admin));
    expect(fieldCodes(e)).toEqual(['regionId:v.choice']);
    await refusal(t.call('customers.get', { id: 'nope' }, t.admin)).then((err) => expect(err.code).toBe('customer.notFound'));
    await refusal(t.call('customers.save', customer({ id: 'nope' }), t.admin)).then((err) => expect(err.code).toBe('customer.notFound'));
  });

  it('lets clerks edit customers but not warehouse staff; anyone signed in may read', async () => {
    t = await openTestDesk();
    const clerk = await t.signInAs('clerk');
    const warehouse = await t.signInAs('warehouse');
    await t.call('customers.save', customer(), clerk);
    const e = await refusal(t.call('customers.save', customer({ code: 'N002' }), warehouse));
    expect(e.code).toBe('auth.forbidden');
    const list = await t.call<{ total: number }>('customers.list', {}, warehouse);
    expect(list.total).toBe(1);
    await refusal(t.call('customers.list', {}, null)).then((err) => expect(err.code).toBe('auth.required'));
  });

  it('lists with filter, paging and the total, and hides deactivated customers by default', async () => {
    t = await openTestDesk();
    const f = await seedMasters(t);
    const page = await t.call<{ rows: { code: string; contactPhone: string; address: string; regionName: string }[]; total: number }>(
      'customers.list',
      { limit: 2 },
      t.admin,
    );
    expect(page.total).toBe(3);
    expect(page.rows.map((r) => r.code)).toEqual(['C001', 'C002']);
    expect(page.rows[0]).toMatchObject({ contactPhone: '13800138000', regionName: '华东', address: expect.stringContaining('朝阳区') });
    const next = await t.call<{ rows: { code: string }[] }>('customers.list', { limit: 2, offset: 2 }, t.admin);
    expect(next.rows.map((r) => r.code)).toEqual(['C003']);
    const byPinyin = await t.call<{ rows: { code: string }[]; total: number }>('customers.list', { q: 'hzxh' }, t.admin);
    expect(byPinyin.rows.map((r) => r.code)).toEqual(['C002']);
    const byName = await t.call<{ rows: { code: string }[] }>('customers.list', { q: '市场贸易' }, t.admin);
    expect(byName.rows.map((r) => r.code)).toEqual(['C001']);
    const people = await t.call<{ rows: { code: string }[] }>('customers.list', { kind: 'person' }, t.admin);
    expect(people.rows.map((r) => r.code)).toEqual(['C003']);

    await t.call('customers.setActive', { id: f.customers.C003, active: false }, t.admin);
    expect((await t.call<{ total: number }>('customers.list', {}, t.admin)).total).toBe(2);
    expect((await t.call<{ total: number }>('customers.list', { active: 'inactive' }, t.admin)).total).toBe(1);
    const found = await t.call<{ rows: unknown[] }>('search.customers', { q: '王小明' }, t.admin);
    expect(found.rows).toEqual([]);
    const withInactive = await t.call<{ rows: { code: string; active: boolean }[] }>('search.customers', { q: '王小明', includeInactive: true }, t.admin);
    expect(withInactive.rows).toEqual([expect.objectContaining({ code: 'C003', active: false })]);
  });
});
