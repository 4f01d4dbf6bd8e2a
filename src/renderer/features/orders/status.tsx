import { useTranslation } from 'react-i18next';
import type { OrderStatus } from '@shared/orders/status';

/** Badge tone per status: work waiting on someone is amber, done is green, gone is grey. */
const TONE: Record<OrderStatus, string> = {
  draft: '',
  submitted: 'info',
  on_hold: 'warn',
  approved: 'ok',
  allocated: 'ok',
  picking: 'info',
  partly_shipped: 'info',
  shipped: 'info',
  delivered: 'ok',
  settled: 'ok',
  closed: '',
  cancelled: 'danger',
};

export function StatusBadge({ status }: { status: OrderStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge o-status ${TONE[status]}`} data-status={status}>
      {t(`order.status.${status}`)}
    </span>
  );
}

/** A hold reason in the clerk's language (credit.overLimit, stock.short, review.customReview…). */
export function holdText(t: (k: string, p?: Record<string, unknown>) => string, exists: (k: string) => boolean, hold: { code: string; params: Record<string, unknown> }): string {
  return exists(hold.code) ? t(hold.code, hold.params) : hold.code;
}
