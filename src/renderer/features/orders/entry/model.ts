/**
 * The order being entered, as the screen holds it (text as typed), and the pure functions between
 * it and the desk: the draft document for orders.saveDraft, the amendment for orders.amend, the
 * field checks with the shared schemas, and the mapping of the desk's field paths to the screen's.
 */
import type { CustomerDetail, CustomerHit, ProductHit } from '@shared/contract/masters';
import { lineAmounts, sumTotals, type LineAmounts, type OrderTotals } from '@shared/money';
import { discountIssues, priceLine } from '@shared/orders/pricing';
import {
  ORDER_LIMITS,
  orderFieldSchemas,
  type DeliveryMethod,
  type OrderChannel,
  type OrderDraft,
  type OrderDraftInput,
  type OrderPriority,
  type OrderType,
  type PaymentMethod,
} from '@shared/orders/schema';
import type { OrderStatus } from '@shared/orders/status';
import type { Role } from '@shared/roles';
import { issuesToFieldErrors } from '@shared/validation';
import { parseDays, parsePercent, parseQuantity, parseYuan, percentText, yuanText, type Issue } from './fields';

export type CustomerPick = Pick<
  CustomerHit,
  'id' | 'code' | 'name' | 'kind' | 'creditLimit' | 'paymentTermsDays' | 'priceGroupId' | 'regionId'
>;
export type ProductPick = Pick<ProductHit, 'id' | 'sku' | 'name' | 'spec' | 'unit' | 'listPrice' | 'price' | 'taxRateBp'>;
export type AddressOption = CustomerDetail['addresses'][number];

export interface Line {
  /** Stable key of the row on screen (error paths and focus use it). */
  key: string;
  /** Amend: the stored line this row is. */
  lineId?: string;
  product: ProductPick | null;
  /** What is typed in the product cell. */
  text: string;
  qty: string;
  /** Yuan; blank = the customer's price (price group, else list). */
  price: string;
  /** Percent; blank = none. */
  discount: string;
  params: string;
  warehouseId?: string;
  /** Amend: units already delivered (the quantity cannot go below). */
  delivered?: number;
}

export interface Header {
  customer: CustomerPick | null;
  customerText: string;
  contactName: string;
  contactPhone: string;
  /** A customer address the ship-to was taken from; '' = typed in. */
  addressId: string;
  recipient: string;
  shipPhone: string;
  province: string;
  city: string;
  district: string;
  street: string;
  postcode: string;
  customerPo: string;
  channel: OrderChannel;
  orderType: OrderType;
  priority: OrderPriority;
  deliveryMethod: DeliveryMethod;
  paymentMethod: PaymentMethod;
  termsDays: string;
  requestedDate: string;
  promisedDate: string;
  warehouseId: string;
  notes: string;
  billTo: string;
  customRequired: boolean;
  customText: string;
  /** Amend: why the order is changed. */
  reason: string;
}

export type HeaderKey = keyof Header;

export function emptyHeader(): Header {
  return {
    customer: null,
    customerText: '',
    contactName: '',
    contactPhone: '',
    addressId: '',
    recipient: '',
    shipPhone: '',
    province: '',
    city: '',
    district: '',
    street: '',
    postcode: '',
    customerPo: '',
    channel: 'phone',
    orderType: 'retail',
    priority: 'regular',
    deliveryMethod: 'delivery',
    paymentMethod: 'cash',
    termsDays: '0',
    requestedDate: '',
    promisedDate: '',
    warehouseId: '',
    notes: '',
    billTo: '',
    customRequired: false,
    customText: '',
    reason: '',
  };
}

let lineSeq = 0;
export function newLine(init: Partial<Line> = {}): Line {
  lineSeq += 1;
  return { key: `l${lineSeq}`, product: null, text: '', qty: '', price: '', discount: '', params: '', ...init };
}

export function lineFromProduct(p: ProductPick, init: Partial<Line> = {}): Line {
  return newLine({ product: p, text: p.sku, ...init });
}

/** A row the clerk has not started: no product and nothing typed. */
export function isBlankLine(l: Line): boolean {
  return !l.product && !l.text.trim() && !l.qty.trim() && !l.params.trim();
}

// ---------------------------------------------------------------------------------------------
// Money on screen (the desk recomputes and is authoritative; the screen shows the same rule at once)

export interface LineFigures extends LineAmounts {
  unitPrice: number;
  referencePrice: number;
}

