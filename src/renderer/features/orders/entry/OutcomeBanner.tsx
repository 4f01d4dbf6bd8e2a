import { useTranslation } from 'react-i18next';
import { holdText } from '../status';
import { useEntry } from './store';

/** After submit (or a change): what the desk decided, the holds with their reasons, the next keys. */
export function OutcomeBanner() {
  const { t, i18n } = useTranslation();
  const outcome = useEntry((s) => s.outcome);
  const number = useEntry((s) => s.number) ?? '';
  if (!outcome) return null;
  const exists = (k: string) => i18n.exists(k);
  let title: string;
  let tone: string;
  let holds: { kind: string; code: string; params: Record<string, string | number> }[];
  const notes: string[] = [];
  if (outcome.kind === 'submitted') {
    const r = outcome.result;
    const key = r.status === 'submitted' || r.status === 'approved' || r.status === 'on_hold' ? r.status : 'other';
    title = t(`orders.outcome.${key}`, { number: r.number, status: t(`order.status.${r.status}`) });
    tone = r.status === 'on_hold' ? 'warn' : 'ok';
    holds = r.holds;
    if (r.duplicateConfirmed) notes.push(t('orders.outcome.duplicate'));
    if (r.customFlag) notes.push(t('orders.outcome.custom'));
  } else {
    const r = outcome.result;
    title = t(`orders.outcome.${r.outcome}`, { number, revision: r.revision });
    tone = r.outcome === 'change_request' || r.status === 'on_hold' ? 'warn' : 'ok';
    holds = r.holds.filter((h) => h.kind !== 'change_request');
  }
  return (
    <div className={`o-outcome o-outcome-${tone}`} role="status" tabIndex={-1} data-outcome={outcome.kind === 'submitted' ? outcome.result.status : outcome.result.outcome}>
      <div className="o-outcome-title">
        <b>{title}</b>
        {notes.map((n) => (
          <span key={n} className="badge">
            {n}
          </span>
        ))}
      </div>
      {holds.length ? (
        <ul className="o-outcome-holds">
          {holds.map((h, i) => (
            <li key={i}>{holdText(t, exists, h)}</li>
          ))}
        </ul>
      ) : null}
      <div className="o-outcome-keys">
        <span>
          <kbd>F2</kbd> {t('orders.outcome.next')}
        </span>
        <span>
          <kbd>Ctrl+P</kbd> {t('orders.entry.key.print')}
        </span>
        <span>
          <kbd>Alt+D</kbd> {t('orders.entry.key.detail')}
        </span>
      </div>
    </div>
  );
}
