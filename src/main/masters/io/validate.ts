import type Database from 'better-sqlite3';
import {
  customerSaveInput,
  productSaveInput,
  stockSetInput,
  USCC_OVERRIDERS,
  type CustomerSaveInput,
  type ImportKind,
  type ProductSaveInput,
  type StockSetInput,
} from '../../../shared/contract/masters';
import { DeskError } from '../../../shared/errors';
import type { ImportRow } from '../../../shared/mutators/masters';
import type { Role } from '../../../shared/roles';
import { checkUscc } from '../../../shared/validators';
import { issuesToFieldErrors } from '../../../shared/validation';
import { headerIndex, normalizeHeader, PRICE_COLUMN, priceKey, TEMPLATE, type ColumnDef, type ColumnType } from './columns';
import { convertCell } from './convert';
import { cellText, readSheet, type Cell } from './sheet';
import { prepared } from '../sql';

export interface RowError {
  row: number;
  field: string;
  code: string;
  params?: Record<string, string | number>;
}

export interface PreviewRow {
  row: number;
  ok: boolean;
  action: 'create' | 'update';
  data: Record<string, unknown>;
}

interface MappedColumn {
  index: number;
  key: string;
  header: string;
  type: ColumnType;
  /** Price-group price column: the group's code. */
  priceGroup?: string;
}

export type ImportInput = CustomerSaveInput | ProductSaveInput | StockSetInput;

export interface ValidatedImport {
  kind: ImportKind;
  fileName: string;
  columns: { key: string; header: string }[];
  unknownColumns: string[];
  /** The file's header cells as text (the rejected-rows file repeats them). */
  headerCells: string[];
  total: number;
  good: ImportRow<ImportInput>[];
  created: number;
  updated: number;
  rejected: { row: number; cells: Cell[]; errors: RowError[] }[];
  errors: RowError[];
  preview: PreviewRow[];
}

export type Progress = (done: number, total: number) => Promise<void>;

const PREVIEW_ROWS = 200;
const IN_CHUNK = 500;
const KEY_COLUMNS: Record<ImportKind, string[]> = { customers: ['code'], products: ['sku'], stock: ['sku', 'warehouse'] };

// ---------------------------------------------------------------- store look-ups (read-only)

function inList<T>(db: Database.Database, sql: (placeholders: string) => string, values: string[]): T[] {
  const out: T[] = [];
  const distinct = [...new Set(values)];
  for (let i = 0; i < distinct.length; i += IN_CHUNK) {
    const part = distinct.slice(i, i + IN_CHUNK);
    out.push(...(prepared(db, sql(part.map(() => '?').join(','))).all(...part) as T[]));
  }
  return out;
}

function codeMap(db: Database.Database, table: 'regions' | 'price_groups' | 'sales_reps' | 'warehouses'): Map<string, string> {
  const rows = prepared(db, `SELECT id, code FROM ${table}`).all() as { id: string; code: string }[];
  return new Map(rows.map((r) => [r.code.toLowerCase(), r.id]));
}

function groupBy<T, K>(rows: T[], key: (r: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const r of rows) {
    const list = map.get(key(r)) ?? [];
    list.push(r);
    map.set(key(r), list);
  }
  return map;
}

const orUndef = <T>(v: T | null): T | undefined => (v === null ? undefined : v);

// ---------------------------------------------------------------- the file

function mapColumns(kind: ImportKind, headerCells: Cell[]): { mapped: MappedColumn[]; unknown: string[] } {
  const index = headerIndex(kind);
  const mapped: MappedColumn[] = [];
  const unknown: string[] = [];
  const used = new Set<string>();
  headerCells.forEach((cell, i) => {
    const header = cellText(cell);
    if (!header) return;
    let col: { key: string; type: ColumnType; priceGroup?: string } | undefined;
    const price = kind === 'products' ? PRICE_COLUMN.exec(header.normalize('NFKC').trim()) : null;
    if (price) col = { key: priceKey(price[1]), type: 'money', priceGroup: price[1] };
    else {
      const def: ColumnDef | undefined = index.get(normalizeHeader(header));
      if (!def) {
        unknown.push(header);
        return;
      }
      if (def.readOnly) return;
      col = def;
    }
    const usedKey = col.key.toLowerCase();
    if (used.has(usedKey)) throw new DeskError('import.duplicateColumn', { column: header });
    used.add(usedKey);
    mapped.push({ index: i, key: col.key, header, type: col.type, priceGroup: col.priceGroup });
  });
  for (const key of KEY_COLUMNS[kind]) {
    if (!mapped.some((m) => m.key === key)) {
      const def = TEMPLATE[kind].find((c) => c.key === key)!;
      throw new DeskError('import.missingColumn', { column: `${def.zh} / ${def.en}` });
    }
  }
  return { mapped, unknown };
}

