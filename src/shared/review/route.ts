/**
 * The review gate. Gathers the facts, runs the pure checks and either approves the order and
 * reserves its stock, or puts it on hold with one order_holds row per failing reason — all inside
 * the caller's transaction.
 */
import { insertRow, precompiled } from '../db/precompiled';
import { DeskError } from '../errors';
import type { MutatorEnv, Tx } from '../mutators/env';
import { readSettings } from '../mutators/settings';
import type { OrderStatus } from '../orders/status';
import type { Settings } from '../settings';
import { allocateOrder, releaseOrder, type AllocLine } from './allocation';
import { creditCheck, customCheck, stockCheck, type Reason, type StockCheckResult } from './checks';
import { creditFacts, stockInputs, type StockInputs } from './facts';
import { loadOrder, setOrderStatus, touchOrder } from './status';

export interface ReviewHold {
  kind: string;
  code: string;
  params: Record<string, string | number>;
}

export interface ReviewOutcome {
  status: 'approved' | 'on_hold';
  holds: ReviewHold[];
}

/** Check the stock the order still has to reserve, with the desk's settings. */
export async function checkOrderStock(
  tx: Tx,
  order: { id: string; warehouse_id: string | null; promised_date: string | null; requested_date: string | null },
  settings: Settings,
  lines?: readonly AllocLine[],
): Promise<StockCheckResult & { inputs: StockInputs }> {
  // Orders approved on in-transit stock exist only while the setting allows counting it.
  const inputs = await stockInputs(tx, order, settings.countInTransit, lines);
  const result = stockCheck(inputs.lines, inputs.stock, {
    promisedDate: order.promised_date ?? order.requested_date,
    countInTransit: settings.countInTransit,
  });
  return Object.assign({}, result, { inputs });
}

/** Mark the order's open holds superseded (all but change requests unless asked). */
const REVIEW_KINDS = ['credit', 'stock', 'custom_review'] as const;
const supersedeReviewHolds = precompiled<{ orderId: string; now: string; userId: string | null }>()((db, arg) =>
  db
    .updateTable('order_holds')
    .set({ status: 'superseded', decided_at: arg('now'), decided_by: arg('userId') })
    .where('order_id', '=', arg('orderId'))
    .where('status', '=', 'open')
    .where('kind', 'in', [...REVIEW_KINDS]),
);

