import { z } from '../zod';
import { DELIVERY_METHODS } from '../orders/schema';
import { ORDER_STATUSES } from '../orders/status';
import { APPROVERS, ORDER_TAKERS } from '../roles';
import { zIsoDate, zMoneyFen, zPhone, zPostcode, zQuantity, zRequiredText } from '../validators/fields';
import { mutation, query } from './define';

export const HOLD_KINDS = ['credit', 'stock', 'custom_review', 'change_request'] as const;
const holdKind = z.enum(HOLD_KINDS);
const params = z.record(z.string(), z.union([z.string(), z.number()]));
const orderStatus = z.enum(ORDER_STATUSES);

const reason = z.object({
  holdId: z.string(),
  kind: holdKind,
  code: z.string(),
  params,
  createdAt: z.string(),
  awaitingChange: z.boolean(),
  comment: z.string().nullable(),
});
export type HoldReason = z.output<typeof reason>;

const newHold = z.object({ kind: z.string(), code: z.string(), params });

const queueRow = z.object({
  orderId: z.string(),
  number: z.string(),
  status: orderStatus,
  rowVersion: z.number().int(),
  customerId: z.string(),
  customerCode: z.string(),
  customerName: z.string(),
  /** Order total (fen). */
  amount: z.number().int(),
  /** When the oldest open hold (of the listed kind) was raised. */
  since: z.string(),
  ageMinutes: z.number().int(),
  kinds: z.array(holdKind),
  reasons: z.array(reason),
  changedFlag: z.boolean(),
  awaitingChange: z.boolean(),
});
export type QueueRow = z.output<typeof queueRow>;

export const approvalsQueue = query({
  name: 'approvals.queue',
  summary: 'Orders with open holds (optionally of one kind), oldest first by default, with their reasons and counts per kind.',
  input: z
    .object({
      kind: holdKind.optional(),
      sort: z.enum(['age', 'amount', 'customer']).default('age'),
      /** age desc = oldest first; amount desc = largest first; customer asc = A→Z. */
      dir: z.enum(['asc', 'desc']).default('desc'),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(200).default(50),
    })
    .strict(),
  result: z.object({
    /** Orders with at least one open hold, per kind and in all. */
    counts: z.object({ all: z.number().int(), credit: z.number().int(), stock: z.number().int(), custom_review: z.number().int(), change_request: z.number().int() }),
    /** Orders matching the filter (for paging). */
    total: z.number().int(),
    rows: z.array(queueRow),
  }),
  access: APPROVERS,
  tables: ['order_holds', 'orders', 'customers'],
});

const stockCell = z.object({
  warehouseId: z.string(),
  warehouseCode: z.string(),
  warehouseName: z.string(),
  onHand: z.number().int(),
  allocated: z.number().int(),
  available: z.number().int(),
  inTransit: z.number().int(),
  inTransitEta: z.string().nullable(),
});

