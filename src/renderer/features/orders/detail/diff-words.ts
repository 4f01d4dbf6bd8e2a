import type { DiffEntry } from '@shared/review/amend';
import { formatDate, formatInt, formatMoney } from '../../../ui/format';
import { percentText } from '../entry/fields';

/**
 * An order change's entries in words (planAmendment's diff): the order detail's version table, the
 * approval queue's change requests and the audit screen all say a change the same way.
 */

/** The part of i18next's t this needs, with interpolation (the hook's t fits). */
export type DiffTranslate = (key: string, options?: Record<string, unknown>) => string;

type Kind = 'text' | 'money' | 'percent' | 'quantity' | 'date' | 'yesNo' | 'warehouse' | 'payment' | 'delivery';

/** Field → its label (the entry screen's where there is one) and how its values read. */
const FIELDS: Readonly<Record<string, { label: string; kind: Kind }>> = {
  contactName: { label: 'orders.f.contactName', kind: 'text' },
  contactPhone: { label: 'orders.f.contactPhone', kind: 'text' },
  shipRecipient: { label: 'orders.f.recipient', kind: 'text' },
  shipPhone: { label: 'orders.f.shipPhone', kind: 'text' },
  shipProvince: { label: 'orders.f.province', kind: 'text' },
  shipCity: { label: 'orders.f.city', kind: 'text' },
  shipDistrict: { label: 'orders.f.district', kind: 'text' },
  shipStreet: { label: 'orders.f.street', kind: 'text' },
  shipPostcode: { label: 'orders.f.postcode', kind: 'text' },
  billTo: { label: 'orders.f.billTo', kind: 'text' },
  requestedDate: { label: 'orders.f.requestedDate', kind: 'date' },
  promisedDate: { label: 'orders.f.promisedDate', kind: 'date' },
  notes: { label: 'orders.f.notes', kind: 'text' },
  customText: { label: 'orders.f.customText', kind: 'text' },
  customerPo: { label: 'orders.f.customerPo', kind: 'text' },
  paymentMethod: { label: 'orders.f.paymentMethod', kind: 'payment' },
  deliveryMethod: { label: 'orders.f.deliveryMethod', kind: 'delivery' },
  customRequired: { label: 'orders.f.customRequired', kind: 'yesNo' },
  total: { label: 'orders.side.total', kind: 'money' },
  'line.quantity': { label: 'orders.lines.qty', kind: 'quantity' },
  'line.unitPrice': { label: 'orders.lines.price', kind: 'money' },
  'line.discountBp': { label: 'orders.diff.discount', kind: 'percent' },
  'line.warehouseId': { label: 'orders.f.warehouse', kind: 'warehouse' },
  'line.customParams': { label: 'orders.diff.customParams', kind: 'text' },
  'line.added': { label: 'orders.diff.added', kind: 'text' },
  'line.removed': { label: 'orders.diff.removed', kind: 'text' },
};

/**
 * A diff entry in words: where and what, then before → after (null: no value), or one sentence for
 * a whole line added or removed.
 */
export type DiffView = { where: string | null; label: string } & ({ before: string | null; after: string | null } | { added: string } | { removed: string });

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isSafeInteger(v) ? v : null);
const money = (fen: number) => formatMoney(fen, { symbol: true });
const percent = (bp: number) => `${percentText(bp) || '0'}%`;

/** Warehouse id → how it reads; undefined while the names are still loading. */
export type WarehouseNames = Pick<ReadonlyMap<string, string>, 'get'>;

function value(kind: Kind, v: unknown, t: DiffTranslate, warehouses: WarehouseNames | undefined): string | null {
  if (v === null || v === undefined || v === '') return null;
  const n = num(v);
  switch (kind) {
    case 'money':
      return n === null ? String(v) : money(n);
    case 'percent':
      return n === null ? String(v) : percent(n);
    case 'quantity':
      return n === null ? String(v) : formatInt(n);
    case 'date':
      return typeof v === 'string' ? formatDate(v) : String(v);
    case 'yesNo':
      return v === true || v === 1 ? t('orders.diff.yes') : v === false || v === 0 ? t('orders.diff.no') : String(v);
    case 'payment':
      return t(`orders.payment.${String(v)}`, { defaultValue: String(v) });
    case 'delivery':
      return t(`orders.delivery.${String(v)}`, { defaultValue: String(v) });
    case 'warehouse':
      // Until the list is in, an ellipsis rather than an id nobody can read.
      return warehouses ? (warehouses.get(String(v)) ?? String(v)) : '…';
    default:
      return typeof v === 'object' ? JSON.stringify(v) : String(v);
  }
}

function record(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
}

/** The words for one entry, for anything that needs them without the table. */
export function describeEntry(e: DiffEntry, t: DiffTranslate, warehouses?: WarehouseNames): DiffView {
  const spec = FIELDS[e.field];
  const where = e.line !== undefined ? t('orders.diff.line', { line: e.line, sku: e.sku ?? '' }).trim() : null;
  const label = spec ? t(spec.label) : e.field;
  if (e.field === 'line.added') {
    const a = record(e.after);
    const params = {
      qty: formatInt(num(a.quantity) ?? 0),
      price: money(num(a.unitPrice) ?? 0),
      discount: percent(num(a.discountBp) ?? 0),
      total: money(num(a.total) ?? 0),
    };
    return { where, label, added: t(num(a.discountBp) ? 'orders.diff.addedLineDiscount' : 'orders.diff.addedLine', params) };
  }
  if (e.field === 'line.removed') {
    const r = record(e.before);
    return { where, label, removed: t('orders.diff.removedLine', { qty: formatInt(num(r.quantity) ?? 0), total: money(num(r.total) ?? 0) }) };
  }
  const kind = spec?.kind ?? 'text';
  return { where, label, before: value(kind, e.before, t, warehouses), after: value(kind, e.after, t, warehouses) };
}
