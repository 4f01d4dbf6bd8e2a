import type { z } from 'zod';
import type { approvalsDecide } from '../../contract/review';
import { DeskError, fieldError } from '../../errors';
import { encodeReason } from '../../orders/reasons';
import { applyAmendment, planAmendment, type AmendPayload } from '../../review/amend';
import { assertAuthority } from '../../review/authority';
import { approveAfterRelease, checkOrderStock, onOrderCancelled, type ReviewHold } from '../../review/route';
import { assertRowVersion, loadOrder, setOrderStatus, touchOrder } from '../../review/status';
import type { Mutator, Tx } from '../env';
import { readSettings } from '../settings';

export type DecideInput = z.output<typeof approvalsDecide.input>;
export type DecideResult = z.output<typeof approvalsDecide.result>;

type HoldRow = Awaited<ReturnType<typeof openHolds>>[number];

function openHolds(tx: Tx, orderId: string) {
  return tx.selectFrom('order_holds').selectAll().where('order_id', '=', orderId).where('status', '=', 'open').orderBy('created_at').orderBy('id').execute();
}

const CHANGE_DECISIONS = new Set(['approve_change', 'reject_change']);

/**
 * approvals.decide: one decision on some or all of an order's open holds. Every decision is
 * recorded in approval_decisions (one row per hold) and audited; a stale rowVersion, a decision
 * beyond the decider's authority or a release that stock cannot honour is refused with nothing
 * written.
 */
