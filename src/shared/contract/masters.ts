import { z } from '../zod';
import { LOCALES } from '../i18n/translate';
import { ALL_ROLES, MASTER_EDITORS, ORDER_TAKERS, type Role } from '../roles';
import {
  checkUscc,
  normalizeUscc,
  zCode,
  zEmail,
  zIsoDate,
  zLandline,
  zMobile,
  zMoneyFen,
  zOptional,
  zPhone,
  zPostcode,
  zRequiredText,
} from '../validators';
import { mutation, query } from './define';

/*
 * Master data: regions, sales reps, carriers, price groups, customers, products, warehouses with
 * bins, stock, type-ahead search, import and export. Money is integer fen; tax rates basis points.
 * Field errors carry the shared v.* codes or a masters code (customer.*, product.*, stock.*).
 */

/** Who may edit stock figures (counts, receipts, issues). */
export const STOCK_EDITORS: readonly Role[] = ['warehouse', 'manager', 'admin'];
/** Customers: clerks create and edit them at the desk; approvers may also override a USCC check. */
export const CUSTOMER_EDITORS: readonly Role[] = ORDER_TAKERS;
/** Roles that may accept a USCC whose check character fails, with a reason. */
export const USCC_OVERRIDERS: readonly Role[] = ['approver', 'manager', 'admin'];

const zId = z.string().trim().min(1).max(64);
const zOptId = zOptional(zId);
const zActive = z.boolean().default(true);
const zLocale = z.enum(LOCALES).default('zh-CN');

/** A count of units (on hand, in transit, safety stock): a whole number ≥ 0. */
export const zCount = z
  .number({ error: (iss) => (iss.input == null ? 'v.required' : 'stock.count') })
  .refine((n) => Number.isSafeInteger(n) && n >= 0, { error: 'stock.count' });

/** VAT rate in basis points: 0..10000 (13% = 1300). */
export const zTaxRateBp = z
  .number({ error: (iss) => (iss.input == null ? 'v.required' : 'product.taxRate') })
  .refine((n) => Number.isSafeInteger(n) && n >= 0 && n <= 10000, { error: 'product.taxRate' });

const BARCODE_RE = /^[0-9A-Za-z-]{4,32}$/;
/** EAN/UPC/Code 128 style barcode: 4–32 letters, digits or dashes. */
export const zBarcode = z
  .string({ error: (iss) => (iss.input == null ? 'v.required' : 'product.barcode') })
  .trim()
  .refine((s) => BARCODE_RE.test(s), { error: 'product.barcode' });

const listPage = {
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(200),
};
const activeFilter = z.enum(['active', 'inactive', 'all']).default('active');

// ---------------------------------------------------------------- reference lists

const refListInput = z.object({ activeOnly: z.boolean().default(false) }).strict();

const regionRow = z.object({ id: z.string(), code: z.string(), name: z.string(), active: z.boolean() });
export const regionSaveInput = z
  .object({ id: zOptId, code: zCode, name: zRequiredText(40), active: zActive })
  .strict();

const salesRepRow = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  mobile: z.string().nullable(),
  email: z.string().nullable(),
  regionId: z.string().nullable(),
  regionName: z.string().nullable(),
  active: z.boolean(),
});
export const salesRepSaveInput = z
  .object({
    id: zOptId,
    code: zCode,
    name: zRequiredText(40),
    mobile: zOptional(zMobile),
    email: zOptional(zEmail),
    regionId: zOptId,
    active: zActive,
  })
  .strict();

const carrierRow = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  active: z.boolean(),
});
export const carrierSaveInput = z
  .object({ id: zOptId, code: zCode, name: zRequiredText(60), phone: zOptional(zPhone), active: zActive })
  .strict();

const priceGroupRow = z.object({ id: z.string(), code: z.string(), name: z.string() });
export const priceGroupSaveInput = z.object({ id: zOptId, code: zCode, name: zRequiredText(40) }).strict();

const saved = z.object({ id: z.string() });