export async function supersedeOpenHolds(
  tx: Tx,
  orderId: string,
  env: MutatorEnv,
  kinds: readonly ('credit' | 'stock' | 'custom_review' | 'change_request')[] = REVIEW_KINDS,
): Promise<number> {
  if (kinds === REVIEW_KINDS) return supersedeReviewHolds.affected(tx, { orderId, now: env.now, userId: env.userId });
  const res = await tx
    .updateTable('order_holds')
    .set({ status: 'superseded', decided_at: env.now, decided_by: env.userId })
    .where('order_id', '=', orderId)
    .where('status', '=', 'open')
    .where('kind', 'in', [...kinds])
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

export async function insertHolds(tx: Tx, orderId: string, reasons: readonly Reason[], env: MutatorEnv): Promise<string[]> {
  const ids: string[] = [];
  for (const r of reasons) {
    const id = env.ids.next();
    ids.push(id);
    await insertRow(tx, 'order_holds', {
      id,
      order_id: orderId,
      kind: r.kind,
      code: r.code,
      params: JSON.stringify(r.params),
      status: 'open',
      created_at: env.now,
      decided_at: null,
      decided_by: null,
      comment: null,
      awaiting_change: 0,
      change_request_id: null,
    });
  }
  return ids;
}

export interface ReviewOptions {
  /** Run the credit check (off when an approver already decided credit). */
  credit?: boolean;
  /**
   * 'auto': a custom order needs review unless the customer's confirmation is on record;
   * 'force': it needs review again (its custom requirements changed); 'skip': no custom review.
   */
  custom?: 'auto' | 'force' | 'skip';
  reason?: string | null;
  /** The order comes straight from draft: it has no holds to supersede and no stock reserved. */
  fromDraft?: boolean;
  /** The order's lines as stored (in line order), when the caller has them: not read again. */
  lines?: readonly AllocLine[];
}

const HOLDABLE: readonly OrderStatus[] = ['submitted', 'on_hold', 'approved', 'allocated'];

/**
 * Review an order in submitted, on_hold, approved or allocated status (the last three after a
 * change): previous open holds (not change requests) are superseded and reservations released,
 * then everything passes → approved with stock reserved, or something fails → on_hold with holds.
 */
export async function reviewOrder(
  tx: Tx,
  orderId: string,
  env: MutatorEnv,
  options: ReviewOptions = {},
  loaded?: Awaited<ReturnType<typeof loadOrder>>,
): Promise<ReviewOutcome> {
  const order = loaded ?? (await loadOrder(tx, orderId));
  if (!HOLDABLE.includes(order.status)) {
    throw new DeskError('order.illegalTransition', { from: order.status, to: 'approved' });
  }
  const settings = await readSettings(tx);
  const { reasons, stock } = await decideReview(tx, order, env, options, settings);
  const reason = options.reason ?? null;

  const to = reasons.length === 0 ? 'approved' : 'on_hold';
  // Already there (a change re-checked): only the version moves.
  const stays = to === 'approved' ? order.status === 'approved' || order.status === 'allocated' : order.status === 'on_hold';
  if (stays) await touchOrder(tx, orderId, env);
  else await setOrderStatus(tx, orderId, order.status, to, env, reason);
  return applyDecision(tx, orderId, env, { reasons, stock });
}

export interface ReviewDecision {
  /** Every failing check (empty: the order passes). */
  reasons: Reason[];
  /** The stock check with the facts it read (allocation reuses them). */
  stock: Awaited<ReturnType<typeof checkOrderStock>>;
}

/** The order columns a review reads (a full order row is one). */
export type ReviewedOrder = Pick<
  Awaited<ReturnType<typeof loadOrder>>,
  'id' | 'status' | 'customer_id' | 'payment_method' | 'total' | 'billed_at' | 'warehouse_id' | 'promised_date' | 'requested_date' | 'custom_flag' | 'custom_text'
>;

/**
 * The checks of a review without its status move: previous open holds (not change requests) are
 * superseded and reservations of an approved order released, then credit, stock and custom review
 * run. `order` is the row as stored.
 */
export async function decideReview(
  tx: Tx,
  order: ReviewedOrder,
  env: MutatorEnv,
  options: ReviewOptions,
  settings: Settings,
): Promise<ReviewDecision> {
  if (!options.fromDraft) {
    await supersedeOpenHolds(tx, order.id, env);
    if (order.status === 'approved' || order.status === 'allocated') await releaseOrder(tx, order.id, env);
  }
  const reasons: Reason[] = [];
  // Credit is checked for credit orders only (creditCheck passes a cash order): its facts are not read.
  if (options.credit !== false && order.payment_method === 'credit') reasons.push(...creditCheck(await creditFacts(tx, order, settings, env.now)));
  const stock = await checkOrderStock(tx, order, settings, options.lines);
  reasons.push(...stock.reasons);
  const custom = options.custom ?? 'auto';
  if (custom === 'force' || (custom === 'auto' && order.custom_flag && !(await hasConfirmation(tx, order.id)))) {
    reasons.push(...customCheck(Boolean(order.custom_flag), order.custom_text));
  }
  return { reasons, stock };
}

/**
 * What a review decision does besides the status, which the caller writes (orders.submit in its
 * one update of the order): a passing order has its stock reserved; a failing one gets one
 * order_holds row per reason.
 */
export async function applyDecision(tx: Tx, orderId: string, env: MutatorEnv, decision: ReviewDecision): Promise<ReviewOutcome> {
  if (decision.reasons.length === 0) {
    await allocateOrder(tx, orderId, env, decision.stock.inputs);
    return { status: 'approved', holds: [] };
  }
  await insertHolds(tx, orderId, decision.reasons, env);
  return { status: 'on_hold', holds: decision.reasons.map(({ kind, code, params }) => ({ kind, code, params })) };
}

const confirmationOf = precompiled<{ orderId: string }>()((db, arg) =>
  db.selectFrom('customer_confirmations').select('id').where('order_id', '=', arg('orderId')).limit(1),
);

export async function hasConfirmation(tx: Tx, orderId: string): Promise<boolean> {
  return Boolean(await confirmationOf.first(tx, { orderId }));
}

/**
 * Called by orders.submit right after draft → submitted, in the same transaction. Passing orders
 * become approved with their stock reserved; failing ones go on hold with every reason recorded.
 * Bumps row_version again (the caller should read it back after this returns). `current` is the
 * order row as the caller just wrote it (saves reading it back).
 */
export async function reviewSubmittedOrder(
  tx: Tx,
  orderId: string,
  env: MutatorEnv,
  current?: Awaited<ReturnType<typeof loadOrder>>,
): Promise<ReviewOutcome> {
  const order = current ?? (await loadOrder(tx, orderId));
  if (order.status !== 'submitted') throw new DeskError('order.illegalTransition', { from: order.status, to: 'approved' });
  return reviewOrder(tx, orderId, env, { credit: true, custom: 'auto' }, order);
}

/**
 * The approver released the last open hold: re-check stock (it may have been sold meanwhile) and
 * either approve and reserve, or put a fresh stock hold on the order.
 */
export async function approveAfterRelease(tx: Tx, orderId: string, env: MutatorEnv, reason: string | null): Promise<ReviewOutcome> {
  const order = await loadOrder(tx, orderId);
  const settings = await readSettings(tx);
  const stock = await checkOrderStock(tx, order, settings);
  if (stock.reasons.length) {
    await touchOrder(tx, orderId, env);
    await insertHolds(tx, orderId, stock.reasons, env);
    return { status: 'on_hold', holds: stock.reasons.map(({ kind, code, params }) => ({ kind, code, params })) };
  }
  await setOrderStatus(tx, orderId, order.status, 'approved', env, reason);
  await allocateOrder(tx, orderId, env);
  return { status: 'approved', holds: [] };
}

/**
 * Everything review owns about an order that is being cancelled: its reservations are released,
 * open holds superseded and open change requests rejected. orders.cancel calls this before it
 * moves the order to cancelled (harmless for orders that reserve nothing).
 */
export async function onOrderCancelled(tx: Tx, orderId: string, env: MutatorEnv, comment: string | null = null): Promise<void> {
  await releaseOrder(tx, orderId, env);
  await supersedeOpenHolds(tx, orderId, env, ['credit', 'stock', 'custom_review', 'change_request']);
  await tx
    .updateTable('change_requests')
    .set({ status: 'rejected', decided_at: env.now, decided_by: env.userId, comment: comment ?? 'order cancelled' })
    .where('order_id', '=', orderId)
    .where('status', '=', 'open')
    .execute();
}