export function lineFigures(l: Line): LineFigures | null {
  if (!l.product) return null;
  const qty = parseQuantity(l.qty).value ?? 0;
  const price = parseYuan(l.price);
  const discount = parsePercent(l.discount).value ?? 0;
  const priced = priceLine(
    { quantity: qty, unitPrice: price.issue ? null : price.value, discountBp: discount },
    { listPrice: l.product.listPrice, taxRateBp: l.product.taxRateBp, groupPrice: l.product.price },
  );
  return { amount: priced.amount, tax: priced.tax, total: priced.total, unitPrice: priced.unitPrice, referencePrice: priced.referencePrice };
}

export function orderTotals(lines: readonly Line[]): OrderTotals {
  return sumTotals(lines.map(lineFigures).filter((f): f is LineFigures => !!f));
}

export { lineAmounts };

// ---------------------------------------------------------------------------------------------
// The draft document

export interface Built<T> {
  input: T;
  /** Screen keys of the lines sent, by their index in the input (for the desk's `lines.N.*` paths). */
  keys: string[];
}

const text = (s: string): string | undefined => (s.trim() ? s.trim() : undefined);

/** The whole order as orders.saveDraft takes it; null until a customer is chosen. */
export function draftInput(h: Header, lines: readonly Line[]): Built<OrderDraftInput> | null {
  if (!h.customer) return null;
  const sent = lines.filter((l) => l.product);
  return {
    keys: sent.map((l) => l.key),
    input: {
      customerId: h.customer.id,
      contact: { name: text(h.contactName), phone: text(h.contactPhone) },
      shipTo: {
        addressId: text(h.addressId),
        recipient: text(h.recipient),
        phone: text(h.shipPhone),
        province: text(h.province),
        city: text(h.city),
        district: text(h.district),
        street: text(h.street),
        postcode: text(h.postcode),
      },
      billTo: text(h.billTo),
      customerPo: text(h.customerPo),
      channel: h.channel,
      orderType: h.orderType,
      priority: h.priority,
      deliveryMethod: h.deliveryMethod,
      paymentMethod: h.paymentMethod,
      paymentTermsDays: parseDays(h.termsDays, ORDER_LIMITS.termsDays).value ?? 0,
      requestedDate: text(h.requestedDate),
      promisedDate: text(h.promisedDate),
      notes: text(h.notes),
      customRequired: h.customRequired,
      customText: text(h.customText),
      warehouseId: text(h.warehouseId),
      lines: sent.map((l) => {
        const price = parseYuan(l.price);
        return {
          productId: l.product!.id,
          customParams: text(l.params),
          quantity: parseQuantity(l.qty).value,
          unitPrice: price.issue ? undefined : price.value,
          discountBp: parsePercent(l.discount).value ?? 0,
          warehouseId: l.warehouseId,
        };
      }),
    },
  };
}

/** A stored document back into screen text (resume a draft, amend an order). */
export function fromDocument(
  doc: OrderDraft,
  customer: CustomerPick,
  lines: { product: ProductPick; lineId?: string; delivered?: number }[],
): { header: Header; lines: Line[] } {
  const header: Header = {
    ...emptyHeader(),
    customer,
    customerText: customerLabel(customer),
    contactName: doc.contact.name ?? '',
    contactPhone: doc.contact.phone ?? '',
    addressId: doc.shipTo.addressId ?? '',
    recipient: doc.shipTo.recipient ?? '',
    shipPhone: doc.shipTo.phone ?? '',
    province: doc.shipTo.province ?? '',
    city: doc.shipTo.city ?? '',
    district: doc.shipTo.district ?? '',
    street: doc.shipTo.street ?? '',
    postcode: doc.shipTo.postcode ?? '',
    customerPo: doc.customerPo ?? '',
    channel: doc.channel,
    orderType: doc.orderType,
    priority: doc.priority,
    deliveryMethod: doc.deliveryMethod,
    paymentMethod: doc.paymentMethod,
    termsDays: String(doc.paymentTermsDays),
    requestedDate: doc.requestedDate ?? '',
    promisedDate: doc.promisedDate ?? '',
    warehouseId: doc.warehouseId ?? '',
    notes: doc.notes ?? '',
    billTo: doc.billTo ?? '',
    customRequired: doc.customRequired,
    customText: doc.customText ?? '',
  };
  return {
    header,
    lines: doc.lines.map((l, i) =>
      lineFromProduct(lines[i].product, {
        lineId: lines[i].lineId,
        delivered: lines[i].delivered,
        qty: l.quantity ? String(l.quantity) : '',
        price: l.unitPrice != null ? yuanText(l.unitPrice) : '',
        discount: percentText(l.discountBp),
        params: l.customParams ?? '',
        warehouseId: l.warehouseId,
      }),
    ),
  };
}