export const regionsList = query({
  name: 'regions.list',
  summary: 'Sales regions, by code.',
  input: refListInput,
  result: z.object({ rows: z.array(regionRow) }),
  access: 'signedIn',
  tables: ['regions'],
});
export const regionsSave = mutation({
  name: 'regions.save',
  summary: 'Create a region (no id) or update one. Codes are unique regardless of case.',
  input: regionSaveInput,
  result: saved,
  access: MASTER_EDITORS,
  tables: ['regions'],
});
export const salesRepsList = query({
  name: 'salesReps.list',
  summary: 'Sales representatives with their region.',
  input: refListInput,
  result: z.object({ rows: z.array(salesRepRow) }),
  access: 'signedIn',
  tables: ['sales_reps', 'regions'],
});
export const salesRepsSave = mutation({
  name: 'salesReps.save',
  summary: 'Create or update a sales representative.',
  input: salesRepSaveInput,
  result: saved,
  access: MASTER_EDITORS,
  tables: ['sales_reps'],
});
export const carriersList = query({
  name: 'carriers.list',
  summary: 'Carriers (logistics companies).',
  input: refListInput,
  result: z.object({ rows: z.array(carrierRow) }),
  access: 'signedIn',
  tables: ['carriers'],
});
export const carriersSave = mutation({
  name: 'carriers.save',
  summary: 'Create or update a carrier.',
  input: carrierSaveInput,
  result: saved,
  access: MASTER_EDITORS,
  tables: ['carriers'],
});
export const priceGroupsList = query({
  name: 'priceGroups.list',
  summary: 'Price groups (customer tiers with their own product prices).',
  input: z.object({}).strict(),
  result: z.object({ rows: z.array(priceGroupRow) }),
  access: 'signedIn',
  tables: ['price_groups'],
});
export const priceGroupsSave = mutation({
  name: 'priceGroups.save',
  summary: 'Create or update a price group.',
  input: priceGroupSaveInput,
  result: saved,
  access: MASTER_EDITORS,
  tables: ['price_groups'],
});

// ---------------------------------------------------------------- customers

export const contactInput = z
  .object({
    id: zOptId,
    name: zRequiredText(40),
    mobile: zOptional(zMobile),
    landline: zOptional(zLandline),
    email: zOptional(zEmail),
    isPrimary: z.boolean().default(false),
  })
  .strict()
  .superRefine((c, ctx) => {
    // A contact is someone to call: one number at least.
    if (c.mobile === undefined && c.landline === undefined) {
      ctx.addIssue({ code: 'custom', path: ['mobile'], message: 'customer.contactPhone' });
    }
  });

export const addressInput = z
  .object({
    id: zOptId,
    label: zOptional(zRequiredText(20)),
    recipient: zRequiredText(40),
    phone: zPhone,
    province: zRequiredText(20),
    city: zRequiredText(20),
    district: zRequiredText(20),
    street: zRequiredText(200),
    postcode: zOptional(zPostcode),
    isDefault: z.boolean().default(false),
  })
  .strict();

export const customerKinds = ['company', 'person'] as const;

export const customerSaveInput = z
  .object({
    id: zOptId,
    code: zCode,
    name: zRequiredText(100),
    kind: z.enum(customerKinds).default('company'),
    /** Upper-cased; checked below because an approver may accept a failing check character. */
    uscc: zOptional(z.string().transform(normalizeUscc)),
    usccOverrideReason: zOptional(zRequiredText(200)),
    regionId: zOptId,
    creditLimit: zMoneyFen.default(0),
    paymentTermsDays: z.number().int().min(0).max(365).default(0),
    priceGroupId: zOptId,
    salesRepId: zOptId,
    email: zOptional(zEmail),
    notes: zOptional(zRequiredText(500)),
    active: zActive,
    contacts: z.array(contactInput).max(20).default([]),
    /** No address, no order: at least one, the first marked default is the default. */
    addresses: z.array(addressInput).min(1, { error: 'customer.addressRequired' }).max(50),
  })
  .strict()
  .superRefine((c, ctx) => {
    const uscc = typeof c.uscc === 'string' ? c.uscc : undefined;
    if (c.kind === 'company' && !uscc) {
      ctx.addIssue({ code: 'custom', path: ['uscc'], message: 'v.required' });
      return;
    }
    if (!uscc) return;
    const r = checkUscc(uscc);
    if (r.ok) return;
    // Only a wrong check character may be overridden (with a reason); length and charset are typos.
    if (r.reason === 'checkChar' && c.usccOverrideReason) return;
    ctx.addIssue({
      code: 'custom',
      path: ['uscc'],
      message: `v.uscc.${r.reason}`,
      ...(r.expected ? { params: { expected: r.expected } } : {}),
    });
  });
