/**
 * Test fixtures for review: master rows, stock and orders written straight into a real desk store
 * (no order-entry handlers needed), and an env for calling shared mutators directly.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../shared/db/schema';
import { randomSeed, seededIds, uuidv7 } from '../../shared/ids';
import { lineAmounts, sumTotals } from '../../shared/money';
import type { MutatorEnv, Tx } from '../../shared/mutators/env';
import type { OrderStatus } from '../../shared/orders/status';
import type { Role } from '../../shared/roles';
import type { TestDesk } from '../testing/desk';

export const T0 = '2026-11-20T02:00:00.000Z';

let counter = 0;
const uniq = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export function testEnv(over: Partial<MutatorEnv> & { at?: string } = {}): MutatorEnv {
  const now = over.at ?? over.now ?? T0;
  const seed = randomSeed();
  return {
    now,
    seed,
    ids: seededIds(seed, Date.parse(now)),
    userId: 'u-test',
    username: 'tester',
    role: 'admin' as Role,
    approvalLimit: null,
    deskCode: 'T1',
    ...over,
  };
}

/** Run fn in one transaction of the desk's store (as the dispatcher does). */
export function inTx<R>(db: Kysely<DB>, fn: (tx: Tx) => Promise<R>): Promise<R> {
  return db.transaction().execute(fn);
}

export async function addCustomer(db: Kysely<DB>, over: { creditLimit?: number; name?: string; code?: string } = {}): Promise<string> {
  const id = uuidv7();
  const u = uniq();
  await db
    .insertInto('customers')
    .values({
      id,
      code: over.code ?? `C${u}`,
      name: over.name ?? `客户${u}`,
      name_pinyin: 'kh',
      kind: 'company',
      uscc: null,
      uscc_override_reason: null,
      region_id: null,
      credit_limit: over.creditLimit ?? 1_000_000_00,
      payment_terms_days: 30,
      price_group_id: null,
      sales_rep_id: null,
      email: null,
      notes: null,
      active: 1,
      created_at: T0,
      updated_at: T0,
    })
    .execute();
  return id;
}

export async function addProduct(db: Kysely<DB>, over: { sku?: string; price?: number } = {}): Promise<string> {
  const id = uuidv7();
  const u = uniq();
  await db
    .insertInto('products')
    .values({
      id,
      sku: over.sku ?? `P${u}`,
      name: `产品${u}`,
      name_pinyin: 'cp',
      spec: null,
      unit: '件',
      category: null,
      list_price: over.price ?? 100_00,
      tax_rate_bp: 1300,
      barcode: null,
      make_to_order: 0,
      bom_note: null,
      active: 1,
      created_at: T0,
      updated_at: T0,
    })
    .execute();
  return id;
}

export async function addWarehouse(db: Kysely<DB>, code?: string): Promise<string> {
  const id = uuidv7();
  await db
    .insertInto('warehouses')
    .values({ id, code: code ?? `W${uniq()}`, name: `仓库`, region_id: null, address: null, active: 1, updated_at: T0 })
    .execute();
  return id;
}

export async function setStock(
  db: Kysely<DB>,
  productId: string,
  warehouseId: string,
  onHand: number,
  over: { allocated?: number; inTransit?: number; inTransitEta?: string | null } = {},
): Promise<void> {
  await db
    .insertInto('stock')
    .values({
      product_id: productId,
      warehouse_id: warehouseId,
      on_hand: onHand,
      allocated: over.allocated ?? 0,
      in_transit: over.inTransit ?? 0,
      in_transit_eta: over.inTransitEta ?? null,
      safety_stock: 0,
      bin_code: null,
      updated_at: T0,
    })
    .onConflict((oc) =>
      oc.columns(['product_id', 'warehouse_id']).doUpdateSet({
        on_hand: onHand,
        allocated: over.allocated ?? 0,
        in_transit: over.inTransit ?? 0,
        in_transit_eta: over.inTransitEta ?? null,
      }),
    )
    .execute();
}

export async function stockOf(db: Tx, productId: string, warehouseId: string) {
  return db.selectFrom('stock').selectAll().where('product_id', '=', productId).where('warehouse_id', '=', warehouseId).executeTakeFirstOrThrow();
}

export interface FixtureLine {
  productId: string;
  warehouseId?: string | null;
  quantity: number;
  unitPrice?: number;
  allocatedQty?: number;
  deliveredQty?: number;
}

export interface FixtureOrder {
  customerId: string;
  status?: OrderStatus;
  paymentMethod?: 'cash' | 'credit';
  lines: FixtureLine[];
  customFlag?: boolean;
  customText?: string | null;
  promisedDate?: string | null;
  submittedAt?: string | null;
  warehouseId?: string | null;
  createdAt?: string;
}