interface Record_ {
  row: number;
  cells: Cell[];
  values: Record<string, string | number | boolean | null | undefined>;
  present: Set<string>;
  errors: RowError[];
}

/** Read, map, convert and validate every row of a file against the store as it is now. */
export async function validateImport(
  db: Database.Database,
  kind: ImportKind,
  fileName: string,
  bytes: Buffer,
  role: Role | null,
  progress?: Progress,
): Promise<ValidatedImport> {
  const sheet = await readSheet(fileName, bytes);
  const { mapped, unknown } = mapColumns(kind, sheet.header.cells);
  const records: Record_[] = sheet.rows.map((r) => {
    const values: Record_['values'] = {};
    const errors: RowError[] = [];
    for (const m of mapped) {
      const c = convertCell(m.type, r.cells[m.index]);
      if (c.ok) values[m.key] = c.value;
      else errors.push({ row: r.row, field: m.key, code: c.code, ...(c.params ? { params: c.params } : {}) });
    }
    return { row: r.row, cells: r.cells, values, present: new Set(mapped.map((m) => m.key)), errors };
  });

  const outcome: { record: Record_; input?: ImportInput; action: 'create' | 'update' }[] =
    kind === 'customers'
      ? await customers(db, records, role, progress)
      : kind === 'products'
        ? await products(db, records, mapped, progress)
        : await stock(db, records, progress);

  const result: ValidatedImport = {
    kind,
    fileName,
    columns: mapped.map((m) => ({ key: m.key, header: m.header })),
    unknownColumns: unknown,
    headerCells: sheet.header.cells.map(cellText),
    total: records.length,
    good: [],
    created: 0,
    updated: 0,
    rejected: [],
    errors: [],
    preview: [],
  };
  for (const { record, input, action } of outcome) {
    const ok = record.errors.length === 0 && input !== undefined;
    if (ok) {
      result.good.push({ row: record.row, input: input! });
      if (action === 'create') result.created++;
      else result.updated++;
    } else {
      result.rejected.push({ row: record.row, cells: record.cells, errors: record.errors });
      result.errors.push(...record.errors);
    }
    if (result.preview.length < PREVIEW_ROWS) result.preview.push({ row: record.row, ok, action, data: record.values });
  }
  return result;
}

/** Add schema issues as row errors named by column; a column that already failed conversion keeps that error. */
function addIssues(record: Record_, issues: Parameters<typeof issuesToFieldErrors>[0], fieldOf: (path: string) => string) {
  const failed = new Set(record.errors.map((e) => e.field));
  for (const f of issuesToFieldErrors(issues)) {
    const field = fieldOf(f.path);
    if (failed.has(field)) continue;
    failed.add(field);
    record.errors.push({ row: record.row, field, code: f.code, ...(f.params && Object.keys(f.params).length ? { params: f.params } : {}) });
  }
}

function duplicateCheck(records: Record_[], key: (r: Record_) => string | undefined, field: string) {
  const first = new Map<string, number>();
  for (const r of records) {
    const k = key(r);
    if (!k) continue;
    const seen = first.get(k);
    if (seen !== undefined) r.errors.push({ row: r.row, field, code: 'import.duplicate', params: { row: seen } });
    else first.set(k, r.row);
  }
}

async function tick(progress: Progress | undefined, i: number, total: number) {
  if (progress && i % 1000 === 999) await progress(i + 1, total);
}

function resolveRef(r: Record_, key: string, map: Map<string, string>): string | undefined | null {
  if (!r.present.has(key)) return null; // column absent: keep
  const code = r.values[key];
  if (code === undefined) return undefined; // blank: clear
  const id = map.get(String(code).toLowerCase());
  if (!id) r.errors.push({ row: r.row, field: key, code: 'import.unknownRef', params: { value: String(code) } });
  return id;
}

// ---------------------------------------------------------------- customers

