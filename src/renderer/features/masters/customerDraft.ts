import { customerSaveInput, type CustomerDetail } from '@shared/contract/masters';
import { checkUscc, normalizeUscc } from '@shared/validators';
import type { Input } from '../../api/client';
import { opt, parseWhole, parseYuan, schemaIssues, yuanText, type Issues } from './forms';

/** A customer as the form holds it: what the clerk typed, as text, until saved. */
export interface ContactDraft {
  id?: string;
  name: string;
  mobile: string;
  landline: string;
  email: string;
  isPrimary: boolean;
}

export interface AddressDraft {
  id?: string;
  label: string;
  recipient: string;
  phone: string;
  province: string;
  city: string;
  district: string;
  street: string;
  postcode: string;
  isDefault: boolean;
}

export interface CustomerDraft {
  id?: string;
  code: string;
  name: string;
  kind: 'company' | 'person';
  uscc: string;
  usccOverrideReason: string;
  regionId: string;
  /** Yuan, as typed. */
  creditLimit: string;
  paymentTermsDays: string;
  priceGroupId: string;
  salesRepId: string;
  email: string;
  notes: string;
  active: boolean;
  contacts: ContactDraft[];
  addresses: AddressDraft[];
}

export const emptyContact = (primary = false): ContactDraft => ({ name: '', mobile: '', landline: '', email: '', isPrimary: primary });

export const emptyAddress = (isDefault = false): AddressDraft => ({
  label: '',
  recipient: '',
  phone: '',
  province: '',
  city: '',
  district: '',
  street: '',
  postcode: '',
  isDefault,
});

/** A new customer: a company with one (default) address to fill — no address, no order. */
export function emptyCustomer(): CustomerDraft {
  return {
    code: '',
    name: '',
    kind: 'company',
    uscc: '',
    usccOverrideReason: '',
    regionId: '',
    creditLimit: '',
    paymentTermsDays: '',
    priceGroupId: '',
    salesRepId: '',
    email: '',
    notes: '',
    active: true,
    contacts: [],
    addresses: [emptyAddress(true)],
  };
}

export function fromDetail(c: CustomerDetail): CustomerDraft {
  return {
    id: c.id,
    code: c.code,
    name: c.name,
    kind: c.kind,
    uscc: c.uscc ?? '',
    usccOverrideReason: c.usccOverrideReason ?? '',
    regionId: c.regionId ?? '',
    creditLimit: yuanText(c.creditLimit),
    paymentTermsDays: String(c.paymentTermsDays),
    priceGroupId: c.priceGroupId ?? '',
    salesRepId: c.salesRepId ?? '',
    email: c.email ?? '',
    notes: c.notes ?? '',
    active: c.active,
    contacts: c.contacts.map((k) => ({ id: k.id, name: k.name, mobile: k.mobile ?? '', landline: k.landline ?? '', email: k.email ?? '', isPrimary: k.isPrimary })),
    addresses: c.addresses.map((a) => ({
      id: a.id,
      label: a.label ?? '',
      recipient: a.recipient,
      phone: a.phone,
      province: a.province,
      city: a.city,
      district: a.district,
      street: a.street,
      postcode: a.postcode ?? '',
      isDefault: a.isDefault,
    })),
  };
}

/** The USCC's check character is wrong (the one failure an approver may accept with a reason). */
export function usccCheckCharFails(uscc: string): boolean {
  const u = normalizeUscc(uscc);
  if (!u) return false;
  const r = checkUscc(u);
  return !r.ok && r.reason === 'checkChar';
}

/** The save input of a draft, and the problems only the conversion can see (a bad amount). */
export function toInput(d: CustomerDraft): { input: Input<'customers.save'>; issues: Issues } {
  const credit = parseYuan(d.creditLimit);
  const terms = parseWhole(d.paymentTermsDays);
  const issues: Issues = {};
  if (credit.issue) issues.creditLimit = credit.issue;
  if (terms.issue) issues.paymentTermsDays = terms.issue;
  const input: Input<'customers.save'> = {
    id: d.id,
    code: d.code,
    name: d.name,
    kind: d.kind,
    uscc: opt(d.uscc),
    // A reason only stands beside a failing check character; a corrected code drops it.
    usccOverrideReason: usccCheckCharFails(d.uscc) ? opt(d.usccOverrideReason) : undefined,
    regionId: opt(d.regionId),
    creditLimit: credit.value,
    paymentTermsDays: terms.value,
    priceGroupId: opt(d.priceGroupId),
    salesRepId: opt(d.salesRepId),
    email: opt(d.email),
    notes: opt(d.notes),
    active: d.active,
    contacts: d.contacts.map((k) => ({
      id: k.id,
      name: k.name,
      mobile: opt(k.mobile),
      landline: opt(k.landline),
      email: opt(k.email),
      isPrimary: k.isPrimary,
    })),
    addresses: d.addresses.map((a) => ({
      id: a.id,
      label: opt(a.label),
      recipient: a.recipient,
      phone: a.phone,
      province: a.province,
      city: a.city,
      district: a.district,
      street: a.street,
      postcode: opt(a.postcode),
      isDefault: a.isDefault,
    })),
  };
  return { input, issues };
}

/** Every problem in a draft by path, as the desk would report it. */
export function customerIssues(d: CustomerDraft): { input: Input<'customers.save'>; issues: Issues } {
  const { input, issues } = toInput(d);
  return { input, issues: { ...schemaIssues(customerSaveInput, input), ...issues } };
}
