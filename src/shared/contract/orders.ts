import { z } from '../zod';
import { ORDER_TAKERS } from '../roles';
import { ORDER_STATUSES } from '../orders/status';
import { DELIVERY_METHODS, ORDER_CHANNELS, ORDER_PRIORITIES, ORDER_TYPES, PAYMENT_METHODS, orderDraftSchema } from '../orders/schema';
import { zIsoDate, zOptional } from '../validators';
import { mutation, query } from './define';

const zId = z.string().trim().min(1).max(64);
const int = z.number().int();

const totals = z.object({ subtotal: int, taxTotal: int, total: int });

const fieldIssue = z.object({
  path: z.string(),
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  message: z.string().optional(),
});

const savedLine = z.object({
  lineNo: int,
  productId: z.string(),
  sku: z.string(),
  name: z.string(),
  unit: z.string(),
  /** 0 while the clerk has not typed it. */
  quantity: int,
  listPrice: int,
  /** Customer's price-group price, else list price: what the discount limit is measured against. */
  referencePrice: int,
  unitPrice: int,
  priceManual: z.boolean(),
  discountBp: int,
  taxRateBp: int,
  amount: int,
  tax: int,
  total: int,
});

export const ordersSaveDraft = mutation({
  name: 'orders.saveDraft',
  summary:
    'Create or update a draft from the whole order document (autosave). Prices, amounts and totals are computed ' +
    'here; a stale rowVersion is refused (conflict.stale). issues lists what submit will refuse (e.g. a discount ' +
    'beyond the role\u2019s limit) without refusing the save.',
  input: orderDraftSchema.extend({
    /** Absent: new draft. An id the store does not hold (made by the screen) also creates: retries are safe. */
    id: zId.optional(),
    /** The row_version last seen; required when the draft exists. */
    rowVersion: int.min(0).optional(),
  }),
  result: z.object({
    id: z.string(),
    number: z.string(),
    status: z.literal('draft'),
    rowVersion: int,
    created: z.boolean(),
    totals,
    lines: z.array(savedLine),
    issues: z.array(fieldIssue),
  }),
  access: ORDER_TAKERS,
  tables: ['orders', 'order_lines', 'counters'],
});

const duplicateMatch = z.object({
  id: z.string(),
  number: z.string(),
  status: z.string(),
  reason: z.enum(['lines', 'po']),
  submittedAt: z.string().nullable(),
  total: int,
  customerPo: z.string().nullable(),
});

const reviewHold = z.object({
  kind: z.string(),
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});

export const ordersSubmit = mutation({
  name: 'orders.submit',
  summary:
    'Submit a draft: full validation (field errors), discount limit, duplicate check (order.duplicate unless ' +
    'confirmDuplicate), draft \u2192 submitted, then review (credit / stock / custom).',
  input: z
    .object({ id: zId, rowVersion: int.min(0), confirmDuplicate: z.boolean().optional() })
    .strict(),
  result: z.object({
    id: z.string(),
    number: z.string(),
    status: z.enum(ORDER_STATUSES),
    rowVersion: int,
    customFlag: z.boolean(),
    duplicateConfirmed: z.boolean(),
    duplicates: z.array(duplicateMatch),
    holds: z.array(reviewHold),
  }),
  access: ORDER_TAKERS,
  tables: ['orders', 'order_lines', 'order_status_history'],
});

export const ordersCancel = mutation({
  name: 'orders.cancel',
  summary:
    'Cancel an order the lifecycle lets go (draft, submitted, on hold, approved or allocated before picking) with ' +
    'a reason; reserved stock is released, open holds and change requests end.',
  input: z
    .object({
      id: zId,
      rowVersion: int.min(0),
      reason: z.string().trim().min(1, { error: 'order.cancelReasonRequired' }).max(500),
    })
    .strict(),
  result: z.object({ id: z.string(), number: z.string(), status: z.literal('cancelled'), rowVersion: int }),
  access: ORDER_TAKERS,
  tables: ['orders', 'order_status_history'],
});

const stockFigures = z.object({
  onHand: int,
  allocated: int,
  /** on hand − allocated */
  available: int,
  inTransit: int,
  inTransitEta: z.string().nullable(),
  safetyStock: int,
});

const shipTo = z.object({
  addressId: z.string().nullable(),
  recipient: z.string(),
  phone: z.string(),
  province: z.string(),
  city: z.string(),
  district: z.string(),
  street: z.string(),
  postcode: z.string().nullable(),
});

