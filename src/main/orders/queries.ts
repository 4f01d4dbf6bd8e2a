/**
 * Order queries other than the list: one order in full, stock for the entry screen, and
 * "frequently bought together" suggestions. Desk-only code (SQLite SQL allowed).
 */
import type Database from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import type { OrderHeader, OrderLineDetail } from '../../shared/contract/orders';
import type { DB } from '../../shared/db/schema';
import { DeskError } from '../../shared/errors';
import { toDocument } from '../../shared/mutators/orders/records';
import type { OrderDraft } from '../../shared/orders/schema';
import { prepared } from './list';

const IN_LIST = '(SELECT value FROM json_each(?))';

function parseJson(text: string | null): Record<string, unknown> | null {
  if (!text) return null;
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : { value: v };
  } catch {
    return { text };
  }
}

export interface StockFigures {
  onHand: number;
  allocated: number;
  available: number;
  inTransit: number;
  inTransitEta: string | null;
  safetyStock: number;
}

interface StockRow {
  product_id: string;
  warehouse_id: string;
  on_hand: number;
  allocated: number;
  in_transit: number;
  in_transit_eta: string | null;
  safety_stock: number;
}

function figures(rows: readonly StockRow[]): StockFigures {
  let onHand = 0;
  let allocated = 0;
  let inTransit = 0;
  let safetyStock = 0;
  let eta: string | null = null;
  for (const r of rows) {
    onHand += r.on_hand;
    allocated += r.allocated;
    inTransit += r.in_transit;
    safetyStock += r.safety_stock;
    if (r.in_transit > 0 && r.in_transit_eta && (!eta || r.in_transit_eta < eta)) eta = r.in_transit_eta;
  }
  return { onHand, allocated, available: onHand - allocated, inTransit, inTransitEta: eta, safetyStock };
}