const CUSTOMER_FIELDS: Record<string, string> = { regionId: 'region', priceGroupId: 'priceGroup', salesRepId: 'salesRep' };
const CONTACT_FIELDS: Record<string, string> = { name: 'contact', mobile: 'mobile', landline: 'landline', email: 'email' };
const CONTACT_COLUMNS = ['contact', 'mobile', 'landline'];
const ADDRESS_COLUMNS = ['recipient', 'phone', 'province', 'city', 'district', 'street', 'postcode'];

function customerField(path: string): string {
  const [head, , leaf] = path.split('.');
  if (head === 'contacts') return CONTACT_FIELDS[leaf] ?? 'contact';
  if (head === 'addresses') return leaf && ADDRESS_COLUMNS.includes(leaf) ? leaf : 'recipient';
  return CUSTOMER_FIELDS[head] ?? head;
}

interface StoredCustomer {
  id: string;
  code: string;
  name: string;
  kind: 'company' | 'person';
  uscc: string | null;
  uscc_override_reason: string | null;
  region_id: string | null;
  credit_limit: number;
  payment_terms_days: number;
  price_group_id: string | null;
  sales_rep_id: string | null;
  email: string | null;
  notes: string | null;
  active: number;
}

async function customers(db: Database.Database, records: Record_[], role: Role | null, progress?: Progress) {
  const regions = codeMap(db, 'regions');
  const groups = codeMap(db, 'price_groups');
  const reps = codeMap(db, 'sales_reps');
  const codes = records.map((r) => r.values.code).filter((c): c is string => typeof c === 'string');
  const stored = inList<StoredCustomer>(
    db,
    (p) => `SELECT id, code, name, kind, uscc, uscc_override_reason, region_id, credit_limit, payment_terms_days,
      price_group_id, sales_rep_id, email, notes, active FROM customers WHERE code IN (${p})`,
    codes,
  );
  const byCode = new Map(stored.map((c) => [c.code.toLowerCase(), c]));
  const ids = stored.map((c) => c.id);
  const contacts = groupBy(
    inList<{ id: string; customer_id: string; name: string; mobile: string | null; landline: string | null; email: string | null; is_primary: number }>(
      db,
      (p) => `SELECT id, customer_id, name, mobile, landline, email, is_primary FROM customer_contacts WHERE customer_id IN (${p}) ORDER BY is_primary DESC, rowid`,
      ids,
    ),
    (c) => c.customer_id,
  );
  const addresses = groupBy(
    inList<{ id: string; customer_id: string; label: string | null; recipient: string; phone: string; province: string; city: string; district: string; street: string; postcode: string | null; is_default: number }>(
      db,
      (p) => `SELECT id, customer_id, label, recipient, phone, province, city, district, street, postcode, is_default FROM customer_addresses WHERE customer_id IN (${p}) ORDER BY is_default DESC, rowid`,
      ids,
    ),
    (a) => a.customer_id,
  );
  duplicateCheck(records, (r) => (typeof r.values.code === 'string' ? r.values.code.toLowerCase() : undefined), 'code');

  const out: { record: Record_; input?: ImportInput; action: 'create' | 'update' }[] = [];
  for (const [i, r] of records.entries()) {
    await tick(progress, i, records.length);
    const v = r.values;
    const before = typeof v.code === 'string' ? byCode.get(v.code.toLowerCase()) : undefined;
    const has = (k: string) => r.present.has(k);
    const keep = <T>(k: string, stored: T) => (has(k) ? v[k] : stored);
    // Typed columns left blank keep the stored value (or the default); text columns left blank clear it.
    const keepIfBlank = <T>(k: string, stored: T) => (has(k) && v[k] !== undefined ? v[k] : stored);

    const regionId = resolveRef(r, 'region', regions);
    const priceGroupId = resolveRef(r, 'priceGroup', groups);
    const salesRepId = resolveRef(r, 'salesRep', reps);

    const oldContacts = before ? (contacts.get(before.id) ?? []) : [];
    const contactList = oldContacts.map((c) => ({
      id: c.id,
      name: c.name,
      mobile: orUndef(c.mobile),
      landline: orUndef(c.landline),
      email: orUndef(c.email),
      isPrimary: Boolean(c.is_primary),
    }));
    if (CONTACT_COLUMNS.some((k) => has(k) && v[k] !== undefined)) {
      const primary = contactList.findIndex((c) => c.isPrimary);
      const base = primary >= 0 ? contactList[primary] : undefined;
      const contact = {
        id: base?.id,
        name: keep('contact', base?.name),
        mobile: keep('mobile', base?.mobile),
        landline: keep('landline', base?.landline),
        email: base?.email,
        isPrimary: true,
      };
      if (primary >= 0) contactList[primary] = contact as (typeof contactList)[number];
      else contactList.unshift(contact as (typeof contactList)[number]);
    }

    const oldAddresses = before ? (addresses.get(before.id) ?? []) : [];
    const addressList = oldAddresses.map((a) => ({
      id: a.id,
      label: orUndef(a.label),
      recipient: a.recipient,
      phone: a.phone,
      province: a.province,
      city: a.city,
      district: a.district,
      street: a.street,
      postcode: orUndef(a.postcode),
      isDefault: Boolean(a.is_default),
    }));
    if (ADDRESS_COLUMNS.some((k) => has(k) && v[k] !== undefined)) {
      const def = addressList.findIndex((a) => a.isDefault);
      const base = def >= 0 ? addressList[def] : undefined;
      const address = {
        id: base?.id,
        label: base?.label,
        recipient: keep('recipient', base?.recipient),
        phone: keep('phone', base?.phone),
        province: keep('province', base?.province),
        city: keep('city', base?.city),
        district: keep('district', base?.district),
        street: keep('street', base?.street),
        postcode: keep('postcode', base?.postcode),
        isDefault: true,
      };
      if (def >= 0) addressList[def] = address as (typeof addressList)[number];
      else addressList.unshift(address as (typeof addressList)[number]);
    }

    const merged = {
      // Matched regardless of case; the stored spelling of the code stays.
      code: before?.code ?? v.code,
      name: keep('name', before?.name),
      kind: keepIfBlank('kind', before?.kind ?? 'company'),
      uscc: keep('uscc', orUndef(before?.uscc ?? null)),
      usccOverrideReason: keep('usccOverrideReason', orUndef(before?.uscc_override_reason ?? null)),
      regionId: regionId === null ? orUndef(before?.region_id ?? null) : regionId,
      creditLimit: keepIfBlank('creditLimit', before?.credit_limit ?? 0),
      paymentTermsDays: keepIfBlank('paymentTermsDays', before?.payment_terms_days ?? 0),
      priceGroupId: priceGroupId === null ? orUndef(before?.price_group_id ?? null) : priceGroupId,
      salesRepId: salesRepId === null ? orUndef(before?.sales_rep_id ?? null) : salesRepId,
      email: keep('email', orUndef(before?.email ?? null)),
      notes: keep('notes', orUndef(before?.notes ?? null)),
      active: keepIfBlank('active', before ? Boolean(before.active) : true),
      contacts: contactList,
      addresses: addressList,
      // Last: a spread followed by more properties is refused in main-process code (eslint.config.js).
      ...(before ? { id: before.id } : {}),
    };
    const parsed = customerSaveInput.safeParse(merged);
    const action = before ? 'update' : 'create';
    if (!parsed.success) {
      addIssues(r, parsed.error.issues, customerField);
      out.push({ record: r, action });
      continue;
    }
    const c = parsed.data;
    // The same rule the mutator applies: only approvers and above accept a failing check character.
    if (c.uscc && !checkUscc(c.uscc).ok) {
      const granted = before?.uscc === c.uscc && before?.uscc_override_reason === c.usccOverrideReason;
      if (!granted && !(role && USCC_OVERRIDERS.includes(role))) {
        r.errors.push({ row: r.row, field: 'usccOverrideReason', code: 'customer.usccOverrideNotAllowed' });
      }
    }
    out.push({ record: r, input: c, action });
  }
  return out;
}

