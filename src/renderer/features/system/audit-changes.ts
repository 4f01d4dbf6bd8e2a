import type { Result } from '../../api/client';
import { formatDate, formatDateTime, formatInt, formatMoney } from '../../ui/format';
import type { DiffEntry } from '@shared/review/amend';
import { describeEntry } from '../orders/detail/diff-words';
import { percentText } from '../orders/entry/fields';

type AuditRow = Result<'audit.list'>['rows'][number];

/** The part of i18next's t this needs (the hook's t and a fixed t both fit). */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

export interface DescribeOptions {
  /** The screen's language, for date-times. */
  locale: string;
  /** Every item of a list and every character of a text (the detail pane), not the column's short form. */
  whole?: boolean;
}

type Kind =
  | 'text'
  | 'money'
  | 'percent'
  | 'count'
  | 'yesNo'
  | 'date'
  | 'datetime'
  | 'enum'
  | 'ref'
  | 'list'
  | 'holds'
  | 'numbers'
  | 'perRole'
  | 'diff'
  | 'confirmation'
  | 'truncated';

interface FieldSpec {
  /** i18n key of the field's name. */
  label: string;
  kind: Kind;
  /** enum: prefix of the message keys naming the values. */
  prefix?: string;
  /** perRole: how each role's value reads. */
  inner?: 'money' | 'percent';
  /** i18n key of what null means here (a user's approval limit: the role's default). */
  nullText?: string;
}

const f = (label: string, kind: Kind, extra: Omit<FieldSpec, 'label' | 'kind'> = {}): FieldSpec => ({ label, kind, ...extra });

/** Bookkeeping the audit never means to show (changedFields skips the first two as well). */
const HIDDEN = new Set(['updated_at', 'row_version', 'id', 'password_hash', 'name_pinyin', 'search_text', 'changeRequestId']);

/**
 * Every key the mutators put into audit before/after (src/shared/mutators/**, settings.update,
 * demo.load), by the label the screens already use for it wherever there is one.
 */
