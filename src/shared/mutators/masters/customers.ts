import { USCC_OVERRIDERS, type CustomerSaveInput } from '../../contract/masters';
import type { CustomerAddressesTable, CustomerContactsTable, CustomersTable } from '../../db/masters.table';
import { DeskError } from '../../errors';
import { pinyinInitials } from '../../search/pinyin';
import { checkUscc } from '../../validators';
import type { AuditEntry, Mutator, MutatorEnv, Tx } from '../env';
import { chunks, codeKey, codeTaken, flag, notFound, plainPath, sameRow, unknownChoice, type PathOf } from './common';
import { auditOf } from './reference';

export interface BatchOutcome {
  ids: string[];
  created: number;
  updated: number;
  audit: AuditEntry[];
}

type ContactRow = CustomerContactsTable;
type AddressRow = CustomerAddressesTable;

/** What the audit compares: the customer's fields and its contacts and addresses (content only). */
function snapshot(c: CustomersTable, contacts: ContactRow[], addresses: AddressRow[]): Record<string, unknown> {
  const { name_pinyin: _p, created_at: _c, updated_at: _u, ...fields } = c;
  // Sorted by content so reordering alone is not reported as a change.
  const contactList = contacts
    .map(({ id: _i, customer_id: _ci, ...rest }) => rest)
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  const addressList = addresses
    .map(({ id: _i, customer_id: _ci, ...rest }) => rest)
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return Object.assign({}, fields, { contacts: contactList, addresses: addressList });
}

async function loadBy<T extends 'customer_contacts' | 'customer_addresses'>(
  tx: Tx,
  table: T,
  customerIds: string[],
): Promise<Map<string, (T extends 'customer_contacts' ? ContactRow : AddressRow)[]>> {
  const out = new Map<string, (T extends 'customer_contacts' ? ContactRow : AddressRow)[]>();
  for (const part of chunks(customerIds)) {
    const rows = (await tx
      .selectFrom(table as 'customer_contacts')
      .selectAll()
      .where('customer_id', 'in', part)
      .execute()) as unknown as (T extends 'customer_contacts' ? ContactRow : AddressRow)[];
    for (const r of rows) {
      const list = out.get(r.customer_id) ?? [];
      list.push(r);
      out.set(r.customer_id, list);
    }
  }
  return out;
}

async function assertIdsExist(
  tx: Tx,
  table: 'regions' | 'price_groups' | 'sales_reps',
  refs: { index: number; id: string | undefined }[],
  field: string,
  pathOf: PathOf,
): Promise<void> {
  const wanted = [...new Set(refs.map((r) => r.id).filter((id): id is string => Boolean(id)))];
  if (!wanted.length) return;
  const found = new Set<string>();
  for (const part of chunks(wanted)) {
    for (const r of await tx.selectFrom(table).select('id').where('id', 'in', part).execute()) found.add(r.id);
  }
  const missing = refs.find((r) => r.id && !found.has(r.id));
  if (missing) throw unknownChoice(pathOf(missing.index, field));
}

/** Index of the entry flagged (first wins), else the first entry; -1 for an empty list. */
function pickOne<T>(list: readonly T[], flagged: (t: T) => boolean): number {
  const i = list.findIndex(flagged);
  return i >= 0 ? i : list.length ? 0 : -1;
}

/**
 * Create or update customers in one go (a form save is a batch of one; an import, hundreds).
 * Codes are unique regardless of case; nested contacts and addresses are replaced by those given,
 * keeping the ids of entries that already belonged to the customer.
 */
