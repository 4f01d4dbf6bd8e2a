/**
 * The order document: one shape for the entry screen, the draft store and submit.
 *
 * - orderDraftSchema is lenient: every text field takes whatever the clerk typed (only lengths are
 *   bounded), so an autosave never loses a half-typed phone or date. The customer is the only
 *   required field (the first field on the entry screen).
 * - orderSubmitSchema is the full rule set (address and phone required, valid phone / postcode /
 *   dates, quantities > 0, at least one line). The renderer runs its field schemas as the clerk
 *   leaves a field; the main process runs the whole schema on the stored order at submit, so the
 *   field error paths (shipTo.phone, lines.2.quantity) are the same on both sides.
 */
import { z } from '../zod';
import { zIsoDate, zMoneyFen, zOptional, zPhone, zPostcode, zQuantity, zRequiredText } from '../validators';

export const ORDER_CHANNELS = ['store', 'online', 'phone', 'wholesale'] as const;
export type OrderChannel = (typeof ORDER_CHANNELS)[number];
export const ORDER_TYPES = ['retail', 'wholesale'] as const;
export type OrderType = (typeof ORDER_TYPES)[number];
export const ORDER_PRIORITIES = ['urgent', 'regular'] as const;
export type OrderPriority = (typeof ORDER_PRIORITIES)[number];
/** How the goods reach the customer: own van, customer pick-up, courier parcel, freight. */
export const DELIVERY_METHODS = ['delivery', 'pickup', 'courier', 'freight'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];
export const PAYMENT_METHODS = ['cash', 'credit'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** Field lengths (characters), shared by both schemas and the entry screen's inputs. */
export const ORDER_LIMITS = {
  name: 40,
  phone: 40,
  province: 20,
  city: 20,
  district: 30,
  street: 200,
  postcode: 10,
  billTo: 200,
  customerPo: 40,
  date: 10,
  notes: 1000,
  customText: 1000,
  customParams: 500,
  lines: 500,
  termsDays: 365,
} as const;

const zId = z.string().trim().min(1).max(64);

/** Optional text in a draft: blank → undefined, else trimmed and bounded. */
function draftText(max: number) {
  return zOptional(z.string().trim().max(max));
}

const zDiscountBp = z
  .number({ error: (iss) => (iss.input == null ? 'v.required' : 'v.type') })
  .int()
  .min(0)
  .max(10_000);

const zTermsDays = z.number().int().min(0).max(ORDER_LIMITS.termsDays);

/** Draft quantity: a non-negative integer, or absent while the clerk has not typed it yet. */
const zDraftQuantity = zOptional(
  z.number({ error: 'v.quantity' }).refine((n) => Number.isSafeInteger(n) && n >= 0, { error: 'v.quantity' }),
);

// ---------------------------------------------------------------------------------------------
// Draft (lenient)

export const draftContactSchema = z.object({
  name: draftText(ORDER_LIMITS.name),
  phone: draftText(ORDER_LIMITS.phone),
});

export const draftShipToSchema = z.object({
  /** A customer address the fields were taken from; blank fields are filled from it. */
  addressId: zOptional(zId),
  recipient: draftText(ORDER_LIMITS.name),
  phone: draftText(ORDER_LIMITS.phone),
  province: draftText(ORDER_LIMITS.province),
  city: draftText(ORDER_LIMITS.city),
  district: draftText(ORDER_LIMITS.district),
  street: draftText(ORDER_LIMITS.street),
  postcode: draftText(ORDER_LIMITS.postcode),
});

export const draftLineSchema = z.object({
  productId: zId,
  /** Spec or custom parameters agreed with the customer for this line. */
  customParams: draftText(ORDER_LIMITS.customParams),
  quantity: zDraftQuantity,
  /**
   * Tax-exclusive unit price in fen before the line discount. Absent: the customer's price-group
   * price, else the list price (resolved by the mutator at every save).
   */
  unitPrice: zOptional(zMoneyFen),
  discountBp: zDiscountBp.default(0),
  /** Absent: the order's warehouse. */
  warehouseId: zOptional(zId),
});

const headerDraftShape = {
  customerId: zId,
  contact: draftContactSchema.prefault({}),
  shipTo: draftShipToSchema.prefault({}),
  billTo: draftText(ORDER_LIMITS.billTo),
  customerPo: draftText(ORDER_LIMITS.customerPo),
  channel: z.enum(ORDER_CHANNELS).default('phone'),
  orderType: z.enum(ORDER_TYPES).default('retail'),
  priority: z.enum(ORDER_PRIORITIES).default('regular'),
  deliveryMethod: z.enum(DELIVERY_METHODS).default('delivery'),
  paymentMethod: z.enum(PAYMENT_METHODS).default('cash'),
  paymentTermsDays: zTermsDays.default(0),
  requestedDate: draftText(ORDER_LIMITS.date),
  promisedDate: draftText(ORDER_LIMITS.date),
  notes: draftText(ORDER_LIMITS.notes),
  /** The order carries custom requirements (custom review before release). */
  customRequired: z.boolean().default(false),
  customText: draftText(ORDER_LIMITS.customText),
  warehouseId: zOptional(zId),
};

export const orderDraftSchema = z.object({
  ...headerDraftShape,
  lines: z.array(draftLineSchema).max(ORDER_LIMITS.lines).default([]),
});
export type OrderDraftInput = z.input<typeof orderDraftSchema>;
export type OrderDraft = z.output<typeof orderDraftSchema>;
export type OrderDraftLine = z.output<typeof draftLineSchema>;

// ---------------------------------------------------------------------------------------------
// Submit (full rule set)

export const submitContactSchema = z.object({
  name: zOptional(zRequiredText(ORDER_LIMITS.name)),
  phone: zOptional(zPhone),
});

export const submitShipToSchema = z.object({
  addressId: zOptional(zId),
  recipient: zRequiredText(ORDER_LIMITS.name),
  phone: zPhone,
  province: zRequiredText(ORDER_LIMITS.province),
  city: zRequiredText(ORDER_LIMITS.city),
  district: zRequiredText(ORDER_LIMITS.district),
  street: zRequiredText(ORDER_LIMITS.street),
  postcode: zOptional(zPostcode),
});

export const submitLineSchema = z.object({
  productId: zId,
  customParams: draftText(ORDER_LIMITS.customParams),
  quantity: zQuantity,
  unitPrice: zOptional(zMoneyFen),
  discountBp: zDiscountBp.default(0),
  warehouseId: zOptional(zId),
});

const submitObject = z.object({
  ...headerDraftShape,
  contact: submitContactSchema.prefault({}),
  // A missing ship-to reports each of its required fields, not one error for the whole object.
  shipTo: submitShipToSchema.prefault({} as z.input<typeof submitShipToSchema>),
  requestedDate: zOptional(zIsoDate),
  promisedDate: zOptional(zIsoDate),
  lines: z.array(submitLineSchema).min(1, { error: 'order.noLines' }).max(ORDER_LIMITS.lines),
});

// Cross-field rules run even when other fields fail (`when`), so the clerk sees every problem at
// once — as long as the fields they read passed (their issues are already in the payload: looking
// there costs nothing, parsing the two fields again cost two more parses per submit).
const readsValid =
  (...fields: string[]) =>
  (payload: { issues: readonly { path?: readonly PropertyKey[] }[] }) =>
    !payload.issues.some((issue) => fields.includes(String(issue.path?.[0])));

export const orderSubmitSchema = submitObject
  .refine((doc) => !doc.customRequired || !!doc.customText, {
    path: ['customText'],
    error: 'order.customTextRequired',
    when: readsValid('customRequired', 'customText'),
  })
  .refine((doc) => doc.paymentMethod === 'credit' || doc.paymentTermsDays === 0, {
    path: ['paymentTermsDays'],
    error: 'order.termsNeedCredit',
    when: readsValid('paymentMethod', 'paymentTermsDays'),
  });
export type OrderSubmitInput = z.input<typeof orderSubmitSchema>;
export type OrderSubmit = z.output<typeof orderSubmitSchema>;

/**
 * Field schemas for the entry screen, by the same dotted paths the server reports
 * (validate a field as the clerk leaves it: `orderFieldSchemas['shipTo.phone'].safeParse(text)`).
 */
export const orderFieldSchemas = {
  'contact.name': submitContactSchema.shape.name,
  'contact.phone': submitContactSchema.shape.phone,
  'shipTo.recipient': submitShipToSchema.shape.recipient,
  'shipTo.phone': submitShipToSchema.shape.phone,
  'shipTo.province': submitShipToSchema.shape.province,
  'shipTo.city': submitShipToSchema.shape.city,
  'shipTo.district': submitShipToSchema.shape.district,
  'shipTo.street': submitShipToSchema.shape.street,
  'shipTo.postcode': submitShipToSchema.shape.postcode,
  billTo: draftText(ORDER_LIMITS.billTo),
  customerPo: draftText(ORDER_LIMITS.customerPo),
  requestedDate: zOptional(zIsoDate),
  promisedDate: zOptional(zIsoDate),
  notes: draftText(ORDER_LIMITS.notes),
  customText: draftText(ORDER_LIMITS.customText),
  paymentTermsDays: zTermsDays,
  'lines.quantity': zQuantity,
  'lines.unitPrice': zOptional(zMoneyFen),
  'lines.discountBp': zDiscountBp,
  'lines.customParams': draftText(ORDER_LIMITS.customParams),
} as const;