export const AUDIT_FIELDS: Readonly<Record<string, FieldSpec>> = {
  // Shared by several masters
  code: f('masters.ref.field.code', 'text'),
  name: f('masters.ref.field.name', 'text'),
  active: f('common.active', 'yesNo'),
  email: f('masters.customer.email', 'text'),
  mobile: f('masters.ref.field.mobile', 'text'),
  phone: f('masters.ref.field.phone', 'text'),
  notes: f('masters.customer.notes', 'text'),
  region_id: f('masters.customer.region', 'ref'),
  price_group_id: f('masters.customer.priceGroup', 'ref'),
  sales_rep_id: f('masters.customer.salesRep', 'ref'),
  created_at: f('audit.field.createdAt', 'datetime'),

  // Customers
  kind: f('masters.customer.kind', 'enum', { prefix: 'masters.customer.kind.' }),
  uscc: f('masters.customer.uscc', 'text'),
  uscc_override_reason: f('masters.customer.usccOverrideReason', 'text'),
  credit_limit: f('masters.customer.creditLimitShort', 'money'),
  payment_terms_days: f('masters.customer.paymentTermsDays', 'count'),
  contacts: f('masters.contacts', 'count'),
  addresses: f('masters.addresses', 'count'),

  // Products
  sku: f('masters.product.sku', 'text'),
  spec: f('masters.product.spec', 'text'),
  unit: f('masters.product.unit', 'text'),
  category: f('masters.product.category', 'text'),
  list_price: f('masters.product.listPriceShort', 'money'),
  tax_rate_bp: f('masters.product.taxShort', 'percent'),
  barcode: f('masters.product.barcode', 'text'),
  make_to_order: f('masters.product.makeToOrder', 'yesNo'),
  bom_note: f('masters.product.bomNote', 'text'),
  prices: f('masters.product.prices', 'count'),

  // Warehouses
  address: f('masters.warehouse.address', 'text'),
  bins: f('masters.warehouse.bins', 'list'),

  // Stock
  on_hand: f('masters.stock.onHand', 'count'),
  allocated: f('masters.stock.allocated', 'count'),
  in_transit: f('masters.stock.inTransit', 'count'),
  in_transit_eta: f('masters.stock.eta', 'date'),
  safety_stock: f('masters.stock.safetyStock', 'count'),
  bin_code: f('masters.stock.bin', 'text'),

  // Users
  username: f('users.username', 'text'),
  display_name: f('users.displayName', 'text'),
  role: f('users.role', 'enum', { prefix: 'status.role.' }),
  approval_limit: f('users.approvalLimitShort', 'money', { nullText: 'users.roleDefault' }),
  failed_logins: f('audit.field.failedLogins', 'count'),
  locked_until: f('audit.field.lockedUntil', 'datetime'),
  last_login_at: f('users.lastLogin', 'datetime'),

  // Settings (camelCase: they are the settings' own keys)
  companyName: f('settings.companyName', 'text'),
  companyAddress: f('settings.companyAddress', 'text'),
  companyPhone: f('settings.companyPhone', 'text'),
  companyTaxId: f('settings.companyTaxId', 'text'),
  bankAccount: f('settings.bankAccount', 'text'),
  durability: f('settings.durability', 'enum', { prefix: 'settings.durability.' }),
  idleTimeoutMinutes: f('settings.idleTimeoutMinutes', 'count'),
  duplicateWindowMinutes: f('settings.duplicateWindowMinutes', 'count'),
  changeWindowMinutes: f('settings.changeWindowMinutes', 'count'),
  smallChangeLimit: f('audit.field.smallChangeLimit', 'money'),
  smallChangeDateDays: f('settings.smallChangeDateDays', 'count'),
  collectionRateThresholdBp: f('audit.field.collectionRateThreshold', 'percent'),
  countInTransit: f('settings.countInTransit', 'yesNo'),
  approvalLimits: f('audit.field.approvalLimits', 'perRole', { inner: 'money', nullText: 'audit.value.unlimited' }),
  discountLimitsBp: f('audit.field.discountLimits', 'perRole', { inner: 'percent' }),
  timeZone: f('audit.field.timeZone', 'text'),
  currency: f('audit.field.currency', 'text'),

  // Orders
  number: f('orders.list.col.number', 'text'),
  desk_code: f('status.desk', 'text'),
  customer_id: f('orders.f.customer', 'ref'),
  status: f('orders.list.col.status', 'enum', { prefix: 'order.status.' }),
  revision: f('audit.field.revision', 'count'),
  channel: f('orders.f.channel', 'enum', { prefix: 'orders.channel.' }),
  order_type: f('orders.f.orderType', 'enum', { prefix: 'orders.type.' }),
  priority: f('orders.f.priority', 'enum', { prefix: 'orders.priority.' }),
  payment_method: f('orders.f.paymentMethod', 'enum', { prefix: 'orders.payment.' }),
  delivery_method: f('orders.f.deliveryMethod', 'enum', { prefix: 'orders.delivery.' }),
  customer_po: f('orders.f.customerPo', 'text'),
  contact_name: f('orders.f.contactName', 'text'),
  contact_phone: f('orders.f.contactPhone', 'text'),
  bill_to: f('orders.f.billTo', 'text'),
  ship_recipient: f('orders.f.recipient', 'text'),
  ship_phone: f('orders.f.shipPhone', 'text'),
  ship_province: f('orders.f.province', 'text'),
  ship_city: f('orders.f.city', 'text'),
  ship_district: f('orders.f.district', 'text'),
  ship_street: f('orders.f.street', 'text'),
  ship_postcode: f('orders.f.postcode', 'text'),
  ship_address_id: f('orders.f.address', 'ref'),
  warehouse_id: f('orders.f.warehouse', 'ref'),
  requested_date: f('orders.f.requestedDate', 'date'),
  promised_date: f('orders.f.promisedDate', 'date'),
  custom_text: f('orders.f.customText', 'text'),
  custom_flag: f('orders.list.flag.customTitle', 'yesNo'),
  changed_flag: f('orders.list.flag.changedTitle', 'yesNo'),
  duplicate_confirmed: f('orders.list.flag.duplicateTitle', 'yesNo'),
  subtotal: f('orders.side.subtotal', 'money'),
  tax_total: f('orders.side.tax', 'money'),
  total: f('orders.side.total', 'money'),
  line_count: f('audit.field.lineCount', 'count'),
  created_by: f('audit.field.createdBy', 'ref'),
  submitted_at: f('audit.field.submittedAt', 'datetime'),
  approved_at: f('audit.field.approvedAt', 'datetime'),
  paid_at: f('audit.field.paidAt', 'datetime'),
  closed_at: f('audit.field.closedAt', 'datetime'),
  cancelled_at: f('audit.field.cancelledAt', 'datetime'),
  billed_at: f('audit.field.billedAt', 'datetime'),
  lines: f('orders.lines.title', 'count'),
  duplicates: f('orders.dup.title', 'numbers'),

  // Review: decisions, close / reopen, partial cancel, amendments
  holds: f('orders.detail.holds', 'holds'),
  newHolds: f('audit.field.newHolds', 'holds'),
  decision: f('audit.field.decision', 'enum', { prefix: 'approvals.decision.' }),
  comment: f('approvals.dlg.comment', 'text'),
  confirmation: f('audit.field.confirmation', 'confirmation'),
  released: f('audit.field.released', 'count'),
  reason: f('audit.field.reason', 'text'),
  line: f('audit.field.line', 'count'),
  cancelledQty: f('orders.detail.cancelled', 'count'),
  allocatedQty: f('orders.detail.allocated', 'count'),
  diff: f('orders.diff.title', 'diff'),
  amountDelta: f('approvals.change.delta', 'money'),
  smallChange: f('order.reason.smallChange', 'yesNo'),

  // Demo data
  customers: f('masters.import.kind.customers', 'count'),
  products: f('masters.import.kind.products', 'count'),
  orders: f('audit.field.orders', 'count'),
  settlements: f('audit.field.settlements', 'count'),
  byStatus: f('audit.field.byStatus', 'count'),
  asOf: f('audit.field.asOf', 'datetime'),
  seed: f('audit.field.seed', 'text'),

  // What the dispatcher stores instead of an entry too big to keep (see clip in dispatcher.ts)
  truncated: f('audit.value.truncated', 'truncated'),
};