// ---------------------------------------------------------------- products

interface StoredProduct {
  id: string;
  sku: string;
  name: string;
  spec: string | null;
  unit: string;
  category: string | null;
  list_price: number;
  tax_rate_bp: number;
  barcode: string | null;
  make_to_order: number;
  bom_note: string | null;
  active: number;
}

async function products(db: Database.Database, records: Record_[], mapped: MappedColumn[], progress?: Progress) {
  const groups = codeMap(db, 'price_groups');
  const priceColumns = mapped.filter((m) => m.priceGroup);
  for (const m of priceColumns) {
    if (!groups.has(m.priceGroup!.toLowerCase())) throw new DeskError('import.unknownPriceGroup', { code: m.priceGroup!, column: m.header });
  }
  const skus = records.map((r) => r.values.sku).filter((s): s is string => typeof s === 'string');
  const stored = inList<StoredProduct>(
    db,
    (p) => `SELECT id, sku, name, spec, unit, category, list_price, tax_rate_bp, barcode, make_to_order, bom_note, active
      FROM products WHERE sku IN (${p})`,
    skus,
  );
  const bySku = new Map(stored.map((p) => [p.sku.toLowerCase(), p]));
  const prices = groupBy(
    inList<{ product_id: string; price_group_id: string; price: number }>(
      db,
      (p) => `SELECT product_id, price_group_id, price FROM product_prices WHERE product_id IN (${p})`,
      stored.map((p) => p.id),
    ),
    (p) => p.product_id,
  );
  // A barcode names one product: against the store and within the file.
  const barcodes = records.map((r) => r.values.barcode).filter((b): b is string => typeof b === 'string');
  const barcodeOwners = new Map(
    inList<{ id: string; sku: string; barcode: string }>(db, (p) => `SELECT id, sku, barcode FROM products WHERE barcode IN (${p})`, barcodes).map(
      (b) => [b.barcode, b],
    ),
  );
  duplicateCheck(records, (r) => (typeof r.values.sku === 'string' ? r.values.sku.toLowerCase() : undefined), 'sku');
  duplicateCheck(records, (r) => (typeof r.values.barcode === 'string' ? r.values.barcode : undefined), 'barcode');
  const codeOfGroup = new Map([...groups].map(([code, id]) => [id, code]));

  const out: { record: Record_; input?: ImportInput; action: 'create' | 'update' }[] = [];
  for (const [i, r] of records.entries()) {
    await tick(progress, i, records.length);
    const v = r.values;
    const before = typeof v.sku === 'string' ? bySku.get(v.sku.toLowerCase()) : undefined;
    const has = (k: string) => r.present.has(k);
    const keep = <T>(k: string, stored: T) => (has(k) ? v[k] : stored);
    const keepIfBlank = <T>(k: string, stored: T) => (has(k) && v[k] !== undefined ? v[k] : stored);

    const priceMap = new Map((before ? (prices.get(before.id) ?? []) : []).map((p) => [p.price_group_id, p.price]));
    for (const m of priceColumns) {
      const groupId = groups.get(m.priceGroup!.toLowerCase())!;
      const value = v[m.key];
      if (value === undefined) priceMap.delete(groupId);
      else if (typeof value === 'number') priceMap.set(groupId, value);
    }
    const priceList = [...priceMap].map(([priceGroupId, price]) => ({ priceGroupId, price }));

    if (typeof v.barcode === 'string') {
      const owner = barcodeOwners.get(v.barcode);
      if (owner && owner.id !== before?.id) {
        r.errors.push({ row: r.row, field: 'barcode', code: 'product.barcodeExists', params: { barcode: v.barcode, sku: owner.sku } });
      }
    }

    const merged = {
      sku: before?.sku ?? v.sku,
      name: keep('name', before?.name),
      spec: keep('spec', orUndef(before?.spec ?? null)),
      unit: keep('unit', before?.unit),
      category: keep('category', orUndef(before?.category ?? null)),
      listPrice: keepIfBlank('listPrice', before?.list_price),
      taxRateBp: keepIfBlank('taxRate', before?.tax_rate_bp ?? 1300),
      barcode: keep('barcode', orUndef(before?.barcode ?? null)),
      makeToOrder: keepIfBlank('makeToOrder', before ? Boolean(before.make_to_order) : false),
      bomNote: keep('bomNote', orUndef(before?.bom_note ?? null)),
      active: keepIfBlank('active', before ? Boolean(before.active) : true),
      prices: priceList,
      // Last: a spread followed by more properties is refused in main-process code (eslint.config.js).
      ...(before ? { id: before.id } : {}),
    };
    const parsed = productSaveInput.safeParse(merged);
    const action = before ? 'update' : 'create';
    if (!parsed.success) {
      addIssues(r, parsed.error.issues, (path) => {
        const [head, index] = path.split('.');
        if (head === 'prices') {
          const groupId = priceList[Number(index)]?.priceGroupId;
          const code = groupId ? codeOfGroup.get(groupId) : undefined;
          const column = priceColumns.find((m) => m.priceGroup!.toLowerCase() === code);
          return column?.key ?? 'prices';
        }
        return head === 'taxRateBp' ? 'taxRate' : head;
      });
      out.push({ record: r, action });
      continue;
    }
    out.push({ record: r, input: parsed.data, action });
  }
  return out;
}