export type CustomerSaveInput = z.output<typeof customerSaveInput>;

const contactRow = z.object({
  id: z.string(),
  name: z.string(),
  mobile: z.string().nullable(),
  landline: z.string().nullable(),
  email: z.string().nullable(),
  isPrimary: z.boolean(),
});
const addressRow = z.object({
  id: z.string(),
  label: z.string().nullable(),
  recipient: z.string(),
  phone: z.string(),
  province: z.string(),
  city: z.string(),
  district: z.string(),
  street: z.string(),
  postcode: z.string().nullable(),
  isDefault: z.boolean(),
});
export type CustomerAddress = z.output<typeof addressRow>;

const customerBase = {
  id: z.string(),
  code: z.string(),
  name: z.string(),
  pinyin: z.string(),
  kind: z.enum(customerKinds),
  uscc: z.string().nullable(),
  usccOverrideReason: z.string().nullable(),
  regionId: z.string().nullable(),
  creditLimit: z.number().int(),
  paymentTermsDays: z.number().int(),
  priceGroupId: z.string().nullable(),
  salesRepId: z.string().nullable(),
  email: z.string().nullable(),
  notes: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

const customerListRow = z.object({
  ...customerBase,
  regionName: z.string().nullable(),
  priceGroupName: z.string().nullable(),
  salesRepName: z.string().nullable(),
  /** The primary contact, else the default address's recipient and phone. */
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  /** Default address, one line: 省 市 区 街道. */
  address: z.string().nullable(),
});
export type CustomerListRow = z.output<typeof customerListRow>;

const customerDetail = z.object({
  ...customerBase,
  contacts: z.array(contactRow),
  addresses: z.array(addressRow),
});
export type CustomerDetail = z.output<typeof customerDetail>;

export const customersList = query({
  name: 'customers.list',
  summary: 'Customers by code, filtered (q: code, name, pinyin initials, USCC) and paged, with the total.',
  input: z
    .object({
      q: z.string().trim().max(100).default(''),
      kind: z.enum(customerKinds).optional(),
      regionId: zOptId,
      salesRepId: zOptId,
      priceGroupId: zOptId,
      active: activeFilter,
      ...listPage,
    })
    .strict(),
  result: z.object({ rows: z.array(customerListRow), total: z.number().int() }),
  access: 'signedIn',
  tables: ['customers', 'customer_contacts', 'customer_addresses', 'regions', 'sales_reps', 'price_groups'],
});

export const customersGet = query({
  name: 'customers.get',
  summary: 'One customer with contacts and addresses (default address first).',
  input: z.object({ id: zId }).strict(),
  result: customerDetail,
  access: 'signedIn',
  tables: ['customers', 'customer_contacts', 'customer_addresses'],
});

export const customersSave = mutation({
  name: 'customers.save',
  summary:
    'Create (no id) or update a customer; contacts and addresses are replaced by those given (ids kept). ' +
    'A company needs a valid USCC unless an approver, manager or admin gives usccOverrideReason.',
  input: customerSaveInput,
  result: saved,
  access: CUSTOMER_EDITORS,
  tables: ['customers', 'customer_contacts', 'customer_addresses'],
});

export const customersSetActive = mutation({
  name: 'customers.setActive',
  summary: 'Deactivate (hidden from search and entry, history kept) or reactivate a customer.',
  input: z.object({ id: zId, active: z.boolean() }).strict(),
  result: z.object({ id: z.string(), active: z.boolean() }),
  access: CUSTOMER_EDITORS,
  tables: ['customers'],
});

// ---------------------------------------------------------------- products

export const productPriceInput = z.object({ priceGroupId: zId, price: zMoneyFen }).strict();

export const productSaveInput = z
  .object({
    id: zOptId,
    sku: zCode,
    name: zRequiredText(100),
    spec: zOptional(zRequiredText(100)),
    unit: zRequiredText(10),
    category: zOptional(zRequiredText(40)),
    listPrice: zMoneyFen,
    taxRateBp: zTaxRateBp.default(1300),
    barcode: zOptional(zBarcode),
    makeToOrder: z.boolean().default(false),
    bomNote: zOptional(zRequiredText(2000)),
    active: zActive,
    /** Price-group prices; replaces the product's list of group prices. */
    prices: z.array(productPriceInput).max(100).default([]),
  })
  .strict()
  .superRefine((p, ctx) => {
    const seen = new Set<string>();
    (Array.isArray(p.prices) ? p.prices : []).forEach((price, i) => {
      if (!price || typeof price.priceGroupId !== 'string') return;
      if (seen.has(price.priceGroupId)) {
        ctx.addIssue({ code: 'custom', path: ['prices', i, 'priceGroupId'], message: 'product.duplicatePriceGroup' });
      }
      seen.add(price.priceGroupId);
    });
  });
export type ProductSaveInput = z.output<typeof productSaveInput>;

const productBase = {
  id: z.string(),
  sku: z.string(),
  name: z.string(),
  pinyin: z.string(),
  spec: z.string().nullable(),
  unit: z.string(),
  category: z.string().nullable(),
  listPrice: z.number().int(),
  taxRateBp: z.number().int(),
  barcode: z.string().nullable(),
  makeToOrder: z.boolean(),
  bomNote: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
};
const productListRow = z.object({
  ...productBase,
  onHand: z.number().int(),
  allocated: z.number().int(),
  available: z.number().int(),
  inTransit: z.number().int(),
});
export type ProductListRow = z.output<typeof productListRow>;
const productDetail = z.object({
  ...productBase,
  prices: z.array(z.object({ priceGroupId: z.string(), priceGroupCode: z.string(), priceGroupName: z.string(), price: z.number().int() })),
});
export type ProductDetail = z.output<typeof productDetail>;

export const productsList = query({
  name: 'products.list',
  summary: 'Products by SKU, filtered (q: SKU, name, spec, barcode, pinyin initials; category) and paged, with stock totals.',
  input: z
    .object({
      q: z.string().trim().max(100).default(''),
      category: zOptional(z.string().trim().max(40)),
      active: activeFilter,
      ...listPage,
    })
    .strict(),
  result: z.object({ rows: z.array(productListRow), total: z.number().int() }),
  access: 'signedIn',
  tables: ['products', 'stock'],
});

export const productsGet = query({
  name: 'products.get',
  summary: 'One product with its price-group prices.',
  input: z.object({ id: zId }).strict(),
  result: productDetail,
  access: 'signedIn',
  tables: ['products', 'product_prices', 'price_groups'],
});

export const productsSave = mutation({
  name: 'products.save',
  summary: 'Create (no id) or update a product with its price-group prices; pinyin initials are derived from the name.',
  input: productSaveInput,
  result: saved,
  access: MASTER_EDITORS,
  tables: ['products', 'product_prices'],
});

export const productsSetActive = mutation({
  name: 'products.setActive',
  summary: 'Deactivate (hidden from search and entry) or reactivate a product.',
  input: z.object({ id: zId, active: z.boolean() }).strict(),
  result: z.object({ id: z.string(), active: z.boolean() }),
  access: MASTER_EDITORS,
  tables: ['products'],
});

// ---------------------------------------------------------------- warehouses and stock

export const warehouseSaveInput = z
  .object({
    id: zOptId,
    code: zCode,
    name: zRequiredText(60),
    regionId: zOptId,
    address: zOptional(zRequiredText(200)),
    active: zActive,
    /** Bin codes; replaces the warehouse's bins. */
    bins: z.array(zCode).max(20_000).default([]),
  })
  .strict()
  .superRefine((w, ctx) => {
    const seen = new Set<string>();
    (Array.isArray(w.bins) ? w.bins : []).forEach((bin, i) => {
      if (typeof bin !== 'string') return;
      const key = bin.toLowerCase();
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['bins', i], message: 'warehouse.duplicateBin' });
      seen.add(key);
    });
  });