/** Own keys only: a stored key such as "constructor" must not find Object.prototype's. */
const specOf = (key: string): FieldSpec | undefined => (Object.hasOwn(AUDIT_FIELDS, key) ? AUDIT_FIELDS[key] : undefined);

const ROLE_ORDER = ['clerk', 'approver', 'warehouse', 'manager', 'admin'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_TEXT = 60;
const MAX_LIST = 6;

/** credit_limit → "Credit limit", amountDelta → "Amount delta": a readable name for a key nobody labelled. */
export function humanizeKey(key: string): string {
  const words = key
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .replace(/[_.\s]+/g, ' ')
    .trim()
    .toLowerCase();
  return words ? words[0].toUpperCase() + words.slice(1) : key;
}

const isEmpty = (v: unknown): boolean =>
  v === null ||
  v === undefined ||
  v === '' ||
  (Array.isArray(v) && v.length === 0) ||
  (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0);

const record = (v: unknown): Record<string, unknown> | null => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null);

/** An id says nothing to a reader: its last four characters are enough to tell two apart. */
const shortId = (id: string): string => (id.length > 6 ? `…${id.slice(-4)}` : id);

function clip(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_TEXT ? `${oneLine.slice(0, MAX_TEXT - 1)}…` : oneLine;
}

class Describer {
  constructor(
    private readonly t: Translate,
    private readonly opts: DescribeOptions,
  ) {}

  private items(n: number): string {
    return this.t('audit.value.items', { count: n });
  }

  private listSep(): string {
    return this.t('audit.listSep');
  }

  private join(parts: string[]): string {
    if (parts.length > MAX_LIST && !this.opts.whole) return this.items(parts.length);
    return parts.join(this.listSep());
  }

