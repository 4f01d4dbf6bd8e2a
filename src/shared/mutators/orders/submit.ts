/**
 * orders.submit: draft → submitted. The stored draft is validated with the full schema (field
 * errors carry the entry screen's paths), checked against the submitter's discount limit and for
 * duplicates, then moved on with its status history and handed to the review module (credit /
 * stock / custom review) in the same transaction. No version row: revision 0, the order as
 * submitted, is written by its first change (review/amend.ts), since most orders never change.
 */
import { precompiled, updateRow } from '../../db/precompiled';
import { DeskError, type FieldError } from '../../errors';
import { lineAmounts, sumTotals } from '../../money';
import { findDuplicates, type DuplicateMatch } from '../../orders/duplicates';
import { discountIssues } from '../../orders/pricing';
import { encodeReason } from '../../orders/reasons';
import { orderSubmitSchema } from '../../orders/schema';
import { buildSearchText } from '../../orders/search-text';
import { assertTransition } from '../../orders/state-machine';
import type { OrderStatus } from '../../orders/status';
import { applyDecision, decideReview, type ReviewHold, type ReviewedOrder } from '../../review/route';
import { insertHistory } from '../../review/status';
import { issuesToFieldErrors } from '../../validation';
import type { AuditEntry, Mutator } from '../env';
import { readSettings } from '../settings';
import { assertRowVersion, groupPricesOf, loadOrder, toDocument } from './records';

export interface SubmitArgs {
  id: string;
  rowVersion: number;
  /** The clerk saw the duplicate warning and submits anyway (recorded in the audit trail). */
  confirmDuplicate?: boolean;
}

export interface SubmitResult {
  id: string;
  number: string;
  /** After review: submitted, on_hold or approved (whatever the review module decided). */
  status: OrderStatus;
  rowVersion: number;
  customFlag: boolean;
  duplicateConfirmed: boolean;
  duplicates: DuplicateMatch[];
  holds: ReviewHold[];
}

const customerOf = precompiled<{ id: string }>()((db, arg) =>
  db.selectFrom('customers').select(['id', 'code', 'name', 'name_pinyin', 'active', 'price_group_id']).where('id', '=', arg('id')),
);
const productsActive = precompiled<{ ids: string[] }>()((db, arg) => db.selectFrom('products').select(['id', 'sku', 'active']).where('id', 'in', arg('ids')));

