import { useTranslation } from 'react-i18next';
import type { Settings } from '@shared/settings';
import type { Result } from '../../../api/client';
import { formatDate, formatDateTime, formatMoney } from '../../../ui/format';
import { capitalAmount } from '../capital';
import { percentText } from '../entry/fields';

export type OrderDetail = Result<'orders.get'>;

/** Tax rate as the document prints it: 1300 → "13%". */
function rate(bp: number): string {
  return `${percentText(bp) || '0'}%`;
}

/**
 * The order confirmation sent to the customer (A4): the company, the customer, ship-to and
 * bill-to, the lines with tax, totals in figures and in capitals, the terms and both parties'
 * signatures.
 */
export function OrderConfirmation({ detail, settings }: { detail: OrderDetail; settings: Settings }) {
  const { t, i18n } = useTranslation();
  const colon = (label: string) => t('orders.labelled', { label });
  const o = detail.order;
  const ship = o.shipTo;
  const address = `${ship.province}${ship.city === ship.province ? '' : ship.city}${ship.district} ${ship.street}${ship.postcode ? `（${ship.postcode}）` : ''}`;
  const payment = o.paymentMethod === 'credit' ? t('orders.payment.terms', { days: o.paymentTermsDays }) : t('orders.payment.cash');
  const qty = detail.lines.reduce((n, l) => n + l.quantity, 0);
  const companyLine = [settings.companyAddress, settings.companyPhone ? `${t('orders.print.tel')} ${settings.companyPhone}` : '', settings.companyTaxId ? `${t('orders.print.taxId')} ${settings.companyTaxId}` : '']
    .filter(Boolean)
    .join(' · ');

  return (
    <div className="sheet o-confirm">
      <header className="doc-head">
        <div>
          <div className="doc-company">{settings.companyName}</div>
          {companyLine ? <div className="doc-company-sub">{companyLine}</div> : null}
          {settings.bankAccount ? <div className="doc-company-sub">{settings.bankAccount}</div> : null}
        </div>
        <div>
          <div className="doc-title">{t('orders.print.title')}</div>
          <div className="doc-number">
            {t('orders.print.number')} {o.number}
          </div>
        </div>
      </header>

      <dl className="doc-meta">
        <div>
          <dt>{t('orders.print.customer')}</dt>
          <dd>{o.customer.name}</dd>
        </div>
        <div>
          <dt>{t('orders.print.date')}</dt>
          <dd>{formatDate(o.submittedAt ?? o.createdAt)}</dd>
        </div>
        <div>
          <dt>{t('orders.print.customerCode')}</dt>
          <dd>{o.customer.code}</dd>
        </div>
        <div>
          <dt>{t('orders.print.po')}</dt>
          <dd>{o.customerPo ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('orders.print.contact')}</dt>
          <dd>
            {o.contactName || ship.recipient} {o.contactPhone || ship.phone}
          </dd>
        </div>
        <div>
          <dt>{t('orders.print.requested')}</dt>
          <dd>{o.requestedDate ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('orders.print.recipient')}</dt>
          <dd>
            {ship.recipient} {ship.phone}
          </dd>
        </div>
        <div>
          <dt>{t('orders.print.promised')}</dt>
          <dd>{o.promisedDate ?? '—'}</dd>
        </div>
        <div className="o-span2">
          <dt>{t('orders.print.shipTo')}</dt>
          <dd>{address}</dd>
        </div>
        {o.billTo ? (
          <div className="o-span2">
            <dt>{t('orders.print.billTo')}</dt>
            <dd>{o.billTo}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('orders.print.payment')}</dt>
          <dd>{payment}</dd>
        </div>
        <div>
          <dt>{t('orders.print.delivery')}</dt>
          <dd>{t(`orders.delivery.${o.deliveryMethod}`)}</dd>
        </div>
      </dl>

      <table className="doc-table">
        <thead>
          <tr>
            <th className="num">{t('orders.print.no')}</th>
            <th>{t('orders.print.sku')}</th>
            <th>{t('orders.print.name')}</th>
            <th>{t('orders.print.spec')}</th>
            <th className="num">{t('orders.print.qty')}</th>
            <th>{t('orders.print.unit')}</th>
            <th className="num">{t('orders.print.unitPrice')}</th>
            <th className="num">{t('orders.print.discount')}</th>
            <th className="num">{t('orders.print.amount')}</th>
            <th className="num">{t('orders.print.tax')}</th>
            <th className="num">{t('orders.print.total')}</th>
          </tr>
        </thead>
        <tbody>
          {detail.lines.map((l) => (
            <tr key={l.id}>
              <td className="num">{l.lineNo}</td>
              <td>{l.sku}</td>
              <td>{l.name}</td>
              <td>
                {l.spec ?? ''}
                {l.customParams ? <div className="o-doc-params">{l.customParams}</div> : null}
              </td>
              <td className="num">{l.quantity}</td>
              <td>{l.unit}</td>
              <td className="num">{formatMoney(l.unitPrice)}</td>
              <td className="num">{l.discountBp ? `${percentText(l.discountBp)}%` : ''}</td>
              <td className="num">{formatMoney(l.amount)}</td>
              <td className="num">
                {formatMoney(l.tax)}
                <div className="o-doc-rate">{rate(l.taxRateBp)}</div>
              </td>
              <td className="num">{formatMoney(l.total)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td colSpan={4}>{t('orders.print.sum')}</td>
            <td className="num">{qty}</td>
            <td colSpan={3} />
            <td className="num">{formatMoney(detail.totals.subtotal)}</td>
            <td className="num">{formatMoney(detail.totals.taxTotal)}</td>
            <td className="num">¥{formatMoney(detail.totals.total)}</td>
          </tr>
          <tr>
            <td colSpan={11} className="o-doc-capital">
              {colon(t('orders.print.capital'))}<b>{t('orders.print.rmb', { amount: capitalAmount(detail.totals.total) })}</b>
              <span className="o-doc-figure">¥{formatMoney(detail.totals.total)}</span>
            </td>
          </tr>
        </tfoot>
      </table>

      {o.customText ? (
        <div className="doc-terms">
          <b>{colon(t('orders.print.custom'))}</b>
          {o.customText}
        </div>
      ) : null}
      {o.notes ? (
        <div className="doc-terms">
          <b>{colon(t('orders.print.notes'))}</b>
          {o.notes}
        </div>
      ) : null}
      <div className="doc-terms">
        <b>{colon(t('orders.print.terms'))}</b>
        {'\n'}
        {t('orders.print.termsText')}
      </div>

      <div className="doc-sign">
        <div>
          <b>{colon(t('orders.print.seller'))}</b>{settings.companyName}
          <p>
            {colon(t('orders.print.signer'))}<span className="o-doc-blank" />
          </p>
          <p>
            {colon(t('orders.print.signDate'))}<span className="o-doc-blank" />
          </p>
        </div>
        <div>
          <b>{colon(t('orders.print.buyer'))}</b>{o.customer.name}
          <p>
            {colon(t('orders.print.signer'))}<span className="o-doc-blank" />
          </p>
          <p>
            {colon(t('orders.print.signDate'))}<span className="o-doc-blank" />
          </p>
        </div>
      </div>
      <footer className="doc-foot">
        <span>{o.number}</span>
        <span>{t('orders.print.printedAt', { time: formatDateTime(new Date().toISOString(), i18n.language) })}</span>
        <span>{t('orders.print.page')}</span>
      </footer>
    </div>
  );
}