  private clip(text: string): string {
    return this.opts.whole ? text.trim() : clip(text);
  }

  private yesNo(v: unknown): string | null {
    if (v === true || v === 1) return this.t('orders.diff.yes');
    if (v === false || v === 0) return this.t('orders.diff.no');
    return null;
  }

  /** A value with no spec: as plain as it comes, ids shortened, nested values counted. */
  private plain(v: unknown): string {
    if (v === null || v === undefined || v === '') return this.t('orders.diff.empty');
    if (typeof v === 'boolean') return this.yesNo(v) as string;
    if (typeof v === 'string') return UUID.test(v) ? shortId(v) : this.clip(v);
    if (typeof v === 'number') return String(v);
    if (Array.isArray(v)) return this.items(v.length);
    const obj = record(v);
    if (obj) return this.items(Object.keys(obj).length);
    return this.clip(JSON.stringify(v) ?? String(v));
  }

  private scalar(kind: 'money' | 'percent', v: unknown, nullText?: string): string {
    if (v === null || v === undefined) return nullText ? this.t(nullText) : this.t('orders.diff.empty');
    if (typeof v !== 'number' || !Number.isSafeInteger(v)) return this.plain(v);
    return kind === 'money' ? formatMoney(v, { symbol: true }) : `${percentText(v) || '0'}%`;
  }

  value(spec: FieldSpec | undefined, v: unknown): string {
    if (!spec) return this.plain(v);
    if ((v === null || v === undefined || v === '') && spec.nullText) return this.t(spec.nullText);
    if (v === null || v === undefined || v === '') return this.t('orders.diff.empty');
    // Demo data counts what other entries list (lines, holds): a number is a count either way.
    if (typeof v === 'number' && Number.isSafeInteger(v) && (spec.kind === 'list' || spec.kind === 'holds' || spec.kind === 'numbers')) return formatInt(v);
    switch (spec.kind) {
      case 'money':
      case 'percent':
        return this.scalar(spec.kind, v, spec.nullText);
      case 'count':
        return typeof v === 'number' && Number.isSafeInteger(v) ? formatInt(v) : this.plain(v);
      case 'yesNo':
        return this.yesNo(v) ?? this.plain(v);
      case 'date':
        return typeof v === 'string' ? formatDate(v) : this.plain(v);
      case 'datetime':
        return typeof v === 'string' ? formatDateTime(v, this.opts.locale) : this.plain(v);
      case 'enum':
        return typeof v === 'string' ? this.t(`${spec.prefix}${v}`, { defaultValue: v }) : this.plain(v);
      case 'ref':
        return typeof v === 'string' ? shortId(v) : this.plain(v);
      case 'list':
        return Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number') ? this.join(v.map(String)) : this.plain(v);
      case 'holds':
        // Hold codes (or holds carrying one) by their names: 超出信用额度、库存不足.
        if (!Array.isArray(v)) return this.plain(v);
        return this.join(
          v.map((h) => {
            const code = typeof h === 'string' ? h : String(record(h)?.code ?? '');
            return this.t(`audit.hold.${code}`, { defaultValue: code });
          }),
        );
      case 'numbers':
        // Orders named by their numbers: SO-1、SO-2.
        return Array.isArray(v) ? this.join(v.map((o) => String(record(o)?.number ?? this.plain(o)))) : this.plain(v);
      case 'confirmation': {
        const c = record(v);
        if (!c) return this.plain(v);
        const channel = String(c.channel ?? '');
        return [this.t(`approvals.channel.${channel}`, { defaultValue: channel }), c.person ? String(c.person) : '']
          .filter(Boolean)
          .join(' · ');
      }
      case 'perRole': {
        const roles = record(v);
        if (!roles) return this.plain(v);
        return this.join(this.roleKeys(roles, {}).map((r) => `${this.t(`status.role.${r}`, { defaultValue: r })} ${this.scalar(spec.inner ?? 'money', roles[r], spec.nullText)}`));
      }
      case 'diff':
        return Array.isArray(v) ? this.join(v.map((e) => this.diffEntry(e as DiffEntry))) : this.plain(v);
      case 'truncated':
        return '';
      default:
        return this.clip(String(v));
    }
  }

