import { useTranslation } from 'react-i18next';
import type { OrderDetail } from '../print/OrderConfirmation';
import { useAuditText } from '../../../i18n/audit';
import { useReasonText } from '../../../i18n/reasons';
import { formatDateTime } from '../../../ui/format';
import { OrderDiff, type DiffEntry } from './OrderDiff';

/** Who: the display name a colleague knows, the sign-in name on hover (and alone when the user is gone). */
function UserName({ displayName, username }: { displayName: string | null; username: string | null }) {
  return (
    <span className="muted" title={displayName && username ? username : undefined}>
      {displayName ?? username ?? ''}
    </span>
  );
}

/** Status changes, oldest first, with who and why (the desk's own reasons in the screen's language). */
export function HistoryList({ history }: { history: OrderDetail['history'] }) {
  const { t, i18n } = useTranslation();
  const reasonText = useReasonText();
  return (
    <section className="o-card" aria-label={t('orders.detail.history')}>
      <h3>{t('orders.detail.history')}</h3>
      {history.length === 0 ? <p className="muted">{t('orders.detail.noHistory')}</p> : null}
      <ul className="o-timeline">
        {history.map((h) => (
          <li key={h.id}>
            <span className="o-when">{formatDateTime(h.at, i18n.language)}</span>
            <UserName displayName={h.displayName} username={h.username} />
            <span className="o-what">
              {h.fromStatus ? `${t(`order.status.${h.fromStatus}`)} → ` : ''}
              <b>{t(`order.status.${h.toStatus}`)}</b>
              {h.reason ? <span className="muted"> — {reasonText(h.reason)}</span> : null}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Revisions with why (the desk's reasons translated) and what changed in each, entry by entry. */
export function VersionList({ versions }: { versions: OrderDetail['versions'] }) {
  const { t, i18n } = useTranslation();
  const reasonText = useReasonText();
  return (
    <section className="o-card" aria-label={t('orders.detail.versions')}>
      <h3>{t('orders.detail.versions')}</h3>
      {versions.length === 0 ? <p className="muted">{t('orders.detail.noVersions')}</p> : null}
      <ul className="o-timeline">
        {versions.map((v) => {
          const diff = Array.isArray(v.diff) ? (v.diff as DiffEntry[]) : [];
          return (
            <li key={v.id}>
              <span className="o-when">{formatDateTime(v.createdAt, i18n.language)}</span>
              <span>
                <b>{t('orders.detail.revision', { n: v.revision })}</b>
              </span>
              <span className="o-what">{reasonText(v.reason)}</span>
              {diff.length ? <OrderDiff entries={diff} /> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** Who did what to the order, newest first (the desk's audit trail for this order). */
export function AuditTimeline({ audit }: { audit: OrderDetail['audit'] }) {
  const { t, i18n } = useTranslation();
  const auditText = useAuditText();
  const rows = [...audit].reverse();
  return (
    <section className="o-card" aria-label={t('orders.detail.audit')} data-audit="">
      <h3>{t('orders.detail.audit')}</h3>
      <ul className="o-timeline">
        {rows.map((a) => (
          <li key={a.id}>
            <span className="o-when">{formatDateTime(a.at, i18n.language)}</span>
            <UserName displayName={a.displayName} username={a.username} />
            <span className="o-what">
              {auditText(a)} <span className="muted mono">{a.handler}</span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
