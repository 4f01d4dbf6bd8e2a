import { useMemo } from 'react';
import type { DiffEntry } from '@shared/review/amend';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../../api/hooks';
import { formatDate, formatInt, formatMoney } from '../../../ui/format';
import { percentText } from '../entry/fields';
import './diff.css';

/** One entry of an order change, as the desk records it (planAmendment). */
export type { DiffEntry };

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

type T = ReturnType<typeof useTranslation>['t'];

/**
 * A diff entry in words: where and what, then before → after (null: no value), or one sentence for
 * a whole line added or removed.
 */
export type DiffView = { where: string | null; label: string } & ({ before: string | null; after: string | null } | { added: string } | { removed: string });

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isSafeInteger(v) ? v : null);
const money = (fen: number) => formatMoney(fen, { symbol: true });
const percent = (bp: number) => `${percentText(bp) || '0'}%`;

function value(kind: Kind, v: unknown, t: T, warehouses: ReadonlyMap<string, string> | undefined): string | null {
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
export function describeEntry(e: DiffEntry, t: T, warehouses?: ReadonlyMap<string, string>): DiffView {
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

/** Warehouse id → "code name", fetched only when some entry moves a line to another warehouse. */
function useWarehouseNames(enabled: boolean): ReadonlyMap<string, string> | undefined {
  const q = useQuery('warehouses.list', { activeOnly: false }, { enabled });
  const rows = q.data?.rows;
  const failed = Boolean(q.error);
  return useMemo(() => (rows ? new Map(rows.map((w) => [w.id, `${w.code} ${w.name}`])) : failed ? new Map<string, string>() : undefined), [rows, failed]);
}

interface Props {
  entries: readonly DiffEntry[];
  /** Extra class names (the approval queue's section styles). */
  className?: string;
}

/**
 * What a change does, one row per entry: the line and field, then before → after in the reader's
 * language (money as money, discounts as percent, warehouses by code and name, yes/no), or one
 * sentence for a line added or removed. The order detail's versions and the approval queue's change
 * requests both show changes with it.
 */
export function OrderDiff({ entries, className }: Props) {
  const { t } = useTranslation();
  const warehouses = useWarehouseNames(entries.some((e) => e.field === 'line.warehouseId'));
  if (entries.length === 0) return null;
  return (
    <table className={className ? `o-diff ${className}` : 'o-diff'} aria-label={t('orders.diff.title')}>
      <colgroup>
        <col className="o-diff-what" />
        <col className="o-diff-side" />
        <col className="o-diff-arrow" />
        <col />
      </colgroup>
      <tbody>
        {entries.map((e, i) => {
          const v = describeEntry(e, t, warehouses);
          return (
            <tr key={i}>
              <th scope="row">
                {v.where ? <span className="o-diff-where">{v.where} </span> : null}
                {v.label}
              </th>
              {'added' in v ? (
                <td colSpan={3} className="o-diff-line">
                  {v.added}
                </td>
              ) : 'removed' in v ? (
                <td colSpan={3} className="o-diff-line o-diff-before">
                  {v.removed}
                </td>
              ) : (
                <>
                  <Side className="o-diff-before" text={v.before} />
                  <td className="o-diff-arrow">→</td>
                  <Side className="o-diff-after" text={v.after} />
                </>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** One side of a change; no value reads (空) / (empty), plainly. */
function Side({ className, text }: { className: string; text: string | null }) {
  const { t } = useTranslation();
  return text === null ? <td className={`${className} o-diff-none`}>{t('orders.diff.empty')}</td> : <td className={className}>{text}</td>;
}