export const approvalsDetail = query({
  name: 'approvals.detail',
  summary: 'Everything an approver needs for one order: header, lines, open holds, exposure, collection history, stock per warehouse, decisions, change requests.',
  input: z.object({ orderId: z.string().min(1) }).strict(),
  result: z.object({
    order: z.object({
      id: z.string(),
      number: z.string(),
      status: orderStatus,
      rowVersion: z.number().int(),
      revision: z.number().int(),
      customerId: z.string(),
      customerCode: z.string(),
      customerName: z.string(),
      paymentMethod: z.enum(['cash', 'credit']),
      deliveryMethod: z.enum(DELIVERY_METHODS),
      subtotal: z.number().int(),
      taxTotal: z.number().int(),
      total: z.number().int(),
      requestedDate: z.string().nullable(),
      promisedDate: z.string().nullable(),
      submittedAt: z.string().nullable(),
      approvedAt: z.string().nullable(),
      customFlag: z.boolean(),
      customText: z.string().nullable(),
      changedFlag: z.boolean(),
      contactName: z.string(),
      contactPhone: z.string(),
      shipTo: z.string(),
      notes: z.string().nullable(),
    }),
    lines: z.array(
      z.object({
        id: z.string(),
        lineNo: z.number().int(),
        productId: z.string(),
        sku: z.string(),
        name: z.string(),
        quantity: z.number().int(),
        unitPrice: z.number().int(),
        discountBp: z.number().int(),
        total: z.number().int(),
        warehouseId: z.string().nullable(),
        allocatedQty: z.number().int(),
        deliveredQty: z.number().int(),
        cancelledQty: z.number().int(),
        customParams: z.string().nullable(),
      }),
    ),
    holds: z.array(reason),
    exposure: z.object({
      creditLimit: z.number().int(),
      unpaidSettlements: z.number().int(),
      openOrders: z.number().int(),
      thisOrder: z.number().int(),
      total: z.number().int(),
      /** limit − total; negative when over. */
      headroom: z.number().int(),
    }),
    collection: z.object({
      months: z.array(z.object({ month: z.string(), due: z.number().int(), paid: z.number().int() })),
      due: z.number().int(),
      paid: z.number().int(),
      /** null when nothing fell due. */
      rateBp: z.number().int().nullable(),
      thresholdBp: z.number().int(),
    }),
    stock: z.array(z.object({ productId: z.string(), sku: z.string(), need: z.number().int(), warehouses: z.array(stockCell) })),
    decisions: z.array(
      z.object({
        id: z.string(),
        holdId: z.string().nullable(),
        decision: z.string(),
        comment: z.string().nullable(),
        decidedAt: z.string(),
        decidedBy: z.string(),
      }),
    ),
    changeRequests: z.array(
      z.object({
        id: z.string(),
        status: z.enum(['open', 'approved', 'rejected']),
        baseRevision: z.number().int(),
        amountDelta: z.number().int(),
        diff: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown(), line: z.number().optional(), sku: z.string().optional() })),
        requestedBy: z.string(),
        requestedAt: z.string(),
        comment: z.string().nullable(),
      }),
    ),
    confirmations: z.array(z.object({ channel: z.string(), person: z.string(), confirmedAt: z.string(), text: z.string(), recordedBy: z.string(), recordedAt: z.string() })),
    versions: z.array(z.object({ revision: z.number().int(), diff: z.array(z.unknown()).nullable(), reason: z.string().nullable(), createdAt: z.string() })),
    /** The signed-in user's authority (fen), null = unlimited. */
    myLimit: z.number().int().nullable(),
  }),
  access: APPROVERS,
  tables: ['orders', 'order_lines', 'order_holds', 'approval_decisions', 'change_requests', 'customer_confirmations', 'settlements', 'stock', 'customers', 'order_versions'],
});

export const CONFIRMATION_CHANNELS = ['phone', 'email', 'wechat', 'in_person'] as const;

export const confirmationInput = z
  .object({
    channel: z.enum(CONFIRMATION_CHANNELS),
    person: zRequiredText(40),
    /** When the customer confirmed (ISO instant or date). */
    /** When the customer confirmed: an ISO date-time or "YYYY-MM-DD HH:mm" (desk time). */
    confirmedAt: z
      .string()
      .trim()
      .regex(/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/, { error: 'v.dateTime' }),
    text: zRequiredText(1000),
  })
  .strict();

export const DECISIONS = ['release', 'reject', 'ask_change', 'approve_change', 'reject_change'] as const;

const decisionResult = z.object({
  status: orderStatus,
  rowVersion: z.number().int(),
  /** Open holds left on the order. */
  openHolds: z.number().int(),
  /** Holds raised again by this decision (e.g. stock sold meanwhile). */
  holds: z.array(newHold),
});

export const approvalsDecide = mutation({
  name: 'approvals.decide',
  summary:
    'Release, reject (cancels the order) or ask for a change on holds; approve/reject a change request. Refused when the order changed since it was read, or beyond the decider\u2019s authority.',
  input: z
    .object({
      orderId: z.string().min(1),
      rowVersion: z.number().int(),
      /** Default: every open hold the decision applies to. */
      holdIds: z.array(z.string().min(1)).min(1).max(50).optional(),
      decision: z.enum(DECISIONS),
      comment: z.string().trim().max(500).default(''),
      /** Required to release a custom-review hold (double sign-off). */
      confirmation: confirmationInput.optional(),
    })
    .strict(),
  result: decisionResult,
  access: APPROVERS,
  tables: ['orders', 'order_lines', 'order_holds', 'approval_decisions', 'customer_confirmations', 'change_requests', 'stock', 'order_status_history', 'order_versions'],
});

const lifecycleResult = z.object({
  status: orderStatus,
  rowVersion: z.number().int(),
  /** Units reserved (+) or released (−) by this call. */
  allocationChange: z.number().int(),
  holds: z.array(newHold),
});

