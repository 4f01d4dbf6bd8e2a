import { useState, type TextareaHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { CONFIRMATION_CHANNELS } from '@shared/contract/review';
import type { Result } from '../../api/client';
import { fieldErrors, useMutation } from '../../api/hooks';
import { useKeys } from '../../app/keyboard';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Field, SelectField, TextField } from '../../ui/Field';
import { formatMoney } from '../../ui/format';
import { commentRequired, fromDeskInput, needsConfirmation, toDeskInput, type DecisionPlan } from './model';
import { KindBadge } from './parts';

export type Channel = (typeof CONFIRMATION_CHANNELS)[number];

/** What the approver typed; the screen keeps it per order and decision, so Esc or a refusal loses nothing. */
export interface DecisionDraft {
  comment: string;
  checked: string[];
  channel: Channel;
  person: string;
  /** "YYYY-MM-DD HH:mm" in desk time. */
  time: string;
  text: string;
}

export function newDraft(plan: DecisionPlan, now = new Date()): DecisionDraft {
  return { comment: '', checked: plan.checked, channel: 'phone', person: '', time: toDeskInput(now), text: '' };
}

export interface DecisionTarget {
  orderId: string;
  number: string;
  customerName: string;
  /** What the decision lets through (a change request: the larger of now and after). */
  amount: number;
  /** The version the approver was looking at when the dialog opened. */
  rowVersion: number;
}

interface Props {
  target: DecisionTarget;
  plan: DecisionPlan;
  draft: DecisionDraft;
  onDraft: (draft: DecisionDraft) => void;
  /** The signed-in user's authority (fen), null = unlimited. */
  myLimit: number | null;
  /** The order's version as the desk reports it now (it may have changed under the dialog). */
  latestRowVersion?: number;
  onDone: (result: Result<'approvals.decide'>) => void;
  onClose: () => void;
}

type Errors = Partial<Record<'holds' | 'comment' | 'confirmation' | 'channel' | 'person' | 'time' | 'text', string>>;

/**
 * One decision on an order's holds: a comment, the holds it applies to and, to release a custom
 * review, the customer's confirmation. Ctrl+Enter sends; a refusal from the desk is shown here and
 * everything typed stays.
 */
