import type { CustomerDetail, CustomerListRow } from '../../shared/contract/masters';
import { saveCustomer, setCustomerActive } from '../../shared/mutators/masters';
import { notFound } from '../../shared/mutators/masters/common';
import { withFields } from '../../shared/objects';
import type { PartialImplementations } from '../dispatcher/types';
import { CUSTOMERS, textFilter } from './search';
import { all, get, type Params } from './sql';

type Names = 'customers.list' | 'customers.get' | 'customers.save' | 'customers.setActive';

export const CUSTOMER_COLUMNS = `c.id, c.code, c.name, c.name_pinyin AS pinyin, c.kind, c.uscc,
  c.uscc_override_reason AS usccOverrideReason, c.region_id AS regionId, c.credit_limit AS creditLimit,
  c.payment_terms_days AS paymentTermsDays, c.price_group_id AS priceGroupId, c.sales_rep_id AS salesRepId,
  c.email, c.notes, c.active, c.created_at AS createdAt, c.updated_at AS updatedAt`;

export const customersHandlers: PartialImplementations<Names> = {
  'customers.list': async (ctx, input) => {
    const db = ctx.desk.store.raw;
    const params: Params = {};
    const where: string[] = [];
    const text = textFilter(CUSTOMERS, input.q, params);
    if (text) where.push(text);
    if (input.active !== 'all') where.push(`c.active = ${input.active === 'active' ? 1 : 0}`);
    for (const [key, column] of [
      ['kind', 'kind'],
      ['regionId', 'region_id'],
      ['salesRepId', 'sales_rep_id'],
      ['priceGroupId', 'price_group_id'],
    ] as const) {
      const value = input[key];
      if (value) {
        params[key] = value;
        where.push(`c.${column} = @${key}`);
      }
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = get<{ n: number }>(db, `SELECT count(*) AS n FROM customers c ${clause}`, params)?.n ?? 0;
    const rows = all<Omit<CustomerListRow, 'active'> & { active: number }>(
      db,
      `SELECT ${CUSTOMER_COLUMNS}, r.name AS regionName, g.name AS priceGroupName, s.name AS salesRepName,
         coalesce(k.name, a.recipient) AS contactName, coalesce(k.mobile, k.landline, a.phone) AS contactPhone,
         CASE WHEN a.id IS NULL THEN NULL ELSE a.province || ' ' || a.city || ' ' || a.district || ' ' || a.street END AS address
       FROM customers c
       LEFT JOIN regions r ON r.id = c.region_id
       LEFT JOIN price_groups g ON g.id = c.price_group_id
       LEFT JOIN sales_reps s ON s.id = c.sales_rep_id
       LEFT JOIN customer_contacts k ON k.customer_id = c.id AND k.is_primary = 1
       LEFT JOIN customer_addresses a ON a.customer_id = c.id AND a.is_default = 1
       ${clause} ORDER BY c.code LIMIT @limit OFFSET @offset`,
      Object.assign({}, params, { limit: input.limit, offset: input.offset }),
    );
    return { rows: rows.map((r) => withFields(r, { active: Boolean(r.active) })), total };
  },

  'customers.get': async (ctx, input) => {
    const db = ctx.desk.store.raw;
    const c = get<Omit<CustomerDetail, 'contacts' | 'addresses' | 'active'> & { active: number }>(
      db,
      `SELECT ${CUSTOMER_COLUMNS} FROM customers c WHERE c.id = @id`,
      { id: input.id },
    );
    if (!c) throw notFound('customer', input.id);
    const contacts = all<Omit<CustomerDetail['contacts'][number], 'isPrimary'> & { isPrimary: number }>(
      db,
      `SELECT id, name, mobile, landline, email, is_primary AS isPrimary FROM customer_contacts
       WHERE customer_id = @id ORDER BY is_primary DESC, rowid`,
      { id: input.id },
    );
    const addresses = all<Omit<CustomerDetail['addresses'][number], 'isDefault'> & { isDefault: number }>(
      db,
      `SELECT id, label, recipient, phone, province, city, district, street, postcode, is_default AS isDefault
       FROM customer_addresses WHERE customer_id = @id ORDER BY is_default DESC, rowid`,
      { id: input.id },
    );
    return withFields(c, {
      active: Boolean(c.active),
      contacts: contacts.map((k) => withFields(k, { isPrimary: Boolean(k.isPrimary) })),
      addresses: addresses.map((a) => withFields(a, { isDefault: Boolean(a.isDefault) })),
    });
  },

  'customers.save': { mutate: saveCustomer },
  'customers.setActive': { mutate: setCustomerActive },
};
