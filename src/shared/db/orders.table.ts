import type { Generated } from 'kysely';
import type { OrderStatus } from '../orders/status';

/** Sales orders. Amounts are integer fen; totals always equal the sum of the lines. */
export interface OrdersTable {
  id: string;
  number: string;
  desk_code: string;
  customer_id: string;
  status: OrderStatus;
  /** Optimistic-concurrency counter: bumped on every write to the order. */
  row_version: number;
  /** Business version: bumped by each accepted change after submission. */
  revision: number;
  channel: 'store' | 'online' | 'phone' | 'wholesale';
  order_type: 'retail' | 'wholesale';
  priority: 'urgent' | 'regular';
  /** How the goods reach the customer (migration 0012). */
  delivery_method: 'delivery' | 'pickup' | 'courier' | 'freight';
  payment_method: 'cash' | 'credit';
  payment_terms_days: number;
  customer_po: string | null;
  contact_name: string;
  contact_phone: string;
  bill_to: string | null;
  ship_recipient: string;
  ship_phone: string;
  ship_province: string;
  ship_city: string;
  ship_district: string;
  ship_street: string;
  ship_postcode: string | null;
  /** The customer address the ship-to fields were copied from (null: typed in by hand). */
  ship_address_id: string | null;
  region_id: string | null;
  warehouse_id: string | null;
  sales_rep_id: string | null;
  requested_date: string | null;
  promised_date: string | null;
  notes: string | null;
  custom_text: string | null;
  custom_flag: number;
  changed_flag: number;
  duplicate_confirmed: number;
  subtotal: number;
  tax_total: number;
  total: number;
  line_count: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
  approved_at: string | null;
  paid_at: string | null;
  closed_at: string | null;
  cancelled_at: string | null;
  /** When the settlement document was issued; until then the order counts in credit exposure. */
  billed_at: string | null;
  /** Words the list search matches: number, customer code/name/pinyin, phone, SKUs. */
  search_text: string;
}

export interface OrderLinesTable {
  id: string;
  order_id: string;
  line_no: number;
  product_id: string;
  sku: string;
  name: string;
  spec: string | null;
  custom_params: string | null;
  unit: string;
  /** 0 only on a draft line whose quantity is not entered yet. */
  quantity: number;
  list_price: number;
  unit_price: number;
  /** 1: the clerk typed the unit price; 0: it comes from the customer's price group or the list price. */
  price_manual: Generated<number>;
  /** Discount off the list price in basis points (1000 = 10%). */
  discount_bp: number;
  tax_rate_bp: number;
  amount: number;
  tax: number;
  total: number;
  warehouse_id: string | null;
  allocated_qty: number;
  delivered_qty: number;
  /** Quantity pre-closed (partial cancel); never delivered, never allocated. */
  cancelled_qty: number;
}

export interface OrderStatusHistoryTable {
  id: string;
  order_id: string;
  from_status: string | null;
  to_status: string;
  at: string;
  user_id: string | null;
  reason: string | null;
}

export interface OrderVersionsTable {
  id: string;
  order_id: string;
  revision: number;
  /** JSON snapshot of header and lines at this revision. */
  snapshot: string;
  /** JSON list of { field, before, after } against the previous revision. */
  diff: string | null;
  reason: string | null;
  created_at: string;
  created_by: string | null;
}

export interface OrdersTables {
  orders: OrdersTable;
  order_lines: OrderLinesTable;
  order_status_history: OrderStatusHistoryTable;
  order_versions: OrderVersionsTable;
}