export function customerLabel(c: Pick<CustomerPick, 'code' | 'name'>): string {
  return `${c.code} ${c.name}`;
}

// ---------------------------------------------------------------------------------------------
// Defaults from the customer

export interface CustomerDefaults {
  header: Partial<Header>;
  addresses: AddressOption[];
  /** Everything the standard order needs is there: the clerk may go straight to the lines. */
  complete: boolean;
}

/**
 * What choosing a customer fills in: the default address (else the first), the primary contact,
 * payment (credit with the customer's terms when it has a credit limit), the warehouse of its
 * region, order type by kind of customer, the requested / promised date given, and the bill-to
 * (name and that address; see withBillTo for when it goes on screen).
 */
export function customerDefaults(
  c: CustomerDetail,
  warehouses: readonly { id: string; regionId: string | null; active: boolean }[],
  requested: string,
): CustomerDefaults {
  const address = c.addresses.find((a) => a.isDefault) ?? c.addresses[0];
  const contact = c.contacts.find((p) => p.isPrimary) ?? c.contacts[0];
  const active = warehouses.filter((w) => w.active);
  const warehouse = active.find((w) => w.regionId && w.regionId === c.regionId) ?? active[0];
  const credit = c.creditLimit > 0 && c.paymentTermsDays > 0;
  const header: Partial<Header> = {
    billTo: billToText(c.name, address),
    contactName: contact?.name ?? address?.recipient ?? '',
    contactPhone: contact?.mobile ?? contact?.landline ?? address?.phone ?? '',
    addressId: address?.id ?? '',
    recipient: address?.recipient ?? '',
    shipPhone: address?.phone ?? '',
    province: address?.province ?? '',
    city: address?.city ?? '',
    district: address?.district ?? '',
    street: address?.street ?? '',
    postcode: address?.postcode ?? '',
    orderType: c.kind === 'company' ? 'wholesale' : 'retail',
    paymentMethod: credit ? 'credit' : 'cash',
    termsDays: String(credit ? c.paymentTermsDays : 0),
    warehouseId: warehouse?.id ?? '',
    requestedDate: requested,
    promisedDate: requested,
  };
  const complete = !!(address && address.recipient && address.phone && address.street && warehouse);
  return { header, addresses: c.addresses, complete };
}

/** Cut to at most `max` UTF-16 units (what the input's maxLength and the schema count), never inside a character. */
function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  let out = '';
  for (const ch of s) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out.trimEnd();
}

/**
 * The bill-to as the desk fills it in (and the demo data has it): the customer's name and an
 * address, "北京市场贸易有限公司 北京市朝阳区建国路 88 号" (the city once when it is the province).
 */
export function billToText(name: string, a: Pick<AddressOption, 'province' | 'city' | 'district' | 'street'> | null | undefined): string {
  const place = a ? `${a.province}${a.city === a.province ? '' : a.city}${a.district}${a.street}`.trim() : '';
  return clip([name.trim(), place].filter(Boolean).join(' '), ORDER_LIMITS.billTo);
}

/** The bill-to a customer's defaults fill in: its name and default address (else the first). */
export function customerBillTo(c: Pick<CustomerDetail, 'name' | 'addresses'>): string {
  return billToText(c.name, c.addresses.find((a) => a.isDefault) ?? c.addresses[0]);
}

/**
 * A customer's defaults as they go on screen. The bill-to replaces a blank one or the one filled in
 * for the customer before (`filled`), never one the clerk typed; returns what is filled in now.
 */
export function withBillTo(patch: Partial<Header>, current: string, filled: string): { patch: Partial<Header>; filled: string } {
  if (patch.billTo === undefined) return { patch, filled };
  const typed = !!current.trim() && current.trim() !== filled.trim();
  if (!typed) return { patch, filled: patch.billTo };
  const rest = { ...patch };
  delete rest.billTo;
  return { patch: rest, filled };
}

export function addressFields(a: AddressOption | null): Partial<Header> {
  return {
    addressId: a?.id ?? '',
    recipient: a?.recipient ?? '',
    shipPhone: a?.phone ?? '',
    province: a?.province ?? '',
    city: a?.city ?? '',
    district: a?.district ?? '',
    street: a?.street ?? '',
    postcode: a?.postcode ?? '',
  };
}

// ---------------------------------------------------------------------------------------------
// Checks at the field (the shared submit schemas, by the desk's paths)