export type WarehouseSaveInput = z.output<typeof warehouseSaveInput>;

const warehouseRow = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  regionId: z.string().nullable(),
  regionName: z.string().nullable(),
  address: z.string().nullable(),
  active: z.boolean(),
  bins: z.array(z.string()),
});

export const warehousesList = query({
  name: 'warehouses.list',
  summary: 'Warehouses with their bins.',
  input: refListInput,
  result: z.object({ rows: z.array(warehouseRow) }),
  access: 'signedIn',
  tables: ['warehouses', 'bins', 'regions'],
});

export const warehousesSave = mutation({
  name: 'warehouses.save',
  summary: 'Create or update a warehouse; its bins are replaced by those given.',
  input: warehouseSaveInput,
  result: saved,
  access: MASTER_EDITORS,
  tables: ['warehouses', 'bins'],
});

export const stockRow = z.object({
  productId: z.string(),
  sku: z.string(),
  productName: z.string(),
  spec: z.string().nullable(),
  unit: z.string(),
  warehouseId: z.string(),
  warehouseCode: z.string(),
  warehouseName: z.string(),
  onHand: z.number().int(),
  allocated: z.number().int(),
  inTransit: z.number().int(),
  inTransitEta: z.string().nullable(),
  safetyStock: z.number().int(),
  /** on hand − allocated */
  available: z.number().int(),
  /** available < safety stock */
  short: z.boolean(),
  binCode: z.string().nullable(),
  updatedAt: z.string(),
});
export type StockRow = z.output<typeof stockRow>;