export async function getOrder(db: Kysely<DB>, id: string) {
  const order = await db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirst();
  if (!order) throw new DeskError('order.notFound', { id });
  const [lines, customer, warehouse, history, versions, holds, audit] = await Promise.all([
    db.selectFrom('order_lines').selectAll().where('order_id', '=', id).orderBy('line_no').execute(),
    db
      .selectFrom('customers')
      .select(['id', 'code', 'name', 'name_pinyin'])
      .where('id', '=', order.customer_id)
      .executeTakeFirst(),
    order.warehouse_id
      ? db.selectFrom('warehouses').select(['id', 'code', 'name']).where('id', '=', order.warehouse_id).executeTakeFirst()
      : Promise.resolve(undefined),
    db
      .selectFrom('order_status_history as h')
      .leftJoin('users as u', 'u.id', 'h.user_id')
      .select(['h.id', 'h.from_status', 'h.to_status', 'h.at', 'h.user_id', 'h.reason', 'u.username', 'u.display_name'])
      .where('h.order_id', '=', id)
      .orderBy('h.at')
      .orderBy(sql`h.rowid`)
      .execute(),
    db
      .selectFrom('order_versions')
      .select(['id', 'revision', 'reason', 'created_at', 'created_by', 'diff'])
      .where('order_id', '=', id)
      .orderBy('revision')
      .execute(),
    db.selectFrom('order_holds').selectAll().where('order_id', '=', id).orderBy('created_at').execute(),
    db
      .selectFrom('audit_log as a')
      .leftJoin('users as u', 'u.id', 'a.user_id')
      .select(['a.id', 'a.at', 'a.username', 'u.display_name', 'a.handler', 'a.summary', 'a.code', 'a.params', 'a.before', 'a.after'])
      .where('a.entity_id', '=', id)
      .orderBy('a.at')
      // Rows of one mutation share the instant; rowid keeps the order they were written in.
      .orderBy(sql`a.rowid`)
      .limit(500)
      .execute(),
  ]);

  // Stock of each line's product in the line's warehouse (else the order's).
  const pairs = lines
    .map((l) => ({ productId: l.product_id, warehouseId: l.warehouse_id ?? order.warehouse_id }))
    .filter((p): p is { productId: string; warehouseId: string } => !!p.warehouseId);
  const stock = new Map<string, StockRow>();
  if (pairs.length) {
    const rows = await db
      .selectFrom('stock')
      .select(['product_id', 'warehouse_id', 'on_hand', 'allocated', 'in_transit', 'in_transit_eta', 'safety_stock'])
      .where(
        'product_id',
        'in',
        pairs.map((p) => p.productId),
      )
      .where(
        'warehouse_id',
        'in',
        pairs.map((p) => p.warehouseId),
      )
      .execute();
    for (const r of rows) stock.set(`${r.product_id}|${r.warehouse_id}`, r);
  }

  const header: OrderHeader = {
    id: order.id,
    number: order.number,
    deskCode: order.desk_code,
    status: order.status,
    rowVersion: order.row_version,
    revision: order.revision,
    customer: {
      id: order.customer_id,
      code: customer?.code ?? '',
      name: customer?.name ?? '',
      namePinyin: customer?.name_pinyin ?? '',
    },
    channel: order.channel,
    orderType: order.order_type,
    priority: order.priority,
    deliveryMethod: order.delivery_method,
    paymentMethod: order.payment_method,
    paymentTermsDays: order.payment_terms_days,
    customerPo: order.customer_po,
    contactName: order.contact_name,
    contactPhone: order.contact_phone,
    billTo: order.bill_to,
    shipTo: {
      addressId: order.ship_address_id,
      recipient: order.ship_recipient,
      phone: order.ship_phone,
      province: order.ship_province,
      city: order.ship_city,
      district: order.ship_district,
      street: order.ship_street,
      postcode: order.ship_postcode,
    },
    regionId: order.region_id,
    warehouse: warehouse ?? null,
    salesRepId: order.sales_rep_id,
    requestedDate: order.requested_date,
    promisedDate: order.promised_date,
    notes: order.notes,
    customText: order.custom_text,
    customFlag: order.custom_flag === 1,
    changedFlag: order.changed_flag === 1,
    duplicateConfirmed: order.duplicate_confirmed === 1,
    subtotal: order.subtotal,
    taxTotal: order.tax_total,
    total: order.total,
    lineCount: order.line_count,
    createdBy: order.created_by,
    createdAt: order.created_at,
    updatedAt: order.updated_at,
    submittedAt: order.submitted_at,
    approvedAt: order.approved_at,
    paidAt: order.paid_at,
    closedAt: order.closed_at,
    cancelledAt: order.cancelled_at,
  };

  const lineDetails: OrderLineDetail[] = lines.map((l) => {
    const warehouseId = l.warehouse_id ?? order.warehouse_id;
    const s = warehouseId ? stock.get(`${l.product_id}|${warehouseId}`) : undefined;
    return {
      id: l.id,
      lineNo: l.line_no,
      productId: l.product_id,
      sku: l.sku,
      name: l.name,
      spec: l.spec,
      customParams: l.custom_params,
      unit: l.unit,
      quantity: l.quantity,
      listPrice: l.list_price,
      unitPrice: l.unit_price,
      priceManual: l.price_manual === 1,
      discountBp: l.discount_bp,
      taxRateBp: l.tax_rate_bp,
      amount: l.amount,
      tax: l.tax,
      total: l.total,
      warehouseId,
      allocatedQty: l.allocated_qty,
      deliveredQty: l.delivered_qty,
      cancelledQty: l.cancelled_qty,
      stock: warehouseId ? figures(s ? [s] : []) : null,
    };
  });

  const document: OrderDraft = toDocument(order, lines);
  return {
    order: header,
    lines: lineDetails,
    totals: { subtotal: order.subtotal, taxTotal: order.tax_total, total: order.total },
    history: history.map((h) => ({
      id: h.id,
      fromStatus: h.from_status,
      toStatus: h.to_status,
      at: h.at,
      userId: h.user_id,
      username: h.username ?? null,
      displayName: h.display_name ?? null,
      reason: h.reason,
    })),
    versions: versions.map((v) => ({
      id: v.id,
      revision: v.revision,
      reason: v.reason,
      createdAt: v.created_at,
      createdBy: v.created_by,
      diff: v.diff ? (JSON.parse(v.diff) as unknown) : null,
    })),
    holds: holds.map((h) => ({
      id: h.id,
      kind: h.kind,
      code: h.code,
      params: parseJson(h.params) ?? {},
      status: h.status,
      createdAt: h.created_at,
      decidedAt: h.decided_at,
      comment: h.comment,
    })),
    audit: audit.map((a) => ({
      id: a.id,
      at: a.at,
      username: a.username,
      displayName: a.display_name ?? null,
      handler: a.handler,
      summary: a.summary,
      code: a.code,
      params: parseJson(a.params) as Record<string, string | number> | null,
      before: parseJson(a.before),
      after: parseJson(a.after),
    })),
    document,
  };
}