/** Header field → the desk's path for it. */
export const HEADER_PATHS: Partial<Record<HeaderKey, keyof typeof orderFieldSchemas | 'customerId' | 'warehouseId'>> = {
  customer: 'customerId',
  customerText: 'customerId',
  contactName: 'contact.name',
  contactPhone: 'contact.phone',
  recipient: 'shipTo.recipient',
  shipPhone: 'shipTo.phone',
  province: 'shipTo.province',
  city: 'shipTo.city',
  district: 'shipTo.district',
  street: 'shipTo.street',
  postcode: 'shipTo.postcode',
  customerPo: 'customerPo',
  requestedDate: 'requestedDate',
  promisedDate: 'promisedDate',
  termsDays: 'paymentTermsDays',
  notes: 'notes',
  customText: 'customText',
  warehouseId: 'warehouseId',
  billTo: 'billTo',
};

export const LINE_FIELDS = ['productId', 'quantity', 'unitPrice', 'discountBp', 'customParams'] as const;
export type LineField = (typeof LINE_FIELDS)[number];

export function linePath(key: string, field: LineField): string {
  return `lines.${key}.${field}`;
}

function schemaIssue(path: keyof typeof orderFieldSchemas, value: unknown): Issue | undefined {
  const parsed = orderFieldSchemas[path].safeParse(value);
  if (parsed.success) return undefined;
  const [f] = issuesToFieldErrors(parsed.error.issues);
  return f ? { code: f.code, params: f.params } : { code: 'v.unknown' };
}

export interface CheckContext {
  role: Role | null;
  /** The role's discount limit (bp) from the desk settings; null while not known. */
  discountLimitBp: number | null;
  mode: 'new' | 'amend';
}

/** Every problem the submit rules find in what is on screen, by screen path. */
export function checkOrder(h: Header, lines: readonly Line[], ctx: CheckContext): Record<string, Issue> {
  const out: Record<string, Issue> = {};
  const put = (path: string, issue: Issue | undefined) => {
    if (issue && !out[path]) out[path] = issue;
  };
  if (!h.customer) put('customerId', { code: h.customerText.trim() ? 'v.choice' : 'v.required' });
  put('contact.name', schemaIssue('contact.name', h.contactName));
  put('contact.phone', schemaIssue('contact.phone', h.contactPhone));
  put('shipTo.recipient', schemaIssue('shipTo.recipient', h.recipient));
  put('shipTo.phone', schemaIssue('shipTo.phone', h.shipPhone));
  put('shipTo.province', schemaIssue('shipTo.province', h.province));
  put('shipTo.city', schemaIssue('shipTo.city', h.city));
  put('shipTo.district', schemaIssue('shipTo.district', h.district));
  put('shipTo.street', schemaIssue('shipTo.street', h.street));
  put('shipTo.postcode', schemaIssue('shipTo.postcode', h.postcode));
  put('billTo', schemaIssue('billTo', h.billTo));
  put('customerPo', schemaIssue('customerPo', h.customerPo));
  put('requestedDate', schemaIssue('requestedDate', h.requestedDate));
  put('promisedDate', schemaIssue('promisedDate', h.promisedDate));
  put('notes', schemaIssue('notes', h.notes));
  put('customText', schemaIssue('customText', h.customText));
  const terms = parseDays(h.termsDays, ORDER_LIMITS.termsDays);
  put('paymentTermsDays', terms.issue);
  if (!terms.issue && h.paymentMethod === 'cash' && (terms.value ?? 0) > 0) put('paymentTermsDays', { code: 'order.termsNeedCredit' });
  if (h.customRequired && !h.customText.trim()) put('customText', { code: 'order.customTextRequired' });

  const priced: { key: string; referencePrice: number; unitPrice: number; discountBp: number; priceManual: boolean; quantity: number }[] = [];
  for (const l of lines) {
    if (!l.product) {
      if (!isBlankLine(l)) put(linePath(l.key, 'productId'), { code: l.text.trim() ? 'v.choice' : 'v.required' });
      continue;
    }
    const qty = parseQuantity(l.qty);
    put(linePath(l.key, 'quantity'), qty.issue ?? schemaIssue('lines.quantity', qty.value));
    if (qty.value !== undefined && l.delivered && qty.value < l.delivered) {
      put(linePath(l.key, 'quantity'), { code: 'orders.v.belowDelivered', params: { delivered: l.delivered } });
    }
    const price = parseYuan(l.price);
    put(linePath(l.key, 'unitPrice'), price.issue);
    const discount = parsePercent(l.discount);
    put(linePath(l.key, 'discountBp'), discount.issue);
    put(linePath(l.key, 'customParams'), schemaIssue('lines.customParams', l.params));
    if (!price.issue && !discount.issue) {
      const f = lineFigures(l)!;
      priced.push({
        key: l.key,
        referencePrice: f.referencePrice,
        unitPrice: f.unitPrice,
        discountBp: discount.value ?? 0,
        priceManual: price.value !== undefined,
        quantity: qty.value ?? 0,
      });
    }
  }
  if (!lines.some((l) => l.product)) put('lines', { code: 'order.noLines' });
  if (ctx.discountLimitBp !== null) {
    for (const issue of discountIssues(priced, ctx.discountLimitBp, ctx.role)) {
      const m = /^lines\.(\d+)\.(\w+)$/.exec(issue.path);
      if (m) put(linePath(priced[Number(m[1])].key, m[2] as LineField), { code: issue.code, params: issue.params });
    }
  }
  return out;
}