export const stockList = query({
  name: 'stock.list',
  summary: 'Stock per product × warehouse (on hand, allocated, in transit, safety, available, short), paged.',
  input: z
    .object({
      warehouseId: zOptId,
      productId: zOptId,
      q: z.string().trim().max(100).default(''),
      shortOnly: z.boolean().default(false),
      ...listPage,
    })
    .strict(),
  result: z.object({ rows: z.array(stockRow), total: z.number().int() }),
  access: 'signedIn',
  tables: ['stock', 'products', 'warehouses'],
});

const zEtaField = z
  .preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), zIsoDate.nullable())
  .optional();

export const stockSetInput = z
  .object({
    productId: zId,
    warehouseId: zId,
    onHand: zCount.optional(),
    inTransit: zCount.optional(),
    /** YYYY-MM-DD; null clears. */
    inTransitEta: zEtaField,
    safetyStock: zCount.optional(),
    /** One of the warehouse's bins; null clears. */
    binCode: z
      .preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), zCode.nullable())
      .optional(),
  })
  .strict();
export type StockSetInput = z.output<typeof stockSetInput>;

export const stockSet = mutation({
  name: 'stock.set',
  summary:
    'Set counted figures of one product in one warehouse (absent fields unchanged); creates the stock row. ' +
    'On hand may not drop below allocated (stock.belowAllocated).',
  input: stockSetInput,
  result: stockRow,
  access: STOCK_EDITORS,
  tables: ['stock', 'stock_moves'],
});

