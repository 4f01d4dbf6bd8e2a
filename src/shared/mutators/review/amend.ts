import type { z } from 'zod';
import type { ordersAmend } from '../../contract/review';
import { DeskError } from '../../errors';
import { encodeReason } from '../../orders/reasons';
import { applyAmendment, fileChangeRequest, planAmendment, routeAmendment, type AmendPayload } from '../../review/amend';
import { assertRowVersion, loadOrder } from '../../review/status';
import type { Mutator } from '../env';
import { readSettings } from '../settings';

export type AmendInput = z.output<typeof ordersAmend.input>;
export type AmendResult = z.output<typeof ordersAmend.result>;

const AMENDABLE = new Set(['submitted', 'on_hold', 'approved', 'allocated']);

/**
 * orders.amend: inside the change window, or under small-change authority, the change applies at
 * once (new revision with its diff, changed flag, review again); after the window it becomes a
 * change request in the approval queue and the order keeps its current version.
 */
export const amendOrder: Mutator<AmendInput, AmendResult> = async (tx, input, env) => {
  const order = await loadOrder(tx, input.orderId);
  assertRowVersion(order.row_version, input.rowVersion);
  if (!AMENDABLE.has(order.status)) throw new DeskError('change.notAmendable', { status: order.status });
  const settings = await readSettings(tx);
  const payload: AmendPayload = { header: input.header, lines: input.lines };
  const plan = await planAmendment(tx, order, payload, settings, env.role);
  if (plan.diff.length === 0) throw new DeskError('change.nothing');
  const route = routeAmendment(order, plan, settings, env.now);
  const reason = input.reason.trim();

  if (route === 'change_request') {
    const { changeRequestId } = await fileChangeRequest(tx, order, payload, plan, env, reason || null);
    const after = await loadOrder(tx, order.id);
    return {
      result: {
        outcome: route,
        status: after.status,
        rowVersion: after.row_version,
        revision: after.revision,
        diff: plan.diff,
        amountDelta: plan.amountDelta,
        changeRequestId,
        holds: [{ kind: 'change_request', code: 'change.request', params: { delta: plan.amountDelta } }],
      },
      audit: [
        {
          entity: 'order',
          entityId: order.id,
          code: 'audit.order.changeRequested',
          params: { number: order.number, changes: plan.diff.length, ...(reason ? { note: reason } : {}) },
          summary: `change request for ${order.number} (${plan.diff.length} change(s))${reason ? `: ${reason}` : ''}`,
          after: { changeRequestId, diff: plan.diff, amountDelta: plan.amountDelta },
        },
      ],
    };
  }

  // The audit summary's words; the version (and status-history) reason is the clerk's own, else the route as a reason code.
  const label = route === 'window' ? 'change inside the window' : 'small change';
  const applied = await applyAmendment(tx, order.id, plan, env, reason || encodeReason(route === 'window' ? 'changeInWindow' : 'smallChange'));
  const after = await loadOrder(tx, order.id);
  return {
    result: {
      outcome: route,
      status: after.status,
      rowVersion: after.row_version,
      revision: applied.revision,
      diff: plan.diff,
      amountDelta: plan.amountDelta,
      changeRequestId: null,
      holds: applied.review.holds,
    },
    audit: [
      {
        entity: 'order',
        entityId: order.id,
        code: 'audit.order.amended',
        params: { number: order.number, kind: route, revision: applied.revision, ...(reason ? { note: reason } : {}) },
        summary: `${label}: ${order.number} revision ${applied.revision}${reason ? ` — ${reason}` : ''}`,
        before: { revision: order.revision, status: order.status, total: order.total },
        after: { revision: applied.revision, status: after.status, total: after.total, diff: plan.diff, smallChange: route === 'small_change' },
      },
    ],
    tables: ['stock', 'order_status_history'],
  };
};