/** The desk's path (lines.2.quantity) → the screen's (lines.<key>.quantity). */
export function screenPath(path: string, keys: readonly string[]): string {
  const m = /^lines\.(\d+)(\.[\w.]+)?$/.exec(path);
  if (!m) return path;
  const key = keys[Number(m[1])];
  return key ? `lines.${key}${m[2] ?? ''}` : 'lines';
}

// ---------------------------------------------------------------------------------------------
// Amendment (submitted orders change through orders.amend, not the draft)

export interface AmendInput {
  header?: Record<string, unknown>;
  lines?: {
    id?: string;
    productId?: string;
    quantity: number;
    unitPrice?: number;
    discountBp?: number;
    customParams?: string | null;
  }[];
  reason: string;
}

const AMEND_HEADER: [HeaderKey, string, 'text' | 'nullable'][] = [
  ['contactName', 'contactName', 'text'],
  ['contactPhone', 'contactPhone', 'text'],
  ['recipient', 'shipRecipient', 'text'],
  ['shipPhone', 'shipPhone', 'text'],
  ['province', 'shipProvince', 'text'],
  ['city', 'shipCity', 'text'],
  ['district', 'shipDistrict', 'text'],
  ['street', 'shipStreet', 'text'],
  ['postcode', 'shipPostcode', 'nullable'],
  ['requestedDate', 'requestedDate', 'nullable'],
  ['promisedDate', 'promisedDate', 'nullable'],
  ['notes', 'notes', 'nullable'],
  ['customText', 'customText', 'nullable'],
  ['customerPo', 'customerPo', 'nullable'],
  ['billTo', 'billTo', 'nullable'],
];

/** What changed against the order as loaded, in orders.amend's terms. */
export function amendInput(before: { header: Header; lines: Line[] }, h: Header, lines: readonly Line[]): AmendInput {
  const header: Record<string, unknown> = {};
  for (const [key, name, kind] of AMEND_HEADER) {
    const a = String(before.header[key]).trim();
    const b = String(h[key]).trim();
    if (a === b) continue;
    header[name] = kind === 'nullable' && !b ? null : b;
  }
  if (h.paymentMethod !== before.header.paymentMethod) header.paymentMethod = h.paymentMethod;
  if (h.deliveryMethod !== before.header.deliveryMethod) header.deliveryMethod = h.deliveryMethod;
  if (h.customRequired !== before.header.customRequired) header.customRequired = h.customRequired;

  const shape = (ls: readonly Line[]) =>
    JSON.stringify(ls.filter((l) => l.product).map((l) => [l.lineId ?? l.product!.id, l.qty.trim(), l.price.trim(), l.discount.trim(), l.params.trim()]));
  const linesChanged = shape(before.lines) !== shape(lines);
  const out: AmendInput = { reason: h.reason.trim() };
  if (Object.keys(header).length) out.header = header;
  if (linesChanged) {
    out.lines = lines
      .filter((l) => l.product)
      .map((l) => {
        const price = parseYuan(l.price);
        return {
          ...(l.lineId ? { id: l.lineId } : { productId: l.product!.id }),
          quantity: parseQuantity(l.qty).value ?? 0,
          ...(price.value !== undefined ? { unitPrice: price.value } : {}),
          discountBp: parsePercent(l.discount).value ?? 0,
          customParams: l.params.trim() ? l.params.trim() : null,
        };
      });
  }
  return out;
}

/** The amend refusal paths (lines.N.quantity, header.shipPhone) → the screen's. */
export function amendScreenPath(path: string, keys: readonly string[]): string {
  const header = /^header\.(\w+)$/.exec(path);
  if (header) {
    const found = AMEND_HEADER.find(([, name]) => name === header[1]);
    if (found) return HEADER_PATHS[found[0]] ?? path;
    if (header[1] === 'customRequired') return 'customText';
    return path;
  }
  return screenPath(path, keys);
}

export interface StatusFacts {
  id: string;
  number: string | null;
  status: OrderStatus | null;
  rowVersion: number | undefined;
}