export async function writeCustomers(
  tx: Tx,
  inputs: readonly CustomerSaveInput[],
  env: MutatorEnv,
  pathOf: PathOf = plainPath,
): Promise<BatchOutcome> {
  // Existing rows of the inputs that name an id.
  const befores = new Map<string, CustomersTable>();
  const givenIds = inputs.map((i) => i.id).filter((id): id is string => Boolean(id));
  for (const part of chunks(givenIds)) {
    for (const r of await tx.selectFrom('customers').selectAll().where('id', 'in', part).execute()) befores.set(r.id, r);
  }
  const missing = givenIds.find((id) => !befores.has(id));
  if (missing) throw notFound('customer', missing);

  // Unique codes, against the store and within the batch.
  const owners = new Map<string, string>();
  for (const part of chunks(inputs.map((i) => i.code))) {
    for (const r of await tx.selectFrom('customers').select(['id', 'code']).where('code', 'in', part).execute()) {
      owners.set(codeKey(r.code), r.id);
    }
  }
  const inBatch = new Set<string>();
  inputs.forEach((input, i) => {
    const key = codeKey(input.code);
    const owner = owners.get(key);
    if ((owner && owner !== input.id) || inBatch.has(key)) throw codeTaken('customer', 'code', input.code, pathOf(i, 'code'));
    inBatch.add(key);
  });

  // A failing USCC check character stands only with a reason from someone allowed to give it.
  const overrideReasons = inputs.map((input, i) => {
    if (!input.uscc) return null;
    const check = checkUscc(input.uscc);
    if (check.ok) return null;
    if (check.reason !== 'checkChar' || !input.usccOverrideReason) {
      throw new DeskError('validation.failed', { count: 1 }, {
        fields: [{ path: pathOf(i, 'uscc'), code: `v.uscc.${check.reason}`, params: check.expected ? { expected: check.expected } : {} }],
      });
    }
    const before = input.id ? befores.get(input.id) : undefined;
    const alreadyGranted = before?.uscc === input.uscc && before?.uscc_override_reason === input.usccOverrideReason;
    if (!alreadyGranted && !(env.role && USCC_OVERRIDERS.includes(env.role))) {
      throw new DeskError('customer.usccOverrideNotAllowed', { role: env.role ?? '' }, {
        status: 403,
        fields: [{ path: pathOf(i, 'usccOverrideReason'), code: 'customer.usccOverrideNotAllowed' }],
      });
    }
    return input.usccOverrideReason;
  });

  const refs = (pick: (c: CustomerSaveInput) => string | undefined) => inputs.map((c, index) => ({ index, id: pick(c) }));
  await assertIdsExist(tx, 'regions', refs((c) => c.regionId), 'regionId', pathOf);
  await assertIdsExist(tx, 'price_groups', refs((c) => c.priceGroupId), 'priceGroupId', pathOf);
  await assertIdsExist(tx, 'sales_reps', refs((c) => c.salesRepId), 'salesRepId', pathOf);

  const existingIds = [...befores.keys()];
  const oldContacts = await loadBy(tx, 'customer_contacts', existingIds);
  const oldAddresses = await loadBy(tx, 'customer_addresses', existingIds);

  const newCustomers: CustomersTable[] = [];
  const changedCustomers: CustomersTable[] = [];
  const contactInserts: ContactRow[] = [];
  const contactUpdates: ContactRow[] = [];
  const addressInserts: AddressRow[] = [];
  const addressUpdates: AddressRow[] = [];
  const removedContacts: string[] = [];
  const removedAddresses: string[] = [];
  const audit: AuditEntry[] = [];
  const ids: string[] = [];

  inputs.forEach((input, i) => {
    const before = input.id ? befores.get(input.id) : undefined;
    const id = before?.id ?? env.ids.next();
    ids.push(id);
    const row: CustomersTable = {
      id,
      code: input.code,
      name: input.name,
      name_pinyin: pinyinInitials(input.name),
      kind: input.kind,
      uscc: input.uscc ?? null,
      uscc_override_reason: overrideReasons[i],
      region_id: input.regionId ?? null,
      credit_limit: input.creditLimit,
      payment_terms_days: input.paymentTermsDays,
      price_group_id: input.priceGroupId ?? null,
      sales_rep_id: input.salesRepId ?? null,
      email: input.email ?? null,
      notes: input.notes ?? null,
      active: flag(input.active),
      created_at: before?.created_at ?? env.now,
      updated_at: env.now,
    };
    const prevContacts = oldContacts.get(id) ?? [];
    const prevAddresses = oldAddresses.get(id) ?? [];

    // Nested ids are kept only when they already belonged to this customer (never someone else's row).
    const ownContactIds = new Set(prevContacts.map((c) => c.id));
    const keptContacts = new Set<string>();
    const primary = pickOne(input.contacts, (c) => c.isPrimary);
    const contacts: ContactRow[] = input.contacts.map((c, k) => {
      const reuse = c.id && ownContactIds.has(c.id) && !keptContacts.has(c.id) ? c.id : undefined;
      if (reuse) keptContacts.add(reuse);
      const r: ContactRow = {
        id: reuse ?? env.ids.next(),
        customer_id: id,
        name: c.name,
        mobile: c.mobile ?? null,
        landline: c.landline ?? null,
        email: c.email ?? null,
        is_primary: flag(k === primary),
      };
      return r;
    });

    const ownAddressIds = new Set(prevAddresses.map((a) => a.id));
    const keptAddresses = new Set<string>();
    const def = pickOne(input.addresses, (a) => a.isDefault);
    const addresses: AddressRow[] = input.addresses.map((a, k) => {
      const reuse = a.id && ownAddressIds.has(a.id) && !keptAddresses.has(a.id) ? a.id : undefined;
      if (reuse) keptAddresses.add(reuse);
      const r: AddressRow = {
        id: reuse ?? env.ids.next(),
        customer_id: id,
        label: a.label ?? null,
        recipient: a.recipient,
        phone: a.phone,
        province: a.province,
        city: a.city,
        district: a.district,
        street: a.street,
        postcode: a.postcode ?? null,
        is_default: flag(k === def),
      };
      return r;
    });

    const entry = auditOf(
      'customer',
      id,
      input.code,
      before ? snapshot(before, prevContacts, prevAddresses) : undefined,
      snapshot(row, contacts, addresses),
    );
    // Saving what is already stored writes nothing (an import of an unchanged export is cheap).
    if (!entry) return;
    if (row.uscc_override_reason && row.uscc_override_reason !== before?.uscc_override_reason) {
      entry.summary += `; USCC check overridden: ${row.uscc_override_reason}`;
      entry.params = Object.assign({}, entry.params, { usccOverride: row.uscc_override_reason });
    }
    audit.push(entry);
    (before ? changedCustomers : newCustomers).push(row);
    const prevContact = new Map(prevContacts.map((c) => [c.id, c]));
    for (const c of contacts) {
      const prev = prevContact.get(c.id);
      if (!prev) contactInserts.push(c);
      else if (!sameRow(prev, c)) contactUpdates.push(c);
    }
    for (const c of prevContacts) if (!keptContacts.has(c.id)) removedContacts.push(c.id);
    const prevAddress = new Map(prevAddresses.map((a) => [a.id, a]));
    for (const a of addresses) {
      const prev = prevAddress.get(a.id);
      if (!prev) addressInserts.push(a);
      else if (!sameRow(prev, a)) addressUpdates.push(a);
    }
    for (const a of prevAddresses) if (!keptAddresses.has(a.id)) removedAddresses.push(a.id);
  });

  for (const part of chunks(newCustomers)) await tx.insertInto('customers').values(part).execute();
  for (const row of changedCustomers) {
    const { id, created_at: _c, ...set } = row;
    await tx.updateTable('customers').set(set).where('id', '=', id).execute();
  }
  for (const part of chunks(removedContacts)) await tx.deleteFrom('customer_contacts').where('id', 'in', part).execute();
  for (const part of chunks(removedAddresses)) await tx.deleteFrom('customer_addresses').where('id', 'in', part).execute();
  for (const row of contactUpdates) {
    const { id, customer_id: _c, ...set } = row;
    await tx.updateTable('customer_contacts').set(set).where('id', '=', id).execute();
  }
  for (const row of addressUpdates) {
    const { id, customer_id: _c, ...set } = row;
    await tx.updateTable('customer_addresses').set(set).where('id', '=', id).execute();
  }
  for (const part of chunks(contactInserts)) await tx.insertInto('customer_contacts').values(part).execute();
  for (const part of chunks(addressInserts)) await tx.insertInto('customer_addresses').values(part).execute();

  return { ids, created: newCustomers.length, updated: changedCustomers.length, audit };
}

export const saveCustomer: Mutator<CustomerSaveInput, { id: string }> = async (tx, input, env) => {
  const out = await writeCustomers(tx, [input], env);
  return { result: { id: out.ids[0] }, audit: out.audit };
};

export const setCustomerActive: Mutator<{ id: string; active: boolean }, { id: string; active: boolean }> = async (tx, input, env) => {
  const before = await tx.selectFrom('customers').select(['id', 'code', 'active']).where('id', '=', input.id).executeTakeFirst();
  if (!before) throw notFound('customer', input.id);
  const active = flag(input.active);
  if (before.active === active) return { result: { id: input.id, active: input.active }, audit: [] };
  await tx.updateTable('customers').set({ active, updated_at: env.now }).where('id', '=', input.id).execute();
  return {
    result: { id: input.id, active: input.active },
    audit: [
      {
        entity: 'customer',
        entityId: input.id,
        code: input.active ? 'audit.master.activated' : 'audit.master.deactivated',
        params: { entity: 'customer', label: before.code },
        summary: `${input.active ? 'activate' : 'deactivate'} ${before.code}`,
        before: { active: before.active },
        after: { active },
      },
    ],
  };
};