export const orderHeader = z.object({
  id: z.string(),
  number: z.string(),
  deskCode: z.string(),
  status: z.enum(ORDER_STATUSES),
  rowVersion: int,
  revision: int,
  customer: z.object({ id: z.string(), code: z.string(), name: z.string(), namePinyin: z.string() }),
  channel: z.enum(ORDER_CHANNELS),
  orderType: z.enum(ORDER_TYPES),
  priority: z.enum(ORDER_PRIORITIES),
  deliveryMethod: z.enum(DELIVERY_METHODS),
  paymentMethod: z.enum(PAYMENT_METHODS),
  paymentTermsDays: int,
  customerPo: z.string().nullable(),
  contactName: z.string(),
  contactPhone: z.string(),
  billTo: z.string().nullable(),
  shipTo,
  regionId: z.string().nullable(),
  warehouse: z.object({ id: z.string(), code: z.string(), name: z.string() }).nullable(),
  salesRepId: z.string().nullable(),
  requestedDate: z.string().nullable(),
  promisedDate: z.string().nullable(),
  notes: z.string().nullable(),
  customText: z.string().nullable(),
  customFlag: z.boolean(),
  changedFlag: z.boolean(),
  duplicateConfirmed: z.boolean(),
  subtotal: int,
  taxTotal: int,
  total: int,
  lineCount: int,
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  paidAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
});
export type OrderHeader = z.output<typeof orderHeader>;

export const orderLineDetail = z.object({
  id: z.string(),
  lineNo: int,
  productId: z.string(),
  sku: z.string(),
  name: z.string(),
  spec: z.string().nullable(),
  customParams: z.string().nullable(),
  unit: z.string(),
  quantity: int,
  listPrice: int,
  unitPrice: int,
  priceManual: z.boolean(),
  discountBp: int,
  taxRateBp: int,
  amount: int,
  tax: int,
  total: int,
  /** The line's own warehouse, else the order's. */
  warehouseId: z.string().nullable(),
  allocatedQty: int,
  deliveredQty: int,
  cancelledQty: int,
  /** Stock of the product in the line's warehouse; null without a warehouse. */
  stock: stockFigures.nullable(),
});
export type OrderLineDetail = z.output<typeof orderLineDetail>;