// ---------------------------------------------------------------- stock

async function stock(db: Database.Database, records: Record_[], progress?: Progress) {
  const warehouses = codeMap(db, 'warehouses');
  const skus = records.map((r) => r.values.sku).filter((s): s is string => typeof s === 'string');
  const productsBySku = new Map(
    inList<{ id: string; sku: string }>(db, (p) => `SELECT id, sku FROM products WHERE sku IN (${p})`, skus).map((p) => [p.sku.toLowerCase(), p.id]),
  );
  const productIds = [...productsBySku.values()];
  const existing = new Map(
    inList<{ product_id: string; warehouse_id: string; on_hand: number; allocated: number }>(
      db,
      (p) => `SELECT product_id, warehouse_id, on_hand, allocated FROM stock WHERE product_id IN (${p})`,
      productIds,
    ).map((s) => [`${s.product_id}/${s.warehouse_id}`, s]),
  );
  const bins = new Set(
    (prepared(db, 'SELECT warehouse_id, code FROM bins').all() as { warehouse_id: string; code: string }[]).map((b) => `${b.warehouse_id}/${b.code}`),
  );
  duplicateCheck(
    records,
    (r) => (typeof r.values.sku === 'string' && typeof r.values.warehouse === 'string' ? `${r.values.sku}\u0000${r.values.warehouse}`.toLowerCase() : undefined),
    'sku',
  );

  const out: { record: Record_; input?: ImportInput; action: 'create' | 'update' }[] = [];
  for (const [i, r] of records.entries()) {
    await tick(progress, i, records.length);
    const v = r.values;
    const productId = typeof v.sku === 'string' ? productsBySku.get(v.sku.toLowerCase()) : undefined;
    if (typeof v.sku === 'string' && !productId) r.errors.push({ row: r.row, field: 'sku', code: 'import.unknownRef', params: { value: v.sku } });
    const warehouseId = typeof v.warehouse === 'string' ? warehouses.get(v.warehouse.toLowerCase()) : undefined;
    if (typeof v.warehouse === 'string' && !warehouseId) {
      r.errors.push({ row: r.row, field: 'warehouse', code: 'import.unknownRef', params: { value: v.warehouse } });
    }
    const has = (k: string) => r.present.has(k);
    const input: Record<string, unknown> = { productId, warehouseId };
    for (const [key, field] of [
      ['onHand', 'onHand'],
      ['inTransit', 'inTransit'],
      ['safetyStock', 'safetyStock'],
    ] as const) {
      if (has(key) && v[key] !== undefined) input[field] = v[key];
    }
    if (has('inTransitEta')) input.inTransitEta = v.inTransitEta ?? null;
    if (has('bin')) input.binCode = v.bin ?? null;

    const before = productId && warehouseId ? existing.get(`${productId}/${warehouseId}`) : undefined;
    const parsed = stockSetInput.safeParse(input);
    const action = before ? 'update' : 'create';
    if (!parsed.success) {
      addIssues(r, parsed.error.issues, (path) => {
        const head = path.split('.')[0];
        return head === 'productId' ? 'sku' : head === 'warehouseId' ? 'warehouse' : head === 'binCode' ? 'bin' : head;
      });
      out.push({ record: r, action });
      continue;
    }
    const s = parsed.data;
    const allocated = before?.allocated ?? 0;
    const onHand = s.onHand ?? before?.on_hand ?? 0;
    if (onHand < allocated) r.errors.push({ row: r.row, field: 'onHand', code: 'stock.belowAllocated', params: { onHand, allocated } });
    if (s.binCode && !bins.has(`${s.warehouseId}/${s.binCode}`)) r.errors.push({ row: r.row, field: 'bin', code: 'stock.unknownBin', params: { bin: s.binCode } });
    out.push({ record: r, input: s, action });
  }
  return out;
}