export const stockMoveKinds = ['receipt', 'issue', 'adjust'] as const;
export const stockMoveInput = z
  .object({
    productId: zId,
    warehouseId: zId,
    kind: z.enum(stockMoveKinds),
    /** receipt / issue: units > 0. adjust: signed change, not 0. */
    quantity: z.number({ error: (iss) => (iss.input == null ? 'v.required' : 'v.quantity') }).int({ error: 'v.quantity' }),
    reference: zOptional(zRequiredText(100)),
  })
  .strict()
  .superRefine((m, ctx) => {
    if (typeof m.quantity !== 'number') return;
    if (m.kind === 'adjust' && m.quantity === 0) ctx.addIssue({ code: 'custom', path: ['quantity'], message: 'stock.adjustZero' });
    if (m.kind !== 'adjust' && m.quantity <= 0) ctx.addIssue({ code: 'custom', path: ['quantity'], message: 'v.quantity' });
  });
export type StockMoveInput = z.output<typeof stockMoveInput>;

export const stockMove = mutation({
  name: 'stock.move',
  summary:
    'Receive, issue or adjust on-hand stock. An issue that would leave less on hand than is allocated is ' +
    'refused (stock.insufficient, with onHand, allocated, available and requested).',
  input: stockMoveInput,
  result: stockRow,
  access: STOCK_EDITORS,
  tables: ['stock', 'stock_moves'],
});

// ---------------------------------------------------------------- search

const searchInput = z
  .object({
    q: z.string().trim().max(100),
    limit: z.number().int().min(1).max(50).default(20),
    includeInactive: z.boolean().default(false),
  })
  .strict();

const customerHit = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  pinyin: z.string(),
  kind: z.enum(customerKinds),
  uscc: z.string().nullable(),
  creditLimit: z.number().int(),
  paymentTermsDays: z.number().int(),
  priceGroupId: z.string().nullable(),
  regionId: z.string().nullable(),
  salesRepId: z.string().nullable(),
  active: z.boolean(),
});
export type CustomerHit = z.output<typeof customerHit>;

const productHit = z.object({
  id: z.string(),
  sku: z.string(),
  name: z.string(),
  spec: z.string().nullable(),
  unit: z.string(),
  listPrice: z.number().int(),
  /** The price group's price when priceGroupId was given and the product has one, else the list price. */
  price: z.number().int(),
  taxRateBp: z.number().int(),
  barcode: z.string().nullable(),
  pinyin: z.string(),
  makeToOrder: z.boolean(),
  /** Σ(on hand − allocated) over all warehouses, or in the warehouse asked for. */
  available: z.number().int(),
  active: z.boolean(),
});
export type ProductHit = z.output<typeof productHit>;

export const searchCustomers = query({
  name: 'search.customers',
  summary:
    'Type-ahead over code, name, USCC and pinyin initials: exact code first, then code prefix, pinyin prefix, text matches.',
  input: searchInput,
  result: z.object({ rows: z.array(customerHit) }),
  access: 'signedIn',
  tables: ['customers'],
});

export const searchProducts = query({
  name: 'search.products',
  summary:
    'Type-ahead over SKU, name, spec, barcode and pinyin initials: exact SKU/barcode first, then SKU prefix, pinyin prefix, text matches.',
  input: searchInput.extend({ priceGroupId: zOptId, warehouseId: zOptId }).strict(),
  result: z.object({ rows: z.array(productHit) }),
  access: 'signedIn',
  tables: ['products', 'product_prices', 'stock'],
});

// ---------------------------------------------------------------- import / export

export const importKinds = ['customers', 'products', 'stock'] as const;
export type ImportKind = (typeof importKinds)[number];
export const fileFormats = ['xlsx', 'csv'] as const;

/** 40 M base64 characters ≈ 30 MB of file, inside the transport's body limit. */
const MAX_BASE64 = 40_000_000;
const importFile = {
  kind: z.enum(importKinds),
  fileName: z.string().trim().min(1).max(255),
  contentBase64: z.string().min(1).max(MAX_BASE64),
  /** Language of the messages in errors and in the rejected-rows file. */
  locale: zLocale,
};

