import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isEditableByClerk } from '@shared/orders/state-machine';
import { ORDER_TAKERS } from '@shared/roles';
import { useQuery } from '../../api/hooks';
import { useKeys, type KeyBinding } from '../../app/keyboard';
import { useNav } from '../../app/nav';
import type { ScreenProps } from '../../app/screens';
import { hasRole, useSession } from '../../app/session';
import { Button } from '../../ui/Button';
import { formatDateTime, formatInt, formatMoney } from '../../ui/format';
import { capitalAmount } from './capital';
import { CancelDialog } from './detail/CancelDialog';
import { AuditTimeline, HistoryList, VersionList } from './detail/Timeline';
import { percentText } from './entry/fields';
import { PrintPreview } from './print/PrintPreview';
import { holdText, StatusBadge } from './status';
import './orders.css';

const CANCELLABLE = new Set(['draft', 'submitted', 'on_hold', 'approved', 'allocated']);

/** One order: header, lines with what is allocated / delivered / cancelled, totals, holds, history, versions, audit. */
export function OrderDetailScreen({ params }: ScreenProps) {
  const { t, i18n } = useTranslation();
  const go = useNav((s) => s.go);
  const back = useNav((s) => s.back);
  const user = useSession((s) => s.user);
  const q = useQuery('orders.get', { id: params.id ?? '' }, { enabled: !!params.id });
  const [cancelling, setCancelling] = useState(false);
  const [printing, setPrinting] = useState(false);
  const d = q.data;
  const o = d?.order;
  const taker = hasRole(user, ORDER_TAKERS);
  const canEdit = !!o && taker && (o.status === 'draft' || isEditableByClerk(o.status));
  const canCancel = !!o && taker && CANCELLABLE.has(o.status);

  const edit = () => {
    if (!o) return;
    go('orders.entry', o.status === 'draft' ? { id: o.id } : { id: o.id, mode: 'amend' });
  };

  const keys: KeyBinding[] = [
    { key: 'Escape', label: 'orders.detail.back', run: back },
    ...(o ? [{ key: 'Ctrl+P', label: 'orders.detail.print', run: () => setPrinting(true), inInputs: true }] : []),
    ...(canEdit ? [{ key: 'Alt+E', label: o!.status === 'draft' ? 'orders.detail.resume' : 'orders.detail.amend', run: edit, inInputs: true }] : []),
    ...(canCancel ? [{ key: 'Alt+X', label: 'orders.detail.cancel', run: () => setCancelling(true), inInputs: true }] : []),
    { key: 'F5', label: 'common.refresh', run: q.reload, inInputs: true },
  ];
  useKeys(keys);

  if (!params.id || (q.error && !d)) {
    return (
      <section className="screen o-detail">
        <p className="form-error">{q.error?.message ?? t('orders.detail.notFound')}</p>
      </section>
    );
  }
  if (!d || !o) return <section className="screen o-detail muted">{t('common.loading')}</section>;

  const ship = o.shipTo;
  const lang = i18n.language;
  const qty = d.lines.reduce((n, l) => n + l.quantity, 0);

  return (
    <section className="screen o-detail" tabIndex={-1} aria-label={o.number}>
      <header className="screen-head">
        <div className="o-title">
          <h1>
            {t('screen.orders.detail')} <span className="mono o-number">{o.number}</span>
          </h1>
          <StatusBadge status={o.status} />
          {o.changedFlag ? <span className="o-flag changed">{t('orders.list.flag.changedTitle')}</span> : null}
          {o.duplicateConfirmed ? <span className="o-flag duplicate">{t('orders.list.flag.duplicateTitle')}</span> : null}
          {o.customFlag ? <span className="o-flag custom">{t('orders.list.flag.customTitle')}</span> : null}
          {o.revision > 0 ? <span className="muted">{t('orders.detail.revision', { n: o.revision })}</span> : null}
        </div>
        <div className="o-actions">
          {canEdit ? (
            <Button onClick={edit} keyHint="Alt+E">
              {o.status === 'draft' ? t('orders.detail.resume') : t('orders.detail.amend')}
            </Button>
          ) : null}
          {canCancel ? (
            <Button variant="danger" onClick={() => setCancelling(true)} keyHint="Alt+X">
              {t('orders.detail.cancel')}
            </Button>
          ) : null}
          <Button variant="primary" onClick={() => setPrinting(true)} keyHint="Ctrl+P">
            {t('orders.detail.print')}
          </Button>
          <Button onClick={back} keyHint="Esc">
            {t('orders.detail.back')}
          </Button>
        </div>
      </header>

      <div className="o-dgrid">
        <section className="o-card">
          <h3>{t('orders.detail.customer')}</h3>
          <dl>
            <dt>{o.customer.code}</dt>
            <dd className="o-strong">{o.customer.name}</dd>
            <dt>{t('orders.f.contactName')}</dt>
            <dd>
              {o.contactName} <span className="mono">{o.contactPhone}</span>
            </dd>
            <dt>{t('orders.f.customerPo')}</dt>
            <dd className="mono">{o.customerPo ?? '—'}</dd>
            {o.billTo ? (
              <>
                <dt>{t('orders.f.billTo')}</dt>
                <dd>{o.billTo}</dd>
              </>
            ) : null}
          </dl>
        </section>
        <section className="o-card">
          <h3>{t('orders.detail.shipTo')}</h3>
          <dl>
            <dt>{t('orders.f.recipient')}</dt>
            <dd>
              {ship.recipient} <span className="mono">{ship.phone}</span>
            </dd>
            <dt>{t('orders.f.address')}</dt>
            <dd>
              {ship.province}
              {ship.city === ship.province ? '' : ship.city}
              {ship.district} {ship.street} {ship.postcode ?? ''}
            </dd>
            <dt>{t('orders.f.warehouse')}</dt>
            <dd>{o.warehouse ? `${o.warehouse.code} ${o.warehouse.name}` : '—'}</dd>
          </dl>
        </section>
        <section className="o-card">
          <h3>{t('orders.detail.terms')}</h3>
          <dl>
            <dt>{t('orders.f.orderType')}</dt>
            <dd>
              {t(`orders.type.${o.orderType}`)} · {t(`orders.channel.${o.channel}`)} · {t(`orders.priority.${o.priority}`)}
            </dd>
            <dt>{t('orders.f.paymentMethod')}</dt>
            <dd>{o.paymentMethod === 'credit' ? t('orders.payment.terms', { days: o.paymentTermsDays }) : t('orders.payment.cash')}</dd>
            <dt>{t('orders.f.deliveryMethod')}</dt>
            <dd>{t(`orders.delivery.${o.deliveryMethod}`)}</dd>
            {o.customText ? (
              <>
                <dt>{t('orders.f.customText')}</dt>
                <dd>{o.customText}</dd>
              </>
            ) : null}
            {o.notes ? (
              <>
                <dt>{t('orders.f.notes')}</dt>
                <dd>{o.notes}</dd>
              </>
            ) : null}
          </dl>
        </section>
        <section className="o-card">
          <h3>{t('orders.detail.dates')}</h3>
          <dl>
            <dt>{t('orders.detail.created')}</dt>
            <dd>{formatDateTime(o.createdAt, lang)}</dd>
            <dt>{t('orders.detail.submitted')}</dt>
            <dd>{formatDateTime(o.submittedAt, lang) || '—'}</dd>
            {o.approvedAt ? (
              <>
                <dt>{t('orders.detail.approved')}</dt>
                <dd>{formatDateTime(o.approvedAt, lang)}</dd>
              </>
            ) : null}
            <dt>{t('orders.f.requestedDate')}</dt>
            <dd>{o.requestedDate ?? '—'}</dd>
            <dt>{t('orders.f.promisedDate')}</dt>
            <dd>{o.promisedDate ?? '—'}</dd>
          </dl>
        </section>
      </div>

      <section className="o-card">
        <h3>{t('orders.detail.lines')}</h3>
        <table className="o-table">
          <thead>
            <tr>
              <th className="num">{t('orders.lines.no')}</th>
              <th>{t('orders.lines.product')}</th>
              <th>{t('orders.lines.name')}</th>
              <th>{t('orders.lines.unit')}</th>
              <th className="num">{t('orders.detail.ordered')}</th>
              <th className="num">{t('orders.detail.allocated')}</th>
              <th className="num">{t('orders.detail.delivered')}</th>
              <th className="num">{t('orders.detail.cancelled')}</th>
              <th className="num">{t('orders.lines.price')}</th>
              <th className="num">{t('orders.lines.discount')}</th>
              <th className="num">{t('orders.lines.amount')}</th>
              <th className="num">{t('orders.side.tax')}</th>
              <th className="num">{t('orders.side.total')}</th>
              <th className="num">{t('orders.detail.stock')}</th>
            </tr>
          </thead>
          <tbody>
            {d.lines.map((l) => (
              <tr key={l.id}>
                <td className="num muted">{l.lineNo}</td>
                <td className="mono">{l.sku}</td>
                <td>
                  {l.name} <span className="muted">{l.spec ?? ''}</span>
                  {l.customParams ? <div className="muted">{l.customParams}</div> : null}
                </td>
                <td>{l.unit}</td>
                <td className="num">{formatInt(l.quantity)}</td>
                <td className="num">{formatInt(l.allocatedQty)}</td>
                <td className="num">{formatInt(l.deliveredQty)}</td>
                <td className="num">{l.cancelledQty ? formatInt(l.cancelledQty) : ''}</td>
                <td className="num">{formatMoney(l.unitPrice)}</td>
                <td className="num">{l.discountBp ? `${percentText(l.discountBp)}%` : ''}</td>
                <td className="num">{formatMoney(l.amount)}</td>
                <td className="num">{formatMoney(l.tax)}</td>
                <td className="num">{formatMoney(l.total)}</td>
                <td className={`num${l.stock && l.stock.available < l.quantity - l.allocatedQty - l.deliveredQty ? ' o-neg' : ''}`}>
                  {l.stock ? formatInt(l.stock.available) : '—'}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td colSpan={4}>
                {t('orders.labelled', { label: t('orders.side.capital') })}
                {capitalAmount(d.totals.total)}
              </td>
              <td className="num">{formatInt(qty)}</td>
              <td colSpan={5} />
              <td className="num">{formatMoney(d.totals.subtotal)}</td>
              <td className="num">{formatMoney(d.totals.taxTotal)}</td>
              <td className="num" data-total="">
                ¥{formatMoney(d.totals.total)}
              </td>
              <td />
            </tr>
          </tfoot>
        </table>
      </section>

      <div className="o-dcols">
        <div className="o-dstack">
          {d.holds.length ? (
            <section className="o-card">
              <h3>{t('orders.detail.holds')}</h3>
              <ul className="o-timeline">
                {d.holds.map((h) => (
                  <li key={h.id}>
                    <span className="o-when">{formatDateTime(h.createdAt, lang)}</span>
                    <span>
                      <span className={`badge ${h.status === 'open' ? 'warn' : ''}`}>
                        {h.status === 'open' ? t('orders.detail.holdOpen') : t('orders.detail.holdClosed')}
                      </span>
                    </span>
                    <span className="o-what">
                      {holdText(t, (k) => i18n.exists(k), h)}
                      {h.comment ? <span className="muted"> — {h.comment}</span> : null}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <HistoryList history={d.history} />
          <VersionList versions={d.versions} />
        </div>
        <AuditTimeline audit={d.audit} />
      </div>

      {cancelling ? <CancelDialog order={o} onClose={() => setCancelling(false)} /> : null}
      {printing ? <PrintPreview orderId={o.id} onClose={() => setPrinting(false)} /> : null}
    </section>
  );
}