const auditEntry = z.object({
  id: z.string(),
  at: z.string(),
  /** The user name as it was when the row was written. */
  username: z.string().nullable(),
  /** That user's display name now (null for a user no longer on this desk). */
  displayName: z.string().nullable(),
  handler: z.string(),
  /** Plain English; the screens show code + params (translated) and fall back to it for older rows. */
  summary: z.string().nullable(),
  /** Message code of the entry (audit.order.submitted, …); null on rows written before codes. */
  code: z.string().nullable(),
  /** Params of the message (order number, reason, counts, …). */
  params: z.record(z.string(), z.union([z.string(), z.number()])).nullable(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});

export const ordersGet = query({
  name: 'orders.get',
  summary:
    'One order: header, lines with stock in their warehouse, status history, versions, holds, the audit timeline, ' +
    'and `document` (the saveDraft shape, to reload the entry screen).',
  input: z.object({ id: zId }).strict(),
  result: z.object({
    order: orderHeader,
    lines: z.array(orderLineDetail),
    totals,
    history: z.array(
      z.object({
        id: z.string(),
        fromStatus: z.string().nullable(),
        toStatus: z.string(),
        at: z.string(),
        userId: z.string().nullable(),
        username: z.string().nullable(),
        displayName: z.string().nullable(),
        reason: z.string().nullable(),
      }),
    ),
    versions: z.array(
      z.object({
        id: z.string(),
        revision: int,
        reason: z.string().nullable(),
        createdAt: z.string(),
        createdBy: z.string().nullable(),
        diff: z.unknown().nullable(),
      }),
    ),
    holds: z.array(
      z.object({
        id: z.string(),
        kind: z.string(),
        code: z.string(),
        params: z.record(z.string(), z.unknown()),
        status: z.string(),
        createdAt: z.string(),
        decidedAt: z.string().nullable(),
        comment: z.string().nullable(),
      }),
    ),
    audit: z.array(auditEntry),
    document: orderDraftSchema,
  }),
  access: 'signedIn',
  tables: ['orders', 'order_lines', 'order_status_history', 'order_versions', 'order_holds', 'stock', 'audit_log'],
});

export const ORDER_LIST_SORTS = ['created_desc', 'created_asc', 'number_desc', 'number_asc', 'total_desc', 'total_asc'] as const;
export type OrderListSort = (typeof ORDER_LIST_SORTS)[number];

export const orderListRow = z.object({
  id: z.string(),
  number: z.string(),
  status: z.enum(ORDER_STATUSES),
  customerId: z.string(),
  customerCode: z.string(),
  customerName: z.string(),
  channel: z.enum(ORDER_CHANNELS),
  orderType: z.enum(ORDER_TYPES),
  priority: z.enum(ORDER_PRIORITIES),
  paymentMethod: z.enum(PAYMENT_METHODS),
  total: int,
  lineCount: int,
  shipRecipient: z.string(),
  shipCity: z.string(),
  regionId: z.string().nullable(),
  createdAt: z.string(),
  submittedAt: z.string().nullable(),
  requestedDate: z.string().nullable(),
  promisedDate: z.string().nullable(),
  customFlag: z.boolean(),
  changedFlag: z.boolean(),
  duplicateConfirmed: z.boolean(),
});
export type OrderListRow = z.output<typeof orderListRow>;

export const ordersList = query({
  name: 'orders.list',
  summary:
    'The orders list, one page at a time. q finds order number (prefix), customer code / name / pinyin, phone, SKU ' +
    'and customer PO; filters by status, order date (desk time zone, inclusive), region, type, channel, customer, ' +
    'and (mine) orders the signed-in user created. ' +
    'total is exact up to 10,000 matches (all orders: always exact); beyond, totalIsEstimate is true.',
  input: z
    .object({
      q: zOptional(z.string().trim().max(100)),
      status: z.array(z.enum(ORDER_STATUSES)).max(ORDER_STATUSES.length).optional(),
      from: zOptional(zIsoDate),
      to: zOptional(zIsoDate),
      regionId: zOptional(zId),
      type: z.enum(ORDER_TYPES).optional(),
      channel: z.enum(ORDER_CHANNELS).optional(),
      customerId: zOptional(zId),
      /** Only orders the signed-in user created (their drafts to resume, say). */
      mine: z.boolean().optional(),
      offset: int.min(0).default(0),
      limit: int.min(1).max(500).default(100),
      sort: z.enum(ORDER_LIST_SORTS).default('created_desc'),
    })
    .strict(),
  result: z.object({
    rows: z.array(orderListRow),
    total: int,
    totalIsEstimate: z.boolean(),
    offset: int,
  }),
  access: 'signedIn',
  tables: ['orders', 'customers'],
});

export const ordersStockForLines = query({
  name: 'orders.stockForLines',
  summary:
    'Stock per product in a warehouse (all warehouses summed when none is given) for inline stock on the entry ' +
    'screen: on hand, allocated, available, in transit with its ETA; elsewhereAvailable is what other warehouses have.',
  input: z
    .object({
      productIds: z.array(zId).min(1).max(500),
      warehouseId: zOptional(zId),
    })
    .strict(),
  result: z.object({
    rows: z.array(
      stockFigures.extend({
        productId: z.string(),
        warehouseId: z.string().nullable(),
        elsewhereAvailable: int,
      }),
    ),
  }),
  access: 'signedIn',
  tables: ['stock'],
});

export const ordersSuggestions = query({
  name: 'orders.suggestions',
  summary:
    'Frequently bought together: products that recent order history (last 20,000 order lines) most often puts ' +
    'in the same order as the given ones; score = number of such orders. Products already given are left out.',
  input: z
    .object({
      productIds: z.array(zId).max(200),
      /** The order being entered (its own lines are not history). */
      orderId: zOptional(zId),
      limit: int.min(1).max(20).default(5),
    })
    .strict(),
  result: z.object({
    rows: z.array(
      z.object({
        productId: z.string(),
        sku: z.string(),
        name: z.string(),
        spec: z.string().nullable(),
        unit: z.string(),
        listPrice: int,
        score: int,
      }),
    ),
  }),
  access: ORDER_TAKERS,
  tables: ['order_lines', 'products'],
});

export const ordersCheckDuplicates = query({
  name: 'orders.checkDuplicates',
  summary:
    'Read-only duplicate pre-check: earlier orders of the customer with the same lines within the duplicate window, ' +
    'or with the same customer PO. Pass a stored order id, or the customer, PO and lines being typed.',
  input: z
    .object({
      id: zOptional(zId),
      customerId: zOptional(zId),
      customerPo: zOptional(z.string().trim().max(40)),
      lines: z
        .array(z.object({ productId: zId, quantity: z.number().int().min(0).nullish() }))
        .max(500)
        .optional(),
    })
    .strict()
    .refine((v) => !!v.id || !!v.customerId, { error: 'v.required', path: ['customerId'] }),
  result: z.object({ duplicates: z.array(duplicateMatch), windowMinutes: int }),
  access: ORDER_TAKERS,
  tables: ['orders', 'order_lines'],
});

export const ordersHandlers = [
  ordersSaveDraft,
  ordersSubmit,
  ordersCancel,
  ordersGet,
  ordersList,
  ordersStockForLines,
  ordersSuggestions,
  ordersCheckDuplicates,
] as const;
