/** Master data. Money is integer fen; tax rates are basis points (1300 = 13%). */
export interface RegionsTable {
  id: string;
  code: string;
  name: string;
  active: number;
  updated_at: string;
}

export interface SalesRepsTable {
  id: string;
  code: string;
  name: string;
  mobile: string | null;
  email: string | null;
  region_id: string | null;
  active: number;
  updated_at: string;
}

export interface CarriersTable {
  id: string;
  code: string;
  name: string;
  phone: string | null;
  active: number;
  updated_at: string;
}

export interface PriceGroupsTable {
  id: string;
  code: string;
  name: string;
  updated_at: string;
}

export interface CustomersTable {
  id: string;
  code: string;
  name: string;
  /** Pinyin initials of the name, e.g. 北京市场 -> bjsc. */
  name_pinyin: string;
  kind: 'company' | 'person';
  /** Unified social credit code (companies). */
  uscc: string | null;
  /** Set when an approver accepted a USCC whose check character fails. */
  uscc_override_reason: string | null;
  region_id: string | null;
  credit_limit: number;
  payment_terms_days: number;
  price_group_id: string | null;
  sales_rep_id: string | null;
  email: string | null;
  notes: string | null;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface CustomerContactsTable {
  id: string;
  customer_id: string;
  name: string;
  mobile: string | null;
  landline: string | null;
  email: string | null;
  is_primary: number;
}

export interface CustomerAddressesTable {
  id: string;
  customer_id: string;
  label: string | null;
  recipient: string;
  phone: string;
  province: string;
  city: string;
  district: string;
  street: string;
  postcode: string | null;
  is_default: number;
}

export interface ProductsTable {
  id: string;
  sku: string;
  name: string;
  name_pinyin: string;
  spec: string | null;
  unit: string;
  category: string | null;
  list_price: number;
  tax_rate_bp: number;
  barcode: string | null;
  make_to_order: number;
  /** Placeholder until bills of materials arrive: free text listing components. */
  bom_note: string | null;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface ProductPricesTable {
  product_id: string;
  price_group_id: string;
  price: number;
}

export interface WarehousesTable {
  id: string;
  code: string;
  name: string;
  region_id: string | null;
  address: string | null;
  active: number;
  updated_at: string;
}

export interface BinsTable {
  id: string;
  warehouse_id: string;
  code: string;
}

/** One stock truth per product x warehouse. available = on_hand - allocated. */
export interface StockTable {
  product_id: string;
  warehouse_id: string;
  on_hand: number;
  allocated: number;
  in_transit: number;
  in_transit_eta: string | null;
  safety_stock: number;
  bin_code: string | null;
  updated_at: string;
}

export interface StockMovesTable {
  id: string;
  product_id: string;
  warehouse_id: string;
  kind: 'receipt' | 'issue' | 'adjust' | 'transit' | 'transit_receipt' | 'deliver' | 'undeliver';
  quantity: number;
  reference: string | null;
  at: string;
  user_id: string | null;
}

export interface MastersTables {
  regions: RegionsTable;
  sales_reps: SalesRepsTable;
  carriers: CarriersTable;
  price_groups: PriceGroupsTable;
  customers: CustomersTable;
  customer_contacts: CustomerContactsTable;
  customer_addresses: CustomerAddressesTable;
  products: ProductsTable;
  product_prices: ProductPricesTable;
  warehouses: WarehousesTable;
  bins: BinsTable;
  stock: StockTable;
  stock_moves: StockMovesTable;
}
