import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STOCK_EDITORS, type StockRow } from '@shared/contract/masters';
import { usePagedRows } from '../../api/paged';
import { useKeys } from '../../app/keyboard';
import { hasRole, useSession } from '../../app/session';
import { Button } from '../../ui/Button';
import { DataGrid, type Column } from '../../ui/DataGrid';
import { CheckField, SelectField } from '../../ui/Field';
import { formatDate, formatDateTime, formatInt } from '../../ui/format';
import { focusGrid, SearchBox } from './components/SearchBox';
import { StockMoveDialog, StockSetDialog } from './StockDialogs';
import { useOptions, useWarehouses } from './refs';
import './masters.css';

const GRID = 'stock';
type Open = { kind: 'set'; row?: StockRow } | { kind: 'move'; row: StockRow } | null;

/**
 * Stock per product × warehouse: on hand, allocated, available (= on hand − allocated), in transit
 * with its expected date, safety stock and bin. Rows whose available stock is under the safety
 * stock are marked short.
 */
export function StockScreen() {
  const { t, i18n } = useTranslation();
  const s = (k: string) => t(`masters.stock.${k}`);
  const user = useSession((st) => st.user);
  const canEdit = hasRole(user, STOCK_EDITORS);
  const [warehouseId, setWarehouseId] = useState('');
  const [q, setQ] = useState('');
  const [shortOnly, setShortOnly] = useState(false);
  const [open, setOpen] = useState<Open>(null);
  const activeIndex = useRef(0);
  const search = useRef<HTMLInputElement>(null);
  const warehouses = useWarehouses();
  const warehouseOptions = useOptions(warehouses, s('allWarehouses'));
  const list = usePagedRows<'stock.list', StockRow>('stock.list', { warehouseId: warehouseId || undefined, q, shortOnly });

  const moveActive = () => {
    const row = list.getRow(activeIndex.current);
    if (row) setOpen({ kind: 'move', row });
  };
  useKeys([
    ...(canEdit
      ? [
          { key: 'Insert', label: 'masters.stock.newKey', run: () => setOpen({ kind: 'set' }), inInputs: true },
          { key: 'Ctrl+M', label: 'masters.stock.moveKey', run: moveActive, inInputs: true },
        ]
      : []),
    { key: 'F5', label: 'common.refresh', run: list.reload, inInputs: true },
    { key: 'Ctrl+F', label: 'common.search', run: () => search.current?.focus(), inInputs: true },
  ]);

  const columns: Column<StockRow>[] = [
    { key: 'sku', header: t('masters.product.sku'), width: '116px', render: (r) => <code>{r.sku}</code> },
    { key: 'name', header: t('masters.product.name'), width: 'minmax(180px, 2fr)', render: (r) => <span title={r.productName}>{r.productName}</span> },
    { key: 'spec', header: t('masters.product.spec'), width: 'minmax(100px, 1fr)', render: (r) => <span className="muted-cell">{r.spec ?? ''}</span> },
    ...(warehouseId ? [] : [{ key: 'wh', header: s('warehouse'), width: '96px', render: (r: StockRow) => r.warehouseName }]),
    { key: 'onHand', header: s('onHand'), width: '80px', align: 'right', render: (r) => formatInt(r.onHand) },
    { key: 'allocated', header: s('allocated'), width: '80px', align: 'right', render: (r) => (r.allocated ? formatInt(r.allocated) : <span className="muted">0</span>) },
    {
      key: 'available',
      header: s('available'),
      width: '88px',
      align: 'right',
      render: (r) => <b className={r.short ? 'neg' : undefined}>{formatInt(r.available)}</b>,
    },
    { key: 'safety', header: s('safetyStock'), width: '80px', align: 'right', render: (r) => (r.safetyStock ? formatInt(r.safetyStock) : '') },
    { key: 'transit', header: s('inTransit'), width: '80px', align: 'right', render: (r) => (r.inTransit ? formatInt(r.inTransit) : '') },
    { key: 'eta', header: s('eta'), width: '96px', render: (r) => (r.inTransit ? <span className="mono">{formatDate(r.inTransitEta)}</span> : '') },
    { key: 'bin', header: s('bin'), width: '84px', render: (r) => <span className="mono">{r.binCode ?? ''}</span> },
    { key: 'flag', header: t('masters.status'), width: '64px', render: (r) => (r.short ? <span className="badge danger">{s('short')}</span> : null) },
    { key: 'updated', header: s('updated'), width: '132px', render: (r) => <span className="muted">{formatDateTime(r.updatedAt, i18n.language)}</span> },
  ];

  return (
    <section className="screen masters-screen">
      <header className="screen-head">
        <h1>{t('screen.masters.stock')}</h1>
        <div className="toolbar">
          {canEdit ? (
            <>
              <Button onClick={moveActive} keyHint="Ctrl+M">
                {s('moveKey')}
              </Button>
              <Button variant="primary" onClick={() => setOpen({ kind: 'set' })} keyHint="Insert">
                {s('newKey')}
              </Button>
            </>
          ) : null}
          <Button onClick={list.reload} keyHint="F5">
            {t('common.refresh')}
          </Button>
        </div>
      </header>
      <div className="m-filters">
        <SelectField label={s('warehouse')} value={warehouseId} onChange={setWarehouseId} options={warehouseOptions} />
        <SearchBox label={t('common.search')} placeholder={t('masters.product.searchHint')} value={q} onSearch={setQ} onLeave={() => focusGrid(GRID)} inputRef={search} autoFocus />
        <CheckField label={s('shortOnly')} checked={shortOnly} onChange={setShortOnly} />
        <span className="spacer" />
        <span className="m-count" aria-live="polite">
          {list.loading ? t('common.loading') : t('masters.rows', { n: formatInt(list.total) })}
        </span>
      </div>
      <DataGrid
        label={GRID}
        columns={columns}
        rowCount={list.total}
        getRow={list.getRow}
        onRangeChange={list.onRangeChange}
        onActiveChange={(i) => (activeIndex.current = i)}
        rowKey={(r) => `${r.productId}/${r.warehouseId}`}
        rowClass={(r) => (r.short ? 'row-short' : undefined)}
        onOpen={(r) => canEdit && setOpen({ kind: 'set', row: r })}
        emptyText={list.loading ? t('common.loading') : t('common.empty')}
      />
      <p className="m-legend muted">{s('legend')}</p>
      {open?.kind === 'set' ? <StockSetDialog row={open.row} warehouseId={warehouseId || undefined} onClose={() => setOpen(null)} /> : null}
      {open?.kind === 'move' ? <StockMoveDialog row={open.row} onClose={() => setOpen(null)} /> : null}
    </section>
  );
}
