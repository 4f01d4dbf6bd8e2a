/**
 * Reading an order inside a mutator and turning stored rows back into the document the entry
 * screen edits (the same shape saveDraft takes), so a reload shows exactly what was typed.
 */
import type { Selectable } from 'kysely';
import type { OrderLinesTable, OrdersTable } from '../../db/orders.table';
import { precompiled } from '../../db/precompiled';
import { DeskError } from '../../errors';
import type { OrderDraft } from '../../orders/schema';
import type { Tx } from '../env';

export type OrderRow = Selectable<OrdersTable>;
export type OrderLineRow = Selectable<OrderLinesTable>;

const blank = (s: string | null | undefined): string | undefined => (s == null || s === '' ? undefined : s);

/** Stored order → editable document. A 0 quantity (draft line not typed yet) reads as absent. */
export function toDocument(order: OrderRow, lines: readonly OrderLineRow[]): OrderDraft {
  return {
    customerId: order.customer_id,
    contact: { name: blank(order.contact_name), phone: blank(order.contact_phone) },
    shipTo: {
      addressId: blank(order.ship_address_id),
      recipient: blank(order.ship_recipient),
      phone: blank(order.ship_phone),
      province: blank(order.ship_province),
      city: blank(order.ship_city),
      district: blank(order.ship_district),
      street: blank(order.ship_street),
      postcode: blank(order.ship_postcode),
    },
    billTo: blank(order.bill_to),
    customerPo: blank(order.customer_po),
    channel: order.channel,
    orderType: order.order_type,
    priority: order.priority,
    deliveryMethod: order.delivery_method,
    paymentMethod: order.payment_method,
    paymentTermsDays: order.payment_terms_days,
    requestedDate: blank(order.requested_date),
    promisedDate: blank(order.promised_date),
    notes: blank(order.notes),
    customRequired: order.custom_flag === 1,
    customText: blank(order.custom_text),
    warehouseId: blank(order.warehouse_id),
    lines: [...lines]
      .sort((a, b) => a.line_no - b.line_no)
      .map((l) => ({
        productId: l.product_id,
        customParams: blank(l.custom_params),
        quantity: l.quantity > 0 ? l.quantity : undefined,
        unitPrice: l.price_manual ? l.unit_price : undefined,
        discountBp: l.discount_bp,
        warehouseId: blank(l.warehouse_id),
      })),
  };
}

export const orderById = precompiled<{ id: string }>()((db, arg) => db.selectFrom('orders').selectAll().where('id', '=', arg('id')));
export const linesOfOrder = precompiled<{ orderId: string }>()((db, arg) =>
  db.selectFrom('order_lines').selectAll().where('order_id', '=', arg('orderId')).orderBy('line_no'),
);

/** Group prices of products for one price group (draft pricing and submit's discount check). */
export const groupPricesOf = precompiled<{ groupId: string; productIds: string[] }>()((db, arg) =>
  db.selectFrom('product_prices').select(['product_id', 'price']).where('price_group_id', '=', arg('groupId')).where('product_id', 'in', arg('productIds')),
);

export async function loadOrder(tx: Tx, id: string): Promise<{ order: OrderRow; lines: OrderLineRow[] }> {
  const order = await orderById.first(tx, { id });
  if (!order) throw new DeskError('order.notFound', { id });
  const lines = await linesOfOrder.rows(tx, { orderId: id });
  return { order, lines };
}

/** Refuse a write based on an out-of-date copy of the order. */
export function assertRowVersion(order: Pick<OrderRow, 'row_version' | 'number'>, rowVersion: number): void {
  if (order.row_version !== rowVersion) {
    throw new DeskError('conflict.stale', { number: order.number, expected: rowVersion, actual: order.row_version });
  }
}

/** The audit/version view of the lines: compact, one string per line. */
export function linesDigest(
  lines: readonly Pick<OrderLineRow, 'sku' | 'quantity' | 'unit_price' | 'discount_bp' | 'warehouse_id' | 'custom_params'>[],
): string[] {
  return lines.map(
    (l) =>
      `${l.sku} x${l.quantity} @${l.unit_price}` +
      (l.discount_bp ? ` -${l.discount_bp}bp` : '') +
      (l.warehouse_id ? ` [${l.warehouse_id}]` : '') +
      (l.custom_params ? ` {${l.custom_params}}` : ''),
  );
}

/** Header fields kept in audit entries and version snapshots (no search_text, no counters). */
export function headerForAudit(order: OrderRow): Record<string, unknown> {
  const { search_text: _s, row_version: _r, updated_at: _u, ...rest } = order as OrderRow & { seq?: number };
  delete (rest as { seq?: number }).seq;
  return rest;
}
