import { useTranslation } from 'react-i18next';
import type { Result } from '../../../api/client';
import { formatMoney } from '../../../ui/format';
import { capitalAmount } from '../capital';
import { orderTotals } from './model';
import { useEntry } from './store';

export type Suggestion = Result<'orders.suggestions'>['rows'][number];

/** Beside the form: the customer at a glance, the totals (in figures and capitals), suggestions. */
export function SidePanel({ suggestions }: { suggestions: Suggestion[] }) {
  const { t } = useTranslation();
  const customer = useEntry((s) => s.header.customer);
  const lines = useEntry((s) => s.lines);
  const totals = orderTotals(lines);

  return (
    <aside className="o-side">
      <section className="o-card">
        <h3>{t('orders.side.customer')}</h3>
        {customer ? (
          <dl className="o-kv">
            <dt>{customer.code}</dt>
            <dd className="o-strong">{customer.name}</dd>
            <dt>{t('orders.side.credit')}</dt>
            <dd className="num">{formatMoney(customer.creditLimit)}</dd>
            <dt>{t('orders.side.terms')}</dt>
            <dd>{customer.paymentTermsDays ? t('orders.payment.terms', { days: customer.paymentTermsDays }) : t('orders.payment.cash')}</dd>
          </dl>
        ) : (
          <p className="muted">{t('orders.f.customerHint')}</p>
        )}
      </section>

      <section className="o-card o-totals" aria-label={t('orders.side.totals')}>
        <h3>{t('orders.side.totals')}</h3>
        <dl className="o-kv">
          <dt>{t('orders.side.subtotal')}</dt>
          <dd className="num">{formatMoney(totals.subtotal)}</dd>
          <dt>{t('orders.side.tax')}</dt>
          <dd className="num">{formatMoney(totals.taxTotal)}</dd>
          <dt className="o-strong">{t('orders.side.total')}</dt>
          <dd className="num o-total" data-total="">
            ¥{formatMoney(totals.total)}
          </dd>
        </dl>
        <div className="o-capital">
          <span className="muted">{t('orders.side.capital')}</span> {capitalAmount(totals.total)}
        </div>
      </section>

      <section className="o-card o-suggest" aria-label={t('orders.side.suggest')}>
        <h3>{t('orders.side.suggest')}</h3>
        {suggestions.length === 0 ? (
          <p className="muted">{t('orders.side.suggestEmpty')}</p>
        ) : (
          <ol>
            {suggestions.map((s, i) => (
              <li key={s.productId}>
                <kbd>Alt+{i + 1}</kbd>
                <code>{s.sku}</code>
                <span className="o-sname" title={`${s.name} ${s.spec ?? ''}`}>
                  {s.name} <span className="muted">{s.spec ?? ''}</span>
                </span>
                <span className="muted num">{t('orders.side.suggestScore', { n: s.score })}</span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </aside>
  );
}