export const submitOrder: Mutator<SubmitArgs, SubmitResult> = async (tx, args, env) => {
  const { order, lines } = await loadOrder(tx, args.id);
  assertRowVersion(order, args.rowVersion);
  assertTransition(order.status, 'submitted');

  // 1. The full rule set on what is stored.
  const parsed = orderSubmitSchema.safeParse(toDocument(order, lines));
  const fields: FieldError[] = parsed.success ? [] : issuesToFieldErrors(parsed.error.issues);

  const customer = await customerOf.first(tx, { id: order.customer_id });
  if (!customer) throw new DeskError('order.notFound', { id: order.id });
  if (!customer.active) fields.push({ path: 'customerId', code: 'order.customerInactive', params: { code: customer.code } });

  const productIds = [...new Set(lines.map((l) => l.product_id))];
  const groupPrices = new Map<string, number>();
  if (productIds.length) {
    const products = await productsActive.rows(tx, { ids: productIds });
    const inactive = new Set(products.filter((p) => !p.active).map((p) => p.id));
    lines.forEach((l, i) => {
      if (inactive.has(l.product_id)) fields.push({ path: `lines.${i}.productId`, code: 'order.productInactive', params: { sku: l.sku } });
    });
    if (customer.price_group_id) {
      const prices = await groupPricesOf.rows(tx, { groupId: customer.price_group_id, productIds });
      for (const p of prices) groupPrices.set(p.product_id, p.price);
    }
  }

  // 2. The submitter's discount authority (a manager may submit what a clerk could not).
  const settings = await readSettings(tx);
  const limitBp = env.role ? settings.discountLimitsBp[env.role] : 0;
  fields.push(
    ...discountIssues(
      lines.map((l) => ({
        referencePrice: groupPrices.get(l.product_id) ?? l.list_price,
        unitPrice: l.unit_price,
        discountBp: l.discount_bp,
        priceManual: l.price_manual === 1,
        quantity: l.quantity,
      })),
      limitBp,
      env.role,
    ),
  );
  if (fields.length || !parsed.success) {
    throw new DeskError('validation.failed', { count: fields.length }, { fields });
  }
  const doc = parsed.data;

  // 3. Duplicates: same lines within the window, or the same customer PO.
  const duplicates = await findDuplicates(tx, {
    orderId: order.id,
    customerId: order.customer_id,
    customerPo: order.customer_po,
    lines: lines.map((l) => ({ productId: l.product_id, quantity: l.quantity })),
    now: env.now,
    windowMinutes: settings.duplicateWindowMinutes,
  });
  if (duplicates.length && !args.confirmDuplicate) {
    const reasons = [...new Set(duplicates.map((d) => d.reason))].sort().join(',');
    throw new DeskError(
      'order.duplicate',
      { numbers: duplicates.map((d) => d.number).join(', '), count: duplicates.length, reason: reasons },
      { status: 409 },
    );
  }
  const duplicateConfirmed = duplicates.length > 0;

  // 4. Amounts are recomputed from the lines (the totals always equal their sum).
  const amounts = lines.map((l) =>
    lineAmounts({ quantity: l.quantity, unitPrice: l.unit_price, discountBp: l.discount_bp, taxRateBp: l.tax_rate_bp }),
  );
  const totals = sumTotals(amounts);
  for (const [i, l] of lines.entries()) {
    const a = amounts[i];
    if (a.amount !== l.amount || a.tax !== l.tax || a.total !== l.total) {
      await tx.updateTable('order_lines').set({ amount: a.amount, tax: a.tax, total: a.total }).where('id', '=', l.id).execute();
    }
  }
  // Lines without their own warehouse take the order's from now on (allocation reads the line).
  if (order.warehouse_id && lines.some((l) => !l.warehouse_id)) {
    await tx
      .updateTable('order_lines')
      .set({ warehouse_id: order.warehouse_id })
      .where('order_id', '=', order.id)
      .where('warehouse_id', 'is', null)
      .execute();
    for (const l of lines) l.warehouse_id ??= order.warehouse_id;
  }

  const customFlag = doc.customRequired || lines.some((l) => !!l.custom_params);
  const contactPhone = doc.contact.phone ?? '';
  const shipPhone = doc.shipTo.phone;
  const patch = {
    status: 'submitted' as const,
    row_version: order.row_version + 1,
    updated_at: env.now,
    submitted_at: env.now,
    contact_phone: contactPhone,
    ship_phone: shipPhone,
    custom_flag: customFlag ? 1 : 0,
    duplicate_confirmed: duplicateConfirmed ? 1 : 0,
    subtotal: totals.subtotal,
    tax_total: totals.taxTotal,
    total: totals.total,
    line_count: lines.length,
  };
  const searchText = buildSearchText({
    number: order.number,
    customerCode: customer.code,
    customerName: customer.name,
    customerPinyin: customer.name_pinyin,
    contactPhone,
    shipPhone,
    skus: lines.map((l) => l.sku),
    customerPo: order.customer_po,
  });
  // Only columns whose value changes are written: every indexed column named in an UPDATE rewrites
  // its index entry even when the value is the same, and each such page is one more to sync.
  const changes: Partial<typeof patch & { search_text: string }> = {};
  for (const [k, v] of Object.entries(patch) as [keyof typeof patch, never][]) {
    if (order[k] !== v || k === 'status' || k === 'row_version') changes[k] = v;
  }
  if (searchText !== order.search_text) changes.search_text = searchText;

  // 5. Review (credit, stock, custom requirements) decides where the order goes next. It runs on
  // the order as submitted, and the order row is then written once with the outcome: draft →
  // submitted → approved / on hold in one update (two history rows keep both steps), which saves a
  // statement and the index pages of the intermediate status on every submit.
  // The columns the review reads, as submitted (a copy of the whole 50-column row cost ~50 µs).
  const after: ReviewedOrder = {
    id: order.id,
    status: patch.status,
    customer_id: order.customer_id,
    payment_method: order.payment_method,
    total: patch.total,
    billed_at: order.billed_at,
    warehouse_id: order.warehouse_id,
    promised_date: order.promised_date,
    requested_date: order.requested_date,
    custom_flag: patch.custom_flag,
    custom_text: order.custom_text,
  };
  const decision = await decideReview(tx, after, env, { credit: true, custom: 'auto', fromDraft: order.status === 'draft', lines }, settings);
  const outcome: OrderStatus = decision.reasons.length ? 'on_hold' : 'approved';
  assertTransition('submitted', outcome);
  const rowVersion = order.row_version + 2;
  const write = Object.assign({}, changes, { status: outcome, row_version: rowVersion }, outcome === 'approved' ? { approved_at: env.now } : {});
  if ((await updateRow(tx, 'orders', write, { id: order.id, row_version: order.row_version })) !== 1) {
    throw new DeskError('conflict.stale', { number: order.number, expected: order.row_version, actual: -1 });
  }

  const duplicateNumbers = duplicates.map((d) => d.number).join(', ');
  const duplicateNote = duplicateConfirmed ? `duplicate confirmed: ${duplicateNumbers}` : null;
  await insertHistory(tx, {
    id: env.ids.next(),
    order_id: order.id,
    from_status: order.status,
    to_status: 'submitted',
    at: env.now,
    user_id: env.userId,
    reason: duplicateConfirmed ? encodeReason('duplicateConfirmed', { numbers: duplicateNumbers }) : null,
  });
  await insertHistory(tx, { id: env.ids.next(), order_id: order.id, from_status: 'submitted', to_status: outcome, at: env.now, user_id: env.userId, reason: null });

  const audit: AuditEntry[] = [
    {
      entity: 'order',
      entityId: order.id,
      code: 'audit.order.submitted',
      params: { number: order.number },
      summary: `submitted ${order.number}`,
      before: { status: order.status },
      after: {
        // What the transaction left: the review ran inside it.
        status: outcome,
        total: totals.total,
        custom_flag: patch.custom_flag,
        duplicate_confirmed: patch.duplicate_confirmed,
      },
    },
  ];
  if (duplicateNote) {
    audit.push({
      entity: 'order',
      entityId: order.id,
      code: 'audit.order.duplicateConfirmed',
      params: { number: order.number, numbers: duplicateNumbers },
      summary: duplicateNote,
      after: { duplicates: duplicates.map((d) => ({ number: d.number, reason: d.reason, submittedAt: d.submittedAt })) },
    });
  }

  const review = await applyDecision(tx, order.id, env, decision);

  return {
    result: {
      id: order.id,
      number: order.number,
      status: review.status,
      rowVersion,
      customFlag,
      duplicateConfirmed,
      duplicates,
      holds: review.holds,
    },
    audit,
    tables: ['order_holds', 'stock'],
  };
};