/**
 * Stock per product: in one warehouse, or summed over all when none is given; elsewhereAvailable
 * is what the other warehouses could supply (for a "short here, available there" hint).
 */
export function stockForProducts(db: Database.Database, productIds: readonly string[], warehouseId: string | null) {
  const unique = [...new Set(productIds)];
  const rows = prepared(
    db,
    `SELECT product_id, warehouse_id, on_hand, allocated, in_transit, in_transit_eta, safety_stock
     FROM stock WHERE product_id IN ${IN_LIST}`,
  ).all(JSON.stringify(unique)) as StockRow[];
  const byProduct = new Map<string, StockRow[]>();
  for (const r of rows) {
    let list = byProduct.get(r.product_id);
    if (!list) byProduct.set(r.product_id, (list = []));
    list.push(r);
  }
  return {
    rows: unique.map((productId) => {
      const all = byProduct.get(productId) ?? [];
      const here = warehouseId ? all.filter((r) => r.warehouse_id === warehouseId) : all;
      const elsewhere = warehouseId ? all.filter((r) => r.warehouse_id !== warehouseId) : [];
      const elsewhereAvailable = elsewhere.reduce((n, r) => n + Math.max(0, r.on_hand - r.allocated), 0);
      return Object.assign({ productId, warehouseId }, figures(here), { elsewhereAvailable });
    }),
  };
}

/** How many recent order lines the basket analysis looks at. */
export const SUGGESTION_WINDOW_LINES = 20_000;

/**
 * Frequently bought together: among the orders of the last SUGGESTION_WINDOW_LINES order lines
 * that contain any of `productIds`, count for every other product the orders it appears in;
 * highest count first (ties by SKU), inactive products and the given ones left out.
 */
export function suggestProducts(
  db: Database.Database,
  productIds: readonly string[],
  orderId: string | null,
  limit: number,
) {
  const given = [...new Set(productIds)];
  if (!given.length) return { rows: [] };
  const counts = prepared(
    db,
    `WITH recent AS (
       SELECT order_id, product_id FROM order_lines
       WHERE rowid > (SELECT coalesce(max(rowid), 0) FROM order_lines) - ${SUGGESTION_WINDOW_LINES}
     ),
     baskets AS (
       SELECT DISTINCT order_id FROM recent WHERE product_id IN ${IN_LIST} AND order_id IS NOT ?
     )
     SELECT r.product_id, count(DISTINCT r.order_id) AS score
     FROM recent r JOIN baskets b ON b.order_id = r.order_id
     WHERE r.product_id NOT IN ${IN_LIST}
     GROUP BY r.product_id
     ORDER BY score DESC, r.product_id
     LIMIT ?`,
  ).all(JSON.stringify(given), orderId, JSON.stringify(given), limit * 4 + 20) as { product_id: string; score: number }[];
  if (!counts.length) return { rows: [] };
  const products = prepared(
    db,
    `SELECT id, sku, name, spec, unit, list_price FROM products WHERE active = 1 AND id IN ${IN_LIST}`,
  ).all(JSON.stringify(counts.map((c) => c.product_id))) as {
    id: string;
    sku: string;
    name: string;
    spec: string | null;
    unit: string;
    list_price: number;
  }[];
  const byId = new Map(products.map((p) => [p.id, p]));
  return {
    rows: counts
      .filter((c) => byId.has(c.product_id))
      .map((c) => {
        const p = byId.get(c.product_id)!;
        return { productId: p.id, sku: p.sku, name: p.name, spec: p.spec, unit: p.unit, listPrice: p.list_price, score: c.score };
      })
      .sort((a, b) => b.score - a.score || a.sku.localeCompare(b.sku))
      .slice(0, limit),
  };
}
