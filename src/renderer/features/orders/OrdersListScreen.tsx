import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { create } from 'zustand';
import type { OrderListRow } from '@shared/contract/orders';
import { ORDER_CHANNELS, ORDER_TYPES, type OrderChannel, type OrderType } from '@shared/orders/schema';
import type { OrderStatus } from '@shared/orders/status';
import { isIsoDate } from '@shared/validators';
import { useQuery } from '../../api/hooks';
import { usePagedRows } from '../../api/paged';
import { useKeys } from '../../app/keyboard';
import { useNav } from '../../app/nav';
import { Button } from '../../ui/Button';
import { DataGrid, type Column } from '../../ui/DataGrid';
import { Field, SelectField } from '../../ui/Field';
import { formatDateTime, formatInt, formatMoney } from '../../ui/format';
import { StatusPicker } from './list/StatusPicker';
import { StatusBadge } from './status';
import './orders.css';

interface Filters {
  q: string;
  status: OrderStatus[];
  from: string;
  to: string;
  regionId: string;
  type: '' | OrderType;
  channel: '' | OrderChannel;
}

const NO_FILTERS: Filters = { q: '', status: [], from: '', to: '', regionId: '', type: '', channel: '' };

/** The filters survive a trip to an order and back. */
const useFilters = create<{ filters: Filters; set(patch: Partial<Filters>): void; clear(): void }>((set) => ({
  filters: NO_FILTERS,
  set: (patch) => set((s) => ({ filters: { ...s.filters, ...patch } })),
  clear: () => set({ filters: NO_FILTERS }),
}));

const GRID = 'orders';

/**
 * Orders (F3): a virtualized list over the whole store (only the pages in view are fetched), searched
 * by number, customer, product, phone or PO and filtered by status, date, region, type and channel.
 * Enter opens the order.
 */
