import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderListRow } from '@shared/contract/orders';
import type { Result } from '../../../api/client';
import { useKeys, type KeyBinding } from '../../../app/keyboard';
import { Button } from '../../../ui/Button';
import { Dialog } from '../../../ui/Dialog';
import { formatDateTime, formatMoney } from '../../../ui/format';

export type DuplicateMatch = Result<'orders.checkDuplicates'>['duplicates'][number];

/**
 * The duplicate warning: the earlier orders, and an explicit Y (or Ctrl+Enter) to submit anyway.
 * Enter and Esc go back to the order unchanged.
 */
export function DuplicateDialog({ matches, onConfirm, onBack }: { matches: DuplicateMatch[]; onConfirm(): void; onBack(): void }) {
  const { t, i18n } = useTranslation();
  const activate = () => {
    const action = (document.activeElement as HTMLElement | null)?.dataset.action;
    if (action === 'confirm') onConfirm();
    else onBack();
  };
  const keys: KeyBinding[] = [
    { key: 'y', label: 'orders.dup.confirm', run: onConfirm },
    { key: 'Y', run: onConfirm },
    { key: 'Ctrl+Enter', run: onConfirm, inInputs: true },
    { key: 'Enter', run: activate },
  ];
  return (
    <Dialog
      title={t('orders.dup.title')}
      onClose={onBack}
      wide
      footer={
        <>
          <Button data-action="back" data-autofocus="" onClick={onBack} keyHint="Esc">
            {t('orders.dup.back')}
          </Button>
          <Button variant="danger" data-action="confirm" onClick={onConfirm} keyHint="Y">
            {t('orders.dup.confirm')}
          </Button>
        </>
      }
    >
      <DialogKeys bindings={keys} />
      <div className="o-dup">
        <p>{t('orders.dup.intro')}</p>
        <table className="o-table">
          <thead>
            <tr>
              <th>{t('orders.dup.number')}</th>
              <th>{t('orders.dup.time')}</th>
              <th className="num">{t('orders.dup.total')}</th>
              <th>{t('orders.dup.reason')}</th>
              <th>{t('orders.list.col.status')}</th>
            </tr>
          </thead>
          <tbody>
            {matches.map((m) => (
              <tr key={m.id}>
                <td className="mono">{m.number}</td>
                <td>{formatDateTime(m.submittedAt, i18n.language)}</td>
                <td className="num">{formatMoney(m.total)}</td>
                <td>
                  {t(`orders.dup.reason.${m.reason}`)}
                  {m.reason === 'po' && m.customerPo ? <span className="mono"> {m.customerPo}</span> : null}
                </td>
                <td>{t(`order.status.${m.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="notice">{t('orders.dup.question')}</p>
      </div>
    </Dialog>
  );
}

/** F2 with drafts left open: continue one (Enter) or start a new order (N / Esc; the drafts stay). */
export function ResumeDialog({ drafts, onResume, onNew }: { drafts: OrderListRow[]; onResume(id: string): void; onNew(): void }) {
  const { t, i18n } = useTranslation();
  const [active, setActive] = useState(0);
  const keys: KeyBinding[] = [
    { key: 'ArrowDown', run: () => setActive((a) => Math.min(drafts.length - 1, a + 1)), inInputs: true },
    { key: 'ArrowUp', run: () => setActive((a) => Math.max(0, a - 1)), inInputs: true },
    { key: 'Enter', label: 'orders.resume.open', run: () => onResume(drafts[active].id), inInputs: true },
    { key: 'n', label: 'orders.resume.new', run: onNew },
    { key: 'N', run: onNew },
  ];
  return (
    <Dialog
      title={t('orders.resume.title')}
      onClose={onNew}
      wide
      footer={
        <>
          <span className="foot-note muted">{t('orders.resume.hint')}</span>
          <Button onClick={onNew} keyHint="N">
            {t('orders.resume.new')}
          </Button>
          <Button variant="primary" onClick={() => onResume(drafts[active].id)} keyHint="Enter">
            {t('orders.resume.open')}
          </Button>
        </>
      }
    >
      <DialogKeys bindings={keys} />
      <p>{t('orders.resume.intro')}</p>
      <div className="o-resume" role="listbox" aria-label={t('orders.resume.title')} tabIndex={0} data-autofocus="" aria-activedescendant={`resume-${active}`}>
        {drafts.map((d, i) => (
          <div
            key={d.id}
            id={`resume-${i}`}
            role="option"
            aria-selected={i === active}
            className={`o-resume-row${i === active ? ' active' : ''}`}
            onClick={() => setActive(i)}
            onDoubleClick={() => onResume(d.id)}
          >
            <span className="mono">{d.number}</span>
            <span>
              <code>{d.customerCode}</code> {d.customerName}
            </span>
            <span className="muted">{t('orders.resume.lines', { n: d.lineCount })}</span>
            <span className="num">{formatMoney(d.total)}</span>
            <span className="muted">{formatDateTime(d.createdAt, i18n.language)}</span>
          </div>
        ))}
      </div>
    </Dialog>
  );
}

/** Keys of a dialog: registered inside it, so they sit above the dialog's modal layer. */
export function DialogKeys({ bindings }: { bindings: KeyBinding[] }) {
  useKeys(bindings);
  return null;
}