/** Insert an order with lines whose amounts follow the money rules; returns ids. */
export async function insertOrder(db: Tx, o: FixtureOrder): Promise<{ id: string; number: string; lineIds: string[]; total: number }> {
  const id = uuidv7();
  const number = `SO-T1-20261120-${uniq()}`;
  const amounts = o.lines.map((l) => lineAmounts({ quantity: l.quantity, unitPrice: l.unitPrice ?? 100_00, discountBp: 0, taxRateBp: 1300 }));
  const totals = sumTotals(amounts);
  const status = o.status ?? 'submitted';
  const createdAt = o.createdAt ?? T0;
  await db
    .insertInto('orders')
    .values({
      id,
      number,
      desk_code: 'T1',
      customer_id: o.customerId,
      delivery_method: 'delivery',
      status,
      row_version: 1,
      revision: 0,
      channel: 'phone',
      order_type: 'wholesale',
      priority: 'regular',
      payment_method: o.paymentMethod ?? 'credit',
      payment_terms_days: 30,
      customer_po: null,
      contact_name: '张三',
      contact_phone: '13800138000',
      bill_to: null,
      ship_recipient: '张三',
      ship_phone: '13800138000',
      ship_province: '上海市',
      ship_city: '上海市',
      ship_district: '浦东新区',
      ship_street: '世纪大道 1 号',
      ship_postcode: '200120',
      region_id: null,
      warehouse_id: o.warehouseId ?? null,
      sales_rep_id: null,
      requested_date: null,
      promised_date: o.promisedDate ?? '2026-12-31',
      notes: null,
      custom_text: o.customText ?? null,
      custom_flag: o.customFlag ? 1 : 0,
      changed_flag: 0,
      duplicate_confirmed: 0,
      subtotal: totals.subtotal,
      tax_total: totals.taxTotal,
      total: totals.total,
      line_count: o.lines.length,
      created_by: null,
      created_at: createdAt,
      updated_at: createdAt,
      submitted_at: o.submittedAt === undefined ? (status === 'draft' ? null : createdAt) : o.submittedAt,
      approved_at: null,
      paid_at: null,
      closed_at: null,
      cancelled_at: null,
      search_text: number,
    })
    .execute();
  const lineIds: string[] = [];
  for (let i = 0; i < o.lines.length; i++) {
    const l = o.lines[i];
    const lineId = uuidv7();
    lineIds.push(lineId);
    await db
      .insertInto('order_lines')
      .values({
        id: lineId,
        order_id: id,
        line_no: i + 1,
        product_id: l.productId,
        sku: `SKU-${i + 1}`,
        name: `line ${i + 1}`,
        spec: null,
        custom_params: null,
        unit: '件',
        quantity: l.quantity,
        list_price: l.unitPrice ?? 100_00,
        unit_price: l.unitPrice ?? 100_00,
        discount_bp: 0,
        tax_rate_bp: 1300,
        amount: amounts[i].amount,
        tax: amounts[i].tax,
        total: amounts[i].total,
        warehouse_id: l.warehouseId ?? null,
        allocated_qty: l.allocatedQty ?? 0,
        delivered_qty: l.deliveredQty ?? 0,
        cancelled_qty: 0,
      })
      .execute();
  }
  return { id, number, lineIds, total: totals.total };
}

export async function addSettlement(
  db: Tx,
  customerId: string,
  s: { amount: number; paid?: number; dueDate: string; status?: 'open' | 'paid' | 'void'; orderId?: string | null },
): Promise<string> {
  const id = uuidv7();
  await db
    .insertInto('settlements')
    .values({
      id,
      number: `ST-${uniq()}`,
      customer_id: customerId,
      order_id: s.orderId ?? null,
      amount: s.amount,
      paid: s.paid ?? 0,
      issued_at: T0,
      due_date: s.dueDate,
      status: s.status ?? ((s.paid ?? 0) >= s.amount ? 'paid' : 'open'),
    })
    .execute();
  // Issuing a settlement bills its order (the order leaves exposure; the settlement's balance counts).
  if (s.orderId && (s.status ?? 'open') !== 'void') {
    await db.updateTable('orders').set({ billed_at: T0 }).where('id', '=', s.orderId).where('billed_at', 'is', null).execute();
  }
  return id;
}

export async function orderRow(db: Tx, id: string) {
  return db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

export async function linesOf(db: Tx, orderId: string) {
  return db.selectFrom('order_lines').selectAll().where('order_id', '=', orderId).orderBy('line_no').execute();
}

export async function holdsOf(db: Tx, orderId: string, status: 'open' | 'released' | 'rejected' | 'superseded' | null = 'open') {
  let q = db.selectFrom('order_holds').selectAll().where('order_id', '=', orderId);
  if (status) q = q.where('status', '=', status);
  return q.orderBy('created_at').orderBy('id').execute();
}

/** A small world: one customer, one product, one warehouse with stock. */
export async function world(t: TestDesk, onHand = 10, creditLimit = 1_000_000_00) {
  const db = t.desk.store.db;
  const customerId = await addCustomer(db, { creditLimit });
  const productId = await addProduct(db);
  const warehouseId = await addWarehouse(db);
  await setStock(db, productId, warehouseId, onHand);
  return { db, customerId, productId, warehouseId };
}