export const ordersClose = mutation({
  name: 'orders.close',
  summary: 'Close an order that will not ship further; its reservations are released.',
  input: z.object({ orderId: z.string().min(1), rowVersion: z.number().int(), reason: zRequiredText(200) }).strict(),
  result: lifecycleResult,
  access: APPROVERS,
  tables: ['orders', 'order_lines', 'stock', 'order_status_history', 'order_holds', 'change_requests'],
});

export const ordersReopen = mutation({
  name: 'orders.reopen',
  summary: 'Reopen a closed order: it is approved again and reserves what it still owes, or goes on hold for stock.',
  input: z.object({ orderId: z.string().min(1), rowVersion: z.number().int(), reason: zRequiredText(200) }).strict(),
  result: lifecycleResult,
  access: APPROVERS,
  tables: ['orders', 'order_lines', 'stock', 'order_status_history', 'order_holds'],
});

export const ordersCancelLine = mutation({
  name: 'orders.cancelLine',
  summary: 'Pre-close part of a line (it will not be delivered), with a reason; its reservation shrinks accordingly.',
  input: z
    .object({ orderId: z.string().min(1), rowVersion: z.number().int(), lineId: z.string().min(1), quantity: zQuantity, reason: zRequiredText(200) })
    .strict(),
  result: z.object({ rowVersion: z.number().int(), cancelledQty: z.number().int(), allocationChange: z.number().int() }),
  access: ORDER_TAKERS,
  tables: ['orders', 'order_lines', 'stock'],
});

const nullableText = (max: number) => z.string().trim().max(max).nullable();

export const amendHeader = z
  .object({
    contactName: zRequiredText(40).optional(),
    contactPhone: zPhone.optional(),
    shipRecipient: zRequiredText(40).optional(),
    shipPhone: zPhone.optional(),
    shipProvince: zRequiredText(40).optional(),
    shipCity: zRequiredText(40).optional(),
    shipDistrict: zRequiredText(40).optional(),
    shipStreet: zRequiredText(200).optional(),
    shipPostcode: zPostcode.nullable().optional(),
    billTo: nullableText(200).optional(),
    requestedDate: zIsoDate.nullable().optional(),
    promisedDate: zIsoDate.nullable().optional(),
    notes: nullableText(500).optional(),
    customText: nullableText(1000).optional(),
    customerPo: nullableText(40).optional(),
    paymentMethod: z.enum(['cash', 'credit']).optional(),
    deliveryMethod: z.enum(DELIVERY_METHODS).optional(),
    /** Custom requirements (needs customText); a change to them is reviewed and confirmed again. */
    customRequired: z.boolean().optional(),
  })
  .strict();

export const amendLine = z
  .object({
    id: z.string().min(1).optional(),
    productId: z.string().min(1).optional(),
    quantity: zQuantity,
    unitPrice: zMoneyFen.optional(),
    discountBp: z.number().int().min(0).max(10_000).optional(),
    warehouseId: z.string().min(1).nullable().optional(),
    customParams: nullableText(500).optional(),
  })
  .strict();

const diffEntry = z.object({ field: z.string(), before: z.unknown(), after: z.unknown(), line: z.number().optional(), sku: z.string().optional() });

export const ordersAmend = mutation({
  name: 'orders.amend',
  summary:
    'Change a submitted order. Inside the change window (or a small change) it applies at once as a new revision and is reviewed again; otherwise it becomes a change request in the approval queue.',
  input: z
    .object({
      orderId: z.string().min(1),
      rowVersion: z.number().int(),
      header: amendHeader.optional(),
      /** The complete new list of lines (existing ones by id); omit to keep the lines. */
      lines: z.array(amendLine).min(1).max(500).optional(),
      reason: z.string().trim().max(200).default(''),
    })
    .strict(),
  result: z.object({
    /** window: applied inside the change window; small_change: applied under small-change authority; change_request: queued. */
    outcome: z.enum(['window', 'small_change', 'change_request']),
    status: orderStatus,
    rowVersion: z.number().int(),
    revision: z.number().int(),
    diff: z.array(diffEntry),
    amountDelta: z.number().int(),
    changeRequestId: z.string().nullable(),
    holds: z.array(newHold),
  }),
  access: ORDER_TAKERS,
  tables: ['orders', 'order_lines', 'order_versions', 'order_holds', 'change_requests', 'stock', 'order_status_history'],
});

export const reviewHandlers = [approvalsQueue, approvalsDetail, approvalsDecide, ordersClose, ordersReopen, ordersCancelLine, ordersAmend] as const;
