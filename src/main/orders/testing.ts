/**
 * Test helpers for orders: a complete order document on the shared master-data fixture, calls
 * through the dispatcher, and a bulk loader that writes many orders straight into the store (for
 * list and suggestion tests that need history, not the mutator path).
 */
import type { OrderDraftInput } from '../../shared/orders/schema';
import { buildSearchText } from '../../shared/orders/search-text';
import { lineAmounts, sumTotals } from '../../shared/money';
import type { TestDesk } from '../testing/desk';
import type { MastersFixture } from '../testing/masters-fixtures';

export interface SavedDraft {
  id: string;
  number: string;
  rowVersion: number;
  status: 'draft';
  created: boolean;
  totals: { subtotal: number; taxTotal: number; total: number };
  lines: { lineNo: number; productId: string; unitPrice: number; referencePrice: number; amount: number; tax: number; total: number }[];
  issues: { path: string; code: string; params?: Record<string, string | number> }[];
}

export interface Submitted {
  id: string;
  number: string;
  status: string;
  rowVersion: number;
  customFlag: boolean;
  duplicateConfirmed: boolean;
  duplicates: { number: string; reason: string }[];
}

/** A submit-ready order for customer C001 (default address typed in full) with two lines. */
export function orderDoc(f: MastersFixture, overrides: Partial<OrderDraftInput> = {}): OrderDraftInput {
  return {
    customerId: f.customers.C001,
    contact: { name: '张伟', phone: '13800138000' },
    shipTo: {
      recipient: '张伟',
      phone: '13800138000',
      province: '北京市',
      city: '北京市',
      district: '朝阳区',
      street: '建国路 88 号 SOHO 现代城 2 号楼 1203',
      postcode: '100022',
    },
    channel: 'phone',
    orderType: 'wholesale',
    priority: 'regular',
    paymentMethod: 'credit',
    paymentTermsDays: 30,
    warehouseId: f.warehouses['WH-A'],
    lines: [
      { productId: f.products['A100-1'], quantity: 10 },
      { productId: f.products['B200-1'], quantity: 5 },
    ],
    ...overrides,
  };
}

export async function saveDraft(t: TestDesk, session: string, doc: OrderDraftInput & { id?: string; rowVersion?: number }) {
  return t.call<SavedDraft>('orders.saveDraft', doc, session);
}

export async function submit(t: TestDesk, session: string, saved: { id: string; rowVersion: number }, confirmDuplicate?: boolean) {
  return t.call<Submitted>('orders.submit', { id: saved.id, rowVersion: saved.rowVersion, confirmDuplicate }, session);
}

/** Save and submit a document; returns the submitted order. */
export async function placeOrder(t: TestDesk, session: string, doc: OrderDraftInput, confirmDuplicate?: boolean) {
  const saved = await saveDraft(t, session, doc);
  return submit(t, session, saved, confirmDuplicate);
}

export interface BulkOrder {
  customerId: string;
  status?: string;
  createdAt: string;
  shipPhone?: string;
  channel?: string;
  orderType?: string;
  lines: { productId: string; quantity: number }[];
}

/**
 * Write orders directly (one transaction, no mutator): numbers SO-BULK-<yyyymmdd>-<n>. For tests
 * that need a history to search or analyse.
 */
export function insertOrders(t: TestDesk, orders: readonly BulkOrder[]): string[] {
  const raw = t.desk.store.raw;
  const customers = new Map(
    (raw.prepare('SELECT id, code, name, name_pinyin, region_id FROM customers').all() as {
      id: string;
      code: string;
      name: string;
      name_pinyin: string;
      region_id: string | null;
    }[]).map((c) => [c.id, c]),
  );
  const products = new Map(
    (raw.prepare('SELECT id, sku, name, unit, list_price, tax_rate_bp FROM products').all() as {
      id: string;
      sku: string;
      name: string;
      unit: string;
      list_price: number;
      tax_rate_bp: number;
    }[]).map((p) => [p.id, p]),
  );
  const insertOrder = raw.prepare(`INSERT INTO orders (id, number, desk_code, customer_id, status, channel, order_type,
    priority, payment_method, contact_name, contact_phone, ship_recipient, ship_phone, ship_province, ship_city,
    ship_district, ship_street, region_id, subtotal, tax_total, total, line_count, created_at, updated_at, submitted_at,
    search_text) VALUES (?, ?, 'BULK', ?, ?, ?, ?, 'regular', 'cash', '', '', '收货人', ?, '省', '市', '区', '街道', ?,
    ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertLine = raw.prepare(`INSERT INTO order_lines (id, order_id, line_no, product_id, sku, name, unit, quantity,
    list_price, unit_price, tax_rate_bp, amount, tax, total) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const ids: string[] = [];
  raw.transaction(() => {
    orders.forEach((o, n) => {
      const id = `bulk-${String(n + 1).padStart(7, '0')}-${Math.random().toString(36).slice(2, 8)}`;
      const c = customers.get(o.customerId);
      if (!c) throw new Error(`unknown customer ${o.customerId}`);
      const number = `SO-BULK-${o.createdAt.slice(0, 10).replace(/-/g, '')}-${String(n + 1).padStart(4, '0')}`;
      const amounts = o.lines.map((l) => {
        const p = products.get(l.productId)!;
        return lineAmounts({ quantity: l.quantity, unitPrice: p.list_price, discountBp: 0, taxRateBp: p.tax_rate_bp });
      });
      const totals = sumTotals(amounts);
      const phone = o.shipPhone ?? '13900000000';
      const status = o.status ?? 'approved';
      insertOrder.run(
        id,
        number,
        o.customerId,
        status,
        o.channel ?? 'phone',
        o.orderType ?? 'retail',
        phone,
        c.region_id,
        totals.subtotal,
        totals.taxTotal,
        totals.total,
        o.lines.length,
        o.createdAt,
        o.createdAt,
        status === 'draft' ? null : o.createdAt,
        buildSearchText({
          number,
          customerCode: c.code,
          customerName: c.name,
          customerPinyin: c.name_pinyin,
          shipPhone: phone,
          skus: o.lines.map((l) => products.get(l.productId)!.sku),
        }),
      );
      o.lines.forEach((l, i) => {
        const p = products.get(l.productId)!;
        const a = amounts[i];
        insertLine.run(`${id}-${i + 1}`, id, i + 1, p.id, p.sku, p.name, p.unit, l.quantity, p.list_price, p.list_price, p.tax_rate_bp, a.amount, a.tax, a.total);
      });
      ids.push(id);
    });
  })();
  return ids;
}