const rowError = z.object({
  /** Spreadsheet row number: the header is row 1, the first data row is 2. */
  row: z.number().int(),
  /** Column key (see import.template), e.g. "mobile". */
  field: z.string(),
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  message: z.string().optional(),
});
export type ImportRowError = z.output<typeof rowError>;

const fileOut = z.object({ fileName: z.string(), contentBase64: z.string() });

export const importPreview = query({
  name: 'import.preview',
  summary:
    'Parse a CSV or .xlsx file of customers, products or stock and validate every row; nothing is written. ' +
    'Returns counts, the first 200 rows and every row error (row number, field, code, message).',
  input: z.object(importFile).strict(),
  result: z.object({
    total: z.number().int(),
    valid: z.number().int(),
    columns: z.array(z.object({ key: z.string(), header: z.string() })),
    unknownColumns: z.array(z.string()),
    /** Up to 200 rows as understood (money in fen, codes as written); action: what commit would do. */
    rows: z.array(
      z.object({
        row: z.number().int(),
        ok: z.boolean(),
        action: z.enum(['create', 'update']),
        data: z.record(z.string(), z.unknown()),
      }),
    ),
    /** Row errors, at most 2,000 (errorCount has them all). */
    errors: z.array(rowError),
    errorCount: z.number().int(),
  }),
  access: ALL_ROLES,
  tables: ['customers', 'products', 'stock', 'regions', 'sales_reps', 'price_groups', 'warehouses', 'bins'],
});

export const importCommit = mutation({
  name: 'import.commit',
  summary:
    'Import a file (parsed again, never trusting a preview) in one transaction; existing codes are updated. ' +
    "mode 'all' refuses the whole file if a row is bad (import.hasErrors); 'validOnly' imports the good rows and " +
    'returns the rejected ones as a CSV with an error column. Progress events carry jobId.',
  input: z
    .object({
      ...importFile,
      mode: z.enum(['all', 'validOnly']).default('all'),
      jobId: z.string().trim().min(1).max(100).optional(),
    })
    .strict(),
  result: z.object({
    imported: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    rejected: z.number().int(),
    rejectedFile: fileOut.nullable(),
  }),
  access: ALL_ROLES,
  tables: ['customers', 'customer_contacts', 'customer_addresses', 'products', 'product_prices', 'stock', 'stock_moves'],
});

export const importTemplate = query({
  name: 'import.template',
  summary: 'An empty import file (header row; .xlsx also has a sheet describing every column).',
  input: z.object({ kind: z.enum(importKinds), format: z.enum(fileFormats).default('xlsx'), locale: zLocale }).strict(),
  result: fileOut,
  access: 'signedIn',
  tables: ['price_groups'],
});

export const exportMasters = query({
  name: 'export.masters',
  summary:
    'Customers, products or stock as .xlsx (typed cells, money in yuan, frozen header) or CSV (UTF-8 with BOM), ' +
    'in the import layout so the file can be edited and imported back.',
  input: z
    .object({
      kind: z.enum(importKinds),
      format: z.enum(fileFormats).default('xlsx'),
      active: activeFilter.default('all'),
      locale: zLocale,
    })
    .strict(),
  result: fileOut.extend({ rows: z.number().int() }),
  access: 'signedIn',
  tables: ['customers', 'customer_contacts', 'customer_addresses', 'products', 'product_prices', 'stock', 'warehouses'],
});

export const mastersHandlers = [
  regionsList,
  regionsSave,
  salesRepsList,
  salesRepsSave,
  carriersList,
  carriersSave,
  priceGroupsList,
  priceGroupsSave,
  customersList,
  customersGet,
  customersSave,
  customersSetActive,
  productsList,
  productsGet,
  productsSave,
  productsSetActive,
  warehousesList,
  warehousesSave,
  stockList,
  stockSet,
  stockMove,
  searchCustomers,
  searchProducts,
  importPreview,
  importCommit,
  importTemplate,
  exportMasters,
] as const;
