import type Database from 'better-sqlite3';
import type { ImportKind } from '../../../shared/contract/masters';
import type { Locale } from '../../../shared/i18n/translate';
import { prepared } from '../sql';
import { headerOf, priceHeader, priceKey, TEMPLATE, type ColumnType } from './columns';
import type { OutValue, SheetColumn } from './sheet';

/** A layout column with how its values are written. */
export interface OutColumn {
  key: string;
  header: string;
  type: ColumnType;
  width?: number;
}

/** Rows as stored: money in fen, booleans, codes; turned into cells per format by cellsFor. */
export interface Table {
  columns: OutColumn[];
  rows: Record<string, string | number | boolean | null>[];
}

const sheetType = (t: ColumnType): SheetColumn['type'] =>
  t === 'money' ? 'money' : t === 'int' ? 'int' : t === 'percent' ? 'number' : t === 'date' ? 'date' : 'text';

export function sheetColumns(columns: OutColumn[]): SheetColumn[] {
  return columns.map((c) => ({ header: c.header, type: sheetType(c.type), width: c.width }));
}

const yuanText = (fen: number) => `${Math.trunc(fen / 100)}.${String(Math.abs(fen % 100)).padStart(2, '0')}`;

/**
 * Cells of one row for a format. .xlsx: money as a number in yuan (fen / 100, shown 0.00), dates as
 * dates, tax rates as numbers. CSV: money as exact "1234.50" text. Both: yes/no and kinds in words.
 */
export function cellsFor(columns: OutColumn[], row: Table['rows'][number], format: 'xlsx' | 'csv', locale: Locale): OutValue[] {
  const zh = locale !== 'en';
  return columns.map((c) => {
    const v = row[c.key];
    if (v === null || v === undefined) return null;
    switch (c.type) {
      case 'money':
        return format === 'xlsx' ? (v as number) / 100 : yuanText(v as number);
      case 'percent':
        return (v as number) / 100;
      case 'bool':
        return v ? (zh ? '是' : 'yes') : zh ? '否' : 'no';
      case 'kind':
        return v === 'person' ? (zh ? '个人' : 'person') : zh ? '公司' : 'company';
      case 'date': {
        const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(v));
        return format === 'xlsx' && m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : String(v);
      }
      default:
        return v as string | number;
    }
  });
}

function layout(kind: ImportKind, locale: Locale, withReadOnly: boolean): OutColumn[] {
  return TEMPLATE[kind]
    .filter((c) => withReadOnly || !c.readOnly)
    .map((c) => ({ key: c.key, header: headerOf(c, locale), type: c.type, width: c.width }));
}

function priceColumns(db: Database.Database, locale: Locale): (OutColumn & { groupId: string })[] {
  const groups = prepared(db, 'SELECT id, code FROM price_groups ORDER BY code').all() as { id: string; code: string }[];
  return groups.map((g) => ({ key: priceKey(g.code), header: priceHeader(g.code, locale), type: 'money' as const, width: 14, groupId: g.id }));
}

/** The columns of an import template (and of an export, minus export-only columns). */
export function templateColumns(db: Database.Database, kind: ImportKind, locale: Locale): OutColumn[] {
  const cols = layout(kind, locale, false);
  return kind === 'products' ? [...cols, ...priceColumns(db, locale)] : cols;
}

const activeWhere = (alias: string, active: 'active' | 'inactive' | 'all') =>
  active === 'all' ? '' : `WHERE ${alias}.active = ${active === 'active' ? 1 : 0}`;

/** Everything of a kind, in the import layout, read in one pass (no query per row). */
export function exportTable(db: Database.Database, kind: ImportKind, locale: Locale, active: 'active' | 'inactive' | 'all'): Table {
  if (kind === 'customers') {
    const rows = prepared(
      db,
      `SELECT c.code, c.name, c.kind, c.uscc, c.uscc_override_reason AS usccOverrideReason, r.code AS region,
         c.credit_limit AS creditLimit, c.payment_terms_days AS paymentTermsDays, g.code AS priceGroup,
         s.code AS salesRep, c.email, c.notes, k.name AS contact, k.mobile, k.landline,
         a.recipient, a.phone, a.province, a.city, a.district, a.street, a.postcode, c.active
       FROM customers c
       LEFT JOIN regions r ON r.id = c.region_id
       LEFT JOIN price_groups g ON g.id = c.price_group_id
       LEFT JOIN sales_reps s ON s.id = c.sales_rep_id
       LEFT JOIN customer_contacts k ON k.customer_id = c.id AND k.is_primary = 1
       LEFT JOIN customer_addresses a ON a.customer_id = c.id AND a.is_default = 1
       ${activeWhere('c', active)} ORDER BY c.code`,
    ).all() as Table['rows'];
    return { columns: layout('customers', locale, true), rows };
  }
  if (kind === 'products') {
    const prices = priceColumns(db, locale);
    const rows = prepared(
      db,
      `SELECT p.id, p.sku, p.name, p.spec, p.unit, p.category, p.list_price AS listPrice, p.tax_rate_bp AS taxRate,
         p.barcode, p.make_to_order AS makeToOrder, p.bom_note AS bomNote, p.active
       FROM products p ${activeWhere('p', active)} ORDER BY p.sku`,
    ).all() as Table['rows'];
    if (prices.length) {
      const byProduct = new Map<string, Map<string, number>>();
      for (const p of prepared(db, 'SELECT product_id, price_group_id, price FROM product_prices').all() as {
        product_id: string;
        price_group_id: string;
        price: number;
      }[]) {
        const m = byProduct.get(p.product_id) ?? new Map<string, number>();
        m.set(p.price_group_id, p.price);
        byProduct.set(p.product_id, m);
      }
      for (const row of rows) {
        const m = byProduct.get(row.id as string);
        for (const col of prices) row[col.key] = m?.get(col.groupId) ?? null;
      }
    }
    return { columns: [...layout('products', locale, true), ...prices], rows };
  }
  const rows = prepared(
    db,
    `SELECT p.sku, p.name AS productName, w.code AS warehouse, w.name AS warehouseName, s.on_hand AS onHand,
       s.allocated, s.on_hand - s.allocated AS available, s.in_transit AS inTransit, s.in_transit_eta AS inTransitEta,
       s.safety_stock AS safetyStock, s.bin_code AS bin
     FROM stock s JOIN products p ON p.id = s.product_id JOIN warehouses w ON w.id = s.warehouse_id
     ${activeWhere('p', active)} ORDER BY p.sku, w.code`,
  ).all() as Table['rows'];
  return { columns: layout('stock', locale, true), rows };
}
