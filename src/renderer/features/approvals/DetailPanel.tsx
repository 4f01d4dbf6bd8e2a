import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../api/client';
import { formatDate, formatDateTime, formatInt, formatMoney } from '../../ui/format';
import { OrderDiff } from '../orders/detail/OrderDiff';
import { percent } from './model';
import { KindBadge } from './parts';

export type Detail = Result<'approvals.detail'>;
type ChangeRequest = Detail['changeRequests'][number];

interface Props {
  detail: Detail;
  /** A newer order is being fetched: the panel dims rather than flickers. */
  stale?: boolean;
}

/**
 * Everything an approver weighs for one order, dense and quiet: why it waits, the customer's
 * exposure and collections, stock per warehouse, the lines, the requested change and what was
 * decided before. Figures are right-aligned; only what is wrong is red.
 */
export function DetailPanel({ detail, stale }: Props) {
  const { t, i18n } = useTranslation();
  const { order, exposure, myLimit } = detail;
  const beyond = myLimit !== null && order.total > myLimit;
  const openRequests = detail.changeRequests.filter((r) => r.status === 'open');
  const requests = openRequests.length ? openRequests : detail.changeRequests.slice(0, 1);
  return (
    <aside className={`ap-detail${stale ? ' stale' : ''}`} aria-label={order.number} aria-busy={stale || undefined}>
      <header className="ap-head">
        <div className="ap-head-main">
          <h2>
            <code className="ap-number">{order.number}</code>
            <span className={`badge ${order.status === 'on_hold' ? 'warn' : 'info'}`}>{t(`order.status.${order.status}`)}</span>
            {order.changedFlag ? <span className="badge info">{t('approvals.changed')}</span> : null}
          </h2>
          <div className="ap-customer">
            <code>{order.customerCode}</code> {order.customerName}
          </div>
        </div>
        <div className="ap-head-total">
          <div className="ap-label">{t('approvals.detail.total')}</div>
          <div className="ap-amount">¥{formatMoney(order.total)}</div>
          <div className={beyond ? 'ap-limit beyond' : 'ap-limit'}>
            {beyond ? <span className="badge danger">{t('approvals.detail.beyondLimit')}</span> : null}{' '}
            {myLimit === null ? t('approvals.detail.unlimited') : t('approvals.detail.myLimit', { limit: formatMoney(myLimit) })}
          </div>
        </div>
      </header>

      <dl className="ap-facts">
        <Fact label={t('approvals.detail.payment')}>{t(`approvals.detail.payment.${order.paymentMethod}`)}</Fact>
        <Fact label={t('approvals.detail.delivery')}>{t(`orders.delivery.${order.deliveryMethod}`)}</Fact>
        <Fact label={t('approvals.detail.submitted')}>{formatDateTime(order.submittedAt, i18n.language)}</Fact>
        <Fact label={t('approvals.detail.promised')}>{formatDate(order.promisedDate)}</Fact>
        <Fact label={t('approvals.detail.contact')}>
          {order.contactName} <span className="ap-mono">{order.contactPhone}</span>
        </Fact>
        <Fact label={t('approvals.detail.shipTo')} wide>
          {order.shipTo}
        </Fact>
        {order.customText ? (
          <Fact label={t('approvals.detail.custom')} wide>
            {order.customText}
          </Fact>
        ) : null}
      </dl>

      <Section title={t('approvals.sec.reasons')}>
        <ul className="ap-reasons">
          {detail.holds.map((h) => (
            <li key={h.holdId}>
              <KindBadge kind={h.kind} />
              <span className="ap-reason-text">{t(h.code, h.params)}</span>
              {/* The reason quotes the figures of that moment; the tables below are live. */}
              <span className="ap-reason-at muted num">{t('approvals.reasonAt', { at: formatDateTime(h.createdAt) })}</span>
              {h.awaitingChange ? <span className="badge warn">{t('approvals.awaitingChange')}</span> : null}
              {h.comment ? <span className="ap-reason-comment muted">“{h.comment}”</span> : null}
            </li>
          ))}
        </ul>
      </Section>

      {requests.map((r) => (
        <ChangeSection key={r.id} request={r} />
      ))}

      <div className="ap-two">
        <Section title={t('approvals.sec.exposure')}>
          <table className="ap-table ap-exposure">
            <tbody>
              <Row label={t('approvals.exp.limit')} value={exposure.creditLimit} />
              <Row label={t('approvals.exp.unpaid')} value={exposure.unpaidSettlements} />
              <Row label={t('approvals.exp.open')} value={exposure.openOrders} />
              <Row label={t('approvals.exp.this')} value={exposure.thisOrder} />
              <Row label={t('approvals.exp.total')} value={exposure.total} strong />
              {exposure.headroom >= 0 ? (
                <Row label={t('approvals.exp.remaining')} value={exposure.headroom} />
              ) : (
                <Row label={t('approvals.exp.over')} value={-exposure.headroom} over />
              )}
            </tbody>
          </table>
          {order.paymentMethod === 'cash' ? <p className="muted ap-caption">{t('approvals.exp.cash')}</p> : null}
        </Section>
        <Section title={t('approvals.sec.collection')}>
          <Collection collection={detail.collection} />
        </Section>
      </div>

      <Section title={t('approvals.sec.stock')}>
        <StockTable detail={detail} />
      </Section>

      <Section title={t('approvals.sec.lines')}>
        <table className="ap-table">
          <thead>
            <tr>
              <th className="ap-narrow">{t('approvals.line.no')}</th>
              <th>{t('approvals.line.product')}</th>
              <th className="num">{t('approvals.line.qty')}</th>
              <th className="num">{t('approvals.line.price')}</th>
              <th className="num">{t('approvals.line.total')}</th>
              <th className="num">{t('approvals.line.allocated')}</th>
            </tr>
          </thead>
          <tbody>
            {detail.lines.map((l) => (
              <tr key={l.id}>
                <td className="ap-narrow">{l.lineNo}</td>
                <td className="ap-ellipsis" title={l.customParams ? `${l.name} · ${l.customParams}` : l.name}>
                  <code>{l.sku}</code> {l.name}
                  {l.customParams ? <span className="muted"> · {l.customParams}</span> : null}
                </td>
                <td className="num">{formatInt(l.quantity)}</td>
                <td className="num">{formatMoney(l.unitPrice)}</td>
                <td className="num">{formatMoney(l.total)}</td>
                <td className="num">{formatInt(l.allocatedQty)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>

      {detail.confirmations.length ? (
        <Section title={t('approvals.sec.confirmations')}>
          <ul className="ap-log">
            {detail.confirmations.map((c, i) => (
              <li key={i}>
                <span>{t('approvals.confirmation.line', { channel: t(`approvals.channel.${c.channel}`, { defaultValue: c.channel }), person: c.person, at: formatDateTime(c.confirmedAt, i18n.language) })}</span>
                <span className="ap-log-text">{c.text}</span>
                <span className="muted">{t('approvals.confirmation.recorded', { by: c.recordedBy })}</span>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      <Section title={t('approvals.sec.decisions')}>
        {detail.decisions.length ? (
          <ul className="ap-log">
            {detail.decisions.map((d) => (
              <li key={d.id}>
                <span className="ap-mono muted">{formatDateTime(d.decidedAt, i18n.language)}</span>
                <span>{d.decidedBy}</span>
                <span className="ap-decision">{t(`approvals.decision.${d.decision}`, { defaultValue: d.decision })}</span>
                {d.comment ? <span className="ap-log-text">{d.comment}</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted ap-none">{t('approvals.decisions.none')}</p>
        )}
      </Section>
    </aside>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="ap-section">
      <h3>{title}</h3>
      {children}
    </section>
  );
}

function Fact({ label, children, wide }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? 'wide' : undefined}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Row({ label, value, strong, over }: { label: string; value: number; strong?: boolean; over?: boolean }) {
  return (
    <tr className={over ? 'ap-over' : strong ? 'ap-strong' : undefined}>
      <th scope="row">{label}</th>
      <td className="num">{formatMoney(value)}</td>
    </tr>
  );
}

function Collection({ collection }: { collection: Detail['collection'] }) {
  const { t } = useTranslation();
  const low = (bp: number | null) => bp !== null && bp < collection.thresholdBp;
  const rateOf = (paid: number, due: number) => (due > 0 ? Math.floor((Math.max(0, paid) * 10_000) / due) : null);
  return (
    <>
      {collection.months.length ? (
        <table className="ap-table">
          <thead>
            <tr>
              <th>{t('approvals.coll.month')}</th>
              <th className="num">{t('approvals.coll.due')}</th>
              <th className="num">{t('approvals.coll.paid')}</th>
              <th className="num">{t('approvals.coll.rate')}</th>
            </tr>
          </thead>
          <tbody>
            {collection.months.map((m) => {
              const rate = rateOf(m.paid, m.due);
              return (
                <tr key={m.month}>
                  <td>{m.month}</td>
                  <td className="num">{formatMoney(m.due)}</td>
                  <td className="num">{formatMoney(m.paid)}</td>
                  <td className={`num${low(rate) ? ' ap-red' : ''}`}>{rate === null ? '—' : `${percent(rate)}%`}</td>
                </tr>
              );
            })}
            <tr className="ap-strong">
              <td>{t('approvals.coll.total')}</td>
              <td className="num">{formatMoney(collection.due)}</td>
              <td className="num">{formatMoney(collection.paid)}</td>
              <td className={`num${low(collection.rateBp) ? ' ap-red' : ''}`}>{collection.rateBp === null ? '—' : `${percent(collection.rateBp)}%`}</td>
            </tr>
          </tbody>
        </table>
      ) : (
        <p className="muted ap-none">{t('approvals.coll.none')}</p>
      )}
      <p className="muted ap-caption">{t('approvals.coll.threshold', { percent: percent(collection.thresholdBp) })}</p>
    </>
  );
}

function StockTable({ detail }: { detail: Detail }) {
  const { t } = useTranslation();
  const nameOf = new Map(detail.lines.map((l) => [l.productId, l.name]));
  const shipsFrom = new Set(detail.lines.filter((l) => l.warehouseId).map((l) => `${l.productId}:${l.warehouseId}`));
  return (
    <table className="ap-table ap-stock">
      <thead>
        <tr>
          <th>{t('approvals.stock.warehouse')}</th>
          <th className="num">{t('approvals.stock.onHand')}</th>
          <th className="num">{t('approvals.stock.allocated')}</th>
          <th className="num">{t('approvals.stock.available')}</th>
          <th className="num">{t('approvals.stock.inTransit')}</th>
        </tr>
      </thead>
      {detail.stock.map((p) => {
        const mineCells = p.warehouses.filter((w) => shipsFrom.has(`${p.productId}:${w.warehouseId}`));
        // Short when the warehouse it ships from (else the best one) cannot cover what is still to reserve.
        const best = Math.max(0, ...(mineCells.length ? mineCells : p.warehouses).map((w) => w.available));
        const needClass = p.need === 0 ? 'ap-need ok' : p.need > best ? 'ap-need short' : 'ap-need';
        return (
        <tbody key={p.productId}>
          <tr className="ap-product">
            <th colSpan={5} scope="rowgroup">
              <code>{p.sku}</code> {nameOf.get(p.productId) ?? ''}
              <span className={needClass}>{p.need > 0 ? t('approvals.stock.need', { n: formatInt(p.need) }) : t('approvals.stock.covered')}</span>
            </th>
          </tr>
          {p.warehouses.length ? (
            p.warehouses.map((w) => {
              const mine = shipsFrom.has(`${p.productId}:${w.warehouseId}`);
              const short = mine && p.need > w.available;
              return (
                <tr key={w.warehouseId} className={mine ? 'ap-mine' : undefined}>
                  <td className="ap-ellipsis">
                    <code>{w.warehouseCode}</code> {w.warehouseName}
                    {mine ? <span className="badge info ap-ships">{t('approvals.stock.lineWarehouse')}</span> : null}
                  </td>
                  <td className="num">{formatInt(w.onHand)}</td>
                  <td className="num">{formatInt(w.allocated)}</td>
                  <td className={`num${short || w.available <= 0 ? ' ap-red' : ''}`}>{formatInt(w.available)}</td>
                  <td className="num" title={w.inTransitEta ? t('approvals.stock.eta', { date: formatDate(w.inTransitEta) }) : undefined}>
                    {formatInt(w.inTransit)}
                    {w.inTransit > 0 && w.inTransitEta ? <span className="muted ap-eta"> {formatDate(w.inTransitEta).slice(5)}</span> : null}
                  </td>
                </tr>
              );
            })
          ) : (
            <tr>
              <td colSpan={5} className="muted">
                {t('approvals.stock.none')}
              </td>
            </tr>
          )}
        </tbody>
        );
      })}
    </table>
  );
}

function ChangeSection({ request }: { request: ChangeRequest }) {
  const { t, i18n } = useTranslation();
  return (
    <Section title={t('approvals.sec.change')}>
      <div className="ap-change-head">
        <span className={`badge ${request.status === 'open' ? 'warn' : request.status === 'approved' ? 'ok' : ''}`}>{t(`approvals.change.status.${request.status}`)}</span>
        <span className="muted">{t('approvals.change.by', { by: request.requestedBy, at: formatDateTime(request.requestedAt, i18n.language) })}</span>
        {request.comment ? <span className="ap-log-text">“{request.comment}”</span> : null}
        <span className="ap-spacer" />
        <span className="muted">{t('approvals.change.delta')}</span>
        <b className="ap-delta">
          {request.amountDelta > 0 ? '+' : ''}
          {formatMoney(request.amountDelta)}
        </b>
      </div>
      <OrderDiff entries={request.diff} className="ap-diff" />
    </Section>
  );
}