export function DecisionDialog({ target, plan, draft, onDraft, myLimit, latestRowVersion, onDone, onClose }: Props) {
  const { t } = useTranslation();
  const decide = useMutation('approvals.decide');
  const [local, setLocal] = useState<Errors>({});
  const { decision } = plan;
  const confirm = needsConfirmation(decision, plan.holds, draft.checked);
  const set = <K extends keyof DecisionDraft>(key: K, value: DecisionDraft[K]) => {
    onDraft({ ...draft, [key]: value });
    if (local[key as keyof Errors]) setLocal({ ...local, [key]: undefined });
  };
  const toggle = (holdId: string) =>
    set('checked', draft.checked.includes(holdId) ? draft.checked.filter((id) => id !== holdId) : [...draft.checked, holdId]);

  const submit = async () => {
    if (decide.busy) return;
    const errors: Errors = {};
    if (draft.checked.length === 0) errors.holds = t('approvals.dlg.pickOne');
    if (commentRequired(decision) && !draft.comment.trim()) errors.comment = t('approval.commentRequired');
    const confirmedAt = fromDeskInput(draft.time);
    if (confirm) {
      if (!draft.person.trim()) errors.person = t('v.required');
      if (!draft.text.trim()) errors.text = t('v.required');
      if (!draft.time.trim()) errors.time = t('v.required');
      else if (!confirmedAt) errors.time = t('approvals.dlg.timeFormat');
      else if (Date.parse(confirmedAt) > Date.now() + 5 * 60_000) errors.time = t('approvals.dlg.timeFuture');
    }
    setLocal(errors);
    if (Object.values(errors).some(Boolean)) {
      decide.reset();
      return;
    }
    try {
      const result = await decide.run({
        orderId: target.orderId,
        rowVersion: target.rowVersion,
        holdIds: draft.checked,
        decision,
        comment: draft.comment.trim(),
        confirmation: confirm ? { channel: draft.channel, person: draft.person.trim(), confirmedAt: confirmedAt!, text: draft.text.trim() } : undefined,
      });
      onDone(result);
    } catch {
      // The refusal is shown in the dialog (decide.error); the draft stays as typed.
    }
  };

  const desk = fieldErrors(decide.error);
  const errors: Errors = {
    holds: local.holds ?? desk.holdIds,
    comment: local.comment ?? desk.comment,
    confirmation: desk.confirmation,
    channel: local.channel ?? desk['confirmation.channel'],
    person: local.person ?? desk['confirmation.person'],
    time: local.time ?? desk['confirmation.confirmedAt'],
    text: local.text ?? desk['confirmation.text'],
  };
  // Field errors show at their fields; anything else (authority, stale order, stock) shows on top.
  const shownPaths = new Set(['comment', 'holdIds', ...(confirm ? CONFIRMATION_PATHS : [])]);
  const unplaced = decide.error?.fields.filter((f) => !shownPaths.has(f.path)) ?? [];
  const refusal = decide.error && (decide.error.fields.length === 0 || unplaced.length > 0) ? decide.error : null;
  const beyond = myLimit !== null && target.amount > myLimit;
  const changedMeanwhile = latestRowVersion !== undefined && latestRowVersion !== target.rowVersion && !refusal;

  return (
    <Dialog
      title={t(`approvals.dlg.${decision}`, { number: target.number })}
      onClose={onClose}
      footer={
        <>
          <span className="ap-foot-hint muted">{decide.busy ? t('approvals.dlg.sending') : t('approvals.dlg.keysHint')}</span>
          <Button onClick={onClose} keyHint="Esc">
            {t('common.cancel')}
          </Button>
          <Button variant={decision === 'reject' ? 'danger' : 'primary'} onClick={() => void submit()} disabled={decide.busy} keyHint="Ctrl+Enter">
            {t(`approvals.key.${KEY_LABEL[decision]}`)}
          </Button>
        </>
      }
    >
      <DialogKeys onSubmit={() => void submit()} onClose={onClose} />
      <div className="ap-dialog">
        <p className="ap-dialog-summary">{t('approvals.dlg.summary', { customer: target.customerName, amount: formatMoney(target.amount) })}</p>
        {refusal ? (
          <div className="form-error" role="alert">
            <div>{refusal.message}</div>
            {unplaced.map((f) => (
              <div key={f.path}>{f.message ?? f.code}</div>
            ))}
            {refusal.code === 'conflict.stale' ? <div className="ap-refusal-hint">{t('approvals.dlg.staleHint')}</div> : null}
          </div>
        ) : null}
        {changedMeanwhile ? <div className="notice">{t('approvals.dlg.changedMeanwhile')}</div> : null}
        {beyond && !refusal ? <div className="notice">{t('approvals.dlg.beyondLimit', { amount: formatMoney(target.amount), limit: formatMoney(myLimit) })}</div> : null}
        {decision === 'reject' ? <div className="notice">{t('approvals.dlg.rejectWarn')}</div> : null}
        {decision === 'reject_change' ? <p className="muted ap-note">{t('approvals.dlg.rejectChangeNote')}</p> : null}

        <fieldset className="ap-holds" aria-label={t('approvals.dlg.holds')}>
          <legend>{t('approvals.dlg.holds')}</legend>
          {plan.holds.map((h) => (
            <label key={h.holdId} className={`ap-hold${draft.checked.includes(h.holdId) ? '' : ' off'}`}>
              {plan.selectable ? <input type="checkbox" checked={draft.checked.includes(h.holdId)} onChange={() => toggle(h.holdId)} /> : null}
              <KindBadge kind={h.kind} />
              <span>{t(h.code, h.params)}</span>
            </label>
          ))}
          {errors.holds ? (
            <div className="field-error" role="alert">
              {errors.holds}
            </div>
          ) : null}
        </fieldset>

        <Area
          label={commentRequired(decision) ? t('approvals.dlg.comment') : t('approvals.dlg.commentOptional')}
          value={draft.comment}
          onChange={(v) => set('comment', v)}
          error={errors.comment}
          maxLength={500}
          rows={3}
          data-autofocus=""
          required={commentRequired(decision)}
        />

        {confirm ? (
          <fieldset className="ap-confirm">
            <legend>{t('approvals.dlg.confirmTitle')}</legend>
            {errors.confirmation ? (
              <div className="field-error" role="alert">
                {errors.confirmation}
              </div>
            ) : null}
            <div className="form-grid cols-2">
              <SelectField
                label={t('approvals.dlg.channel')}
                value={draft.channel}
                onChange={(v) => set('channel', v as Channel)}
                options={CONFIRMATION_CHANNELS.map((c) => ({ value: c, label: t(`approvals.channel.${c}`) }))}
                error={errors.channel}
                required
              />
              <TextField label={t('approvals.dlg.time')} value={draft.time} onChange={(v) => set('time', v)} error={errors.time} placeholder="2026-11-20 14:30" maxLength={16} required />
              <TextField label={t('approvals.dlg.person')} value={draft.person} onChange={(v) => set('person', v)} error={errors.person} maxLength={40} required span={2} />
              <Area label={t('approvals.dlg.text')} value={draft.text} onChange={(v) => set('text', v)} error={errors.text} maxLength={1000} span={2} required />
            </div>
          </fieldset>
        ) : null}
      </div>
    </Dialog>
  );
}

type AreaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onChange' | 'value'> & {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  span?: 1 | 2;
};

/** A text area whose label marks it required (the kit's TextArea does not). */
function Area({ label, value, onChange, error, span, required, rows = 2, ...rest }: AreaProps) {
  return (
    <Field label={label} error={error} required={required} span={span}>
      {(id, describedBy) => (
        <textarea
          id={id}
          data-nav=""
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          aria-required={required || undefined}
          value={value}
          rows={rows}
          onChange={(e) => onChange(e.target.value)}
          {...rest}
        />
      )}
    </Field>
  );
}

const CONFIRMATION_PATHS = ['confirmation', 'confirmation.channel', 'confirmation.person', 'confirmation.confirmedAt', 'confirmation.text'];

const KEY_LABEL: Record<DecisionPlan['decision'], string> = {
  release: 'release',
  reject: 'reject',
  ask_change: 'askChange',
  approve_change: 'approveChange',
  reject_change: 'rejectChange',
};

/** Keys of the dialog (registered inside it, so they sit above the screen's). */
function DialogKeys({ onSubmit, onClose }: { onSubmit: () => void; onClose: () => void }) {
  useKeys([
    { key: 'Ctrl+Enter', label: 'approvals.key.confirm', run: onSubmit, inInputs: true },
    { key: 'Escape', label: 'common.close', run: onClose, inInputs: true },
  ]);
  return null;
}