  /** One entry of an order change the way the order's version table says it (第2行 BG01 数量 3 → 5). */
  private diffEntry(e: DiffEntry): string {
    const v = describeEntry(e, this.t, { get: shortId });
    const what = v.where ? `${v.where} ${v.label}` : v.label;
    if ('added' in v) return `${what}: ${v.added}`;
    if ('removed' in v) return `${what}: ${v.removed}`;
    const empty = this.t('orders.diff.empty');
    return `${what}: ${v.before ?? empty} → ${v.after ?? empty}`;
  }

  private roleKeys(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...ROLE_ORDER.filter((r) => keys.has(r)), ...[...keys].filter((k) => !ROLE_ORDER.includes(k))];
  }

  label(key: string, spec: FieldSpec | undefined): string {
    return spec ? this.t(spec.label) : humanizeKey(key);
  }

  /** "label: value", or only the label when the value is nothing to read. */
  one(key: string, v: unknown): string {
    const spec = specOf(key);
    const label = this.label(key, spec);
    if (spec?.kind === 'truncated') return label;
    return `${label}: ${this.value(spec, v)}`;
  }

  /** "label: before → after"; a per-role setting names only the roles whose value changed. */
  pair(key: string, b: unknown, a: unknown): string {
    const spec = specOf(key);
    const label = this.label(key, spec);
    if (spec?.kind === 'truncated') return label;
    const rb = record(b);
    const ra = record(a);
    if (spec?.kind === 'perRole' && rb && ra) {
      const inner = spec.inner ?? 'money';
      const changed = this.roleKeys(rb, ra)
        .filter((r) => JSON.stringify(rb[r]) !== JSON.stringify(ra[r]))
        .map((r) => `${this.t(`status.role.${r}`, { defaultValue: r })} ${this.scalar(inner, rb[r], spec.nullText)} → ${this.scalar(inner, ra[r], spec.nullText)}`);
      return `${label}: ${changed.length ? changed.join(this.listSep()) : this.t('audit.value.changed')}`;
    }
    const before = this.value(spec, b);
    const after = this.value(spec, a);
    // Nested content that changed but reads the same (3 contacts → 3 contacts) still says it changed.
    if (before === after) return `${label}: ${this.t('audit.value.changed')}`;
    return `${label}: ${before} → ${after}`;
  }
}

/**
 * The changes of an audit row as the reader says them, one entry per field: its label, then
 * before → after with money as money, rates as percent, flags as yes/no, codes by their names and
 * nested lists counted. With both sides only what differs is listed; a field on one side only (a
 * created record, a decision's outcome) is listed with its value, empty values left out.
 */
export function changeEntries(row: Pick<AuditRow, 'before' | 'after'>, t: Translate, opts: DescribeOptions): string[] {
  const before = row.before ?? null;
  const after = row.after ?? null;
  const d = new Describer(t, opts);
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter((k) => !HIDDEN.has(k));
  const out: string[] = [];
  for (const key of keys) {
    const inBefore = before !== null && Object.hasOwn(before, key);
    const inAfter = after !== null && Object.hasOwn(after, key);
    if (inBefore && inAfter) {
      const b = before[key];
      const a = after[key];
      if (JSON.stringify(b) === JSON.stringify(a)) continue;
      out.push(d.pair(key, b, a));
      continue;
    }
    const v = inAfter ? after[key] : before?.[key];
    if (isEmpty(v) && !specOf(key)?.nullText) continue;
    out.push(d.one(key, v));
  }
  return out;
}

/** changeEntries joined the way the language lists clauses (；in Chinese, "; " in English). */
export function describeChanges(row: Pick<AuditRow, 'before' | 'after'>, t: Translate, opts: DescribeOptions): string {
  return changeEntries(row, t, opts).join(t('audit.change.sep'));
}