export const decide: Mutator<DecideInput, DecideResult> = async (tx, input, env) => {
  const order = await loadOrder(tx, input.orderId);
  assertRowVersion(order.row_version, input.rowVersion);
  const settings = await readSettings(tx);
  const open = await openHolds(tx, order.id);
  const isChange = CHANGE_DECISIONS.has(input.decision);

  let selected: HoldRow[];
  if (input.holdIds) {
    selected = [];
    for (const id of input.holdIds) {
      const h = open.find((x) => x.id === id);
      if (!h) throw new DeskError('approval.holdNotOpen', { id });
      if (!selected.includes(h)) selected.push(h);
    }
  } else if (input.decision === 'reject') {
    selected = open;
  } else {
    selected = open.filter((h) => (h.kind === 'change_request') === isChange);
  }
  if (selected.length === 0) throw new DeskError('approval.nothingOpen', { number: order.number });
  if (input.decision !== 'reject') {
    const wrong = selected.find((h) => (h.kind === 'change_request') !== isChange);
    if (wrong) throw new DeskError('approval.wrongDecision', { decision: input.decision, kind: wrong.kind });
  }

  // Authority: the amount the decision lets through (a change request: the larger of now and after).
  let amount = order.total;
  const requests = new Map<string, { id: string; payload: string; amount_delta: number; status: string }>();
  if (isChange) {
    for (const h of selected) {
      if (!h.change_request_id) throw new DeskError('approval.holdNotOpen', { id: h.id });
      const cr = await tx
        .selectFrom('change_requests')
        .select(['id', 'payload', 'amount_delta', 'status'])
        .where('id', '=', h.change_request_id)
        .executeTakeFirst();
      if (!cr || cr.status !== 'open') throw new DeskError('approval.holdNotOpen', { id: h.id });
      requests.set(h.id, cr);
      amount = Math.max(amount, order.total + cr.amount_delta);
    }
  }
  assertAuthority(env, settings, amount);

  const comment = input.comment.trim();
  if (!comment && (input.decision === 'reject' || input.decision === 'ask_change' || input.decision === 'reject_change')) {
    throw fieldError('comment', 'approval.commentRequired');
  }

  const decidedBy = env.userId ?? 'system';
  const record = async (h: HoldRow, rowVersion: number) => {
    await tx
      .insertInto('approval_decisions')
      .values({
        id: env.ids.next(),
        order_id: order.id,
        hold_id: h.id,
        change_request_id: h.change_request_id,
        decision: input.decision,
        comment: comment || null,
        order_row_version: rowVersion,
        decided_at: env.now,
        decided_by: decidedBy,
      })
      .execute();
  };
  const closeHold = async (h: HoldRow, status: 'released' | 'rejected') => {
    await tx
      .updateTable('order_holds')
      .set({ status, decided_at: env.now, decided_by: decidedBy, comment: comment || null })
      .where('id', '=', h.id)
      .where('status', '=', 'open')
      .execute();
  };

  let newHolds: ReviewHold[] = [];
  switch (input.decision) {
    case 'release': {
      if (selected.some((h) => h.kind === 'custom_review')) {
        const c = input.confirmation;
        if (!c) throw fieldError('confirmation', 'approval.confirmationRequired');
        // A time without a zone is desk time (UTC+8); a confirmation cannot come from the future.
        const hasZone = /(Z|[+-]\d{2}:?\d{2})$/.test(c.confirmedAt);
        const at = Date.parse(hasZone ? c.confirmedAt : `${c.confirmedAt.replace(' ', 'T')}+08:00`);
        if (!Number.isFinite(at)) throw fieldError('confirmation.confirmedAt', 'v.dateTime');
        if (at > Date.parse(env.now) + 5 * 60_000) throw fieldError('confirmation.confirmedAt', 'v.future');
        await tx
          .insertInto('customer_confirmations')
          .values({
            id: env.ids.next(),
            order_id: order.id,
            channel: c.channel,
            person: c.person,
            confirmed_at: c.confirmedAt,
            text: c.text,
            recorded_by: decidedBy,
            recorded_at: env.now,
          })
          .execute();
      }
      if (selected.some((h) => h.kind === 'stock')) {
        const check = await checkOrderStock(tx, order, settings);
        if (check.reasons.length) throw new DeskError('stock.short', check.reasons[0].params);
      }
      for (const h of selected) {
        await record(h, order.row_version);
        await closeHold(h, 'released');
      }
      const left = open.filter((h) => !selected.includes(h) && h.kind !== 'change_request');
      if (left.length === 0 && order.status === 'on_hold') {
        newHolds = (await approveAfterRelease(tx, order.id, env, comment || encodeReason('released'))).holds;
      } else {
        await touchOrder(tx, order.id, env);
      }
      break;
    }
    case 'reject': {
      for (const h of selected) {
        await record(h, order.row_version);
        await closeHold(h, 'rejected');
      }
      await onOrderCancelled(tx, order.id, env, comment);
      await setOrderStatus(tx, order.id, order.status, 'cancelled', env, comment);
      break;
    }
    case 'ask_change': {
      for (const h of selected) {
        await record(h, order.row_version);
        await tx.updateTable('order_holds').set({ awaiting_change: 1, comment }).where('id', '=', h.id).execute();
      }
      await touchOrder(tx, order.id, env);
      break;
    }
    case 'approve_change': {
      for (const h of selected) {
        const cr = requests.get(h.id)!;
        const current = await loadOrder(tx, order.id);
        const plan = await planAmendment(tx, current, JSON.parse(cr.payload) as AmendPayload, settings, env.role);
        await record(h, order.row_version);
        await closeHold(h, 'released');
        await tx
          .updateTable('change_requests')
          .set({ status: 'approved', decided_at: env.now, decided_by: decidedBy, comment: comment || null })
          .where('id', '=', cr.id)
          .execute();
        const applied = await applyAmendment(tx, order.id, plan, env, comment || encodeReason('changeApproved'));
        newHolds = applied.review.holds;
      }
      break;
    }
    case 'reject_change': {
      for (const h of selected) {
        const cr = requests.get(h.id)!;
        await record(h, order.row_version);
        await closeHold(h, 'rejected');
        await tx
          .updateTable('change_requests')
          .set({ status: 'rejected', decided_at: env.now, decided_by: decidedBy, comment })
          .where('id', '=', cr.id)
          .execute();
      }
      await touchOrder(tx, order.id, env);
      break;
    }
  }

  const after = await loadOrder(tx, order.id);
  const left = await openHolds(tx, order.id);
  return {
    result: { status: after.status, rowVersion: after.row_version, openHolds: left.length, holds: newHolds },
    audit: [
      {
        entity: 'order',
        entityId: order.id,
        code: `audit.review.${input.decision}`,
        params: { number: order.number, holds: [...new Set(selected.map((h) => h.code))].join(','), ...(comment ? { comment } : {}) },
        summary: `${input.decision} ${order.number}: ${selected.map((h) => h.code).join(', ')}${comment ? ` — ${comment}` : ''}`,
        before: { status: order.status, holds: selected.map((h) => ({ id: h.id, kind: h.kind, code: h.code })) },
        after: {
          status: after.status,
          decision: input.decision,
          comment: comment || null,
          confirmation: input.confirmation ?? null,
          newHolds: newHolds.map((h) => h.code),
        },
      },
    ],
    tables: ['stock', 'order_status_history', 'order_versions'],
  };
};