export function OrdersListScreen() {
  const { t, i18n } = useTranslation();
  const go = useNav((s) => s.go);
  const { filters, set, clear } = useFilters();
  const search = useRef<HTMLInputElement>(null);
  const statusButton = useRef<HTMLButtonElement>(null);
  const [text, setText] = useState(filters.q);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const regions = useQuery('regions.list', { activeOnly: false });
  const regionName = useMemo(() => new Map((regions.data?.rows ?? []).map((r) => [r.id, r.name])), [regions.data]);

  const input = useMemo(
    () => ({
      q: filters.q || undefined,
      status: filters.status.length ? filters.status : undefined,
      from: filters.from || undefined,
      to: filters.to || undefined,
      regionId: filters.regionId || undefined,
      type: filters.type || undefined,
      channel: filters.channel || undefined,
      sort: 'created_desc' as const,
    }),
    [filters],
  );
  const list = usePagedRows<'orders.list', OrderListRow>('orders.list', input, 100);

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  const typed = (v: string) => {
    setText(v);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => set({ q: v.trim() }), 200);
  };
  const focusGrid = () => document.querySelector<HTMLElement>(`[role="grid"][aria-label="${GRID}"]`)?.focus();

  useKeys([
    { key: 'Ctrl+F', label: 'orders.list.key.search', run: () => search.current?.select(), inInputs: true },
    { key: 'Alt+T', label: 'orders.list.key.status', run: () => statusButton.current?.focus(), inInputs: true },
    {
      key: 'Alt+C',
      label: 'orders.list.key.clear',
      run: () => {
        clear();
        setText('');
      },
      inInputs: true,
    },
    { key: 'F5', label: 'common.refresh', run: list.reload, inInputs: true },
  ]);

  const c = (k: string) => t(`orders.list.col.${k}`);
  const columns: Column<OrderListRow>[] = [
    { key: 'number', header: c('number'), width: '186px', render: (r) => <span className="mono">{r.number}</span> },
    { key: 'date', header: c('date'), width: '128px', render: (r) => formatDateTime(r.createdAt, i18n.language) },
    {
      key: 'customer',
      header: c('customer'),
      width: 'minmax(200px, 2fr)',
      render: (r) => (
        <span title={`${r.customerCode} ${r.customerName}`}>
          <code>{r.customerCode}</code> {r.customerName}
        </span>
      ),
    },
    { key: 'region', header: c('region'), width: '64px', render: (r) => (r.regionId ? (regionName.get(r.regionId) ?? '') : '') },
    { key: 'ship', header: c('ship'), width: 'minmax(110px, 1fr)', render: (r) => <span title={r.shipRecipient}>{`${r.shipCity} ${r.shipRecipient}`}</span> },
    { key: 'type', header: c('type'), width: '92px', render: (r) => `${t(`orders.type.${r.orderType}`)} · ${t(`orders.channel.${r.channel}`)}` },
    { key: 'status', header: c('status'), width: '84px', render: (r) => <StatusBadge status={r.status} /> },
    {
      key: 'flags',
      header: c('flags'),
      width: '88px',
      render: (r) => (
        <>
          {r.priority === 'urgent' ? <Flag kind="urgent" /> : null}
          {r.changedFlag ? <Flag kind="changed" /> : null}
          {r.duplicateConfirmed ? <Flag kind="duplicate" /> : null}
          {r.customFlag ? <Flag kind="custom" /> : null}
        </>
      ),
    },
    { key: 'promised', header: c('promised'), width: '88px', render: (r) => r.promisedDate ?? '' },
    { key: 'lines', header: c('lines'), width: '44px', align: 'right', render: (r) => String(r.lineCount) },
    { key: 'total', header: c('total'), width: '112px', align: 'right', render: (r) => formatMoney(r.total) },
  ];

  const option = (value: string, label: string) => ({ value, label });
  const filtered = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);

  return (
    <section className="screen o-list">
      <header className="screen-head">
        <h1>{t('screen.orders.list')}</h1>
        <div className="toolbar">
          <Button onClick={() => go('orders.entry')} keyHint="F2">
            {t('orders.entry.new')}
          </Button>
          {filtered ? (
            <Button
              onClick={() => {
                clear();
                setText('');
              }}
              keyHint="Alt+C"
            >
              {t('orders.list.key.clear')}
            </Button>
          ) : null}
          <Button onClick={list.reload} keyHint="F5">
            {t('common.refresh')}
          </Button>
        </div>
      </header>
      <div className="o-filters">
        <div className="o-search search-box">
          <Field label={t('orders.list.search')}>
            {(id) => (
              <input
                id={id}
                ref={search}
                type="search"
                value={text}
                placeholder={t('orders.list.searchHint')}
                autoComplete="off"
                spellCheck={false}
                autoFocus
                onChange={(e) => typed(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === 'ArrowDown') {
                    e.preventDefault();
                    if (timer.current) clearTimeout(timer.current);
                    set({ q: text.trim() });
                    focusGrid();
                  } else if (e.key === 'Escape' && text) {
                    e.preventDefault();
                    e.nativeEvent.stopImmediatePropagation();
                    typed('');
                  }
                }}
              />
            )}
          </Field>
        </div>
        <StatusPicker value={filters.status} onChange={(status) => set({ status })} buttonRef={statusButton} />
        <DateFilter label={t('orders.list.from')} value={filters.from} onChange={(from) => set({ from })} />
        <DateFilter label={t('orders.list.to')} value={filters.to} onChange={(to) => set({ to })} />
        <SelectField
          label={t('orders.list.region')}
          value={filters.regionId}
          onChange={(regionId) => set({ regionId })}
          options={[option('', t('orders.list.regionAll')), ...(regions.data?.rows ?? []).map((r) => option(r.id, r.name))]}
        />
        <SelectField
          label={t('orders.list.type')}
          value={filters.type}
          onChange={(v) => set({ type: v as Filters['type'] })}
          options={[option('', t('orders.list.all')), ...ORDER_TYPES.map((v) => option(v, t(`orders.type.${v}`)))]}
        />
        <SelectField
          label={t('orders.list.channel')}
          value={filters.channel}
          onChange={(v) => set({ channel: v as Filters['channel'] })}
          options={[option('', t('orders.list.all')), ...ORDER_CHANNELS.map((v) => option(v, t(`orders.channel.${v}`)))]}
        />
        <span className="o-count" aria-live="polite" data-count="">
          {list.loading ? t('common.loading') : t(list.estimate ? 'orders.list.rowsEstimate' : 'orders.list.rows', { n: formatInt(list.total) })}
        </span>
      </div>
      <DataGrid
        label={GRID}
        columns={columns}
        rowCount={list.total}
        getRow={list.getRow}
        onRangeChange={list.onRangeChange}
        rowKey={(r) => r.id}
        rowClass={(r) => (r.status === 'cancelled' || r.status === 'draft' ? 'flag-muted' : undefined)}
        onOpen={(r) => go('orders.detail', { id: r.id })}
        emptyText={list.loading ? t('common.loading') : t('orders.list.empty')}
      />
    </section>
  );
}

/** A day typed as YYYY-MM-DD (the same everywhere, whatever the browser's locale); applied on Enter or leaving. */
function DateFilter({ label, value, onChange }: { label: string; value: string; onChange(v: string): void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  const [bad, setBad] = useState(false);
  useEffect(() => setText(value), [value]);
  const apply = () => {
    const v = text.trim();
    if (v && !isIsoDate(v)) {
      setBad(true);
      return;
    }
    setBad(false);
    if (v !== value) onChange(v);
  };
  return (
    <Field label={label} error={bad ? t('v.date') : null}>
      {(id, describedBy) => (
        <input
          id={id}
          className="o-date mono"
          value={text}
          placeholder="YYYY-MM-DD"
          maxLength={10}
          aria-invalid={bad || undefined}
          aria-describedby={describedBy}
          onChange={(e) => setText(e.target.value)}
          onBlur={apply}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              apply();
            }
          }}
        />
      )}
    </Field>
  );
}

function Flag({ kind }: { kind: 'changed' | 'duplicate' | 'custom' | 'urgent' }) {
  const { t } = useTranslation();
  return (
    <span className={`o-flag ${kind}`} title={t(`orders.list.flag.${kind}Title`)}>
      {t(`orders.list.flag.${kind}`)}
    </span>
  );
}
