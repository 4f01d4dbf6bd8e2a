import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActiveFilter, type ActiveFilterValue } from './components/Active';
import type { ProductListRow } from '@shared/contract/masters';
import { MASTER_EDITORS } from '@shared/roles';
import { usePagedRows } from '../../api/paged';
import { useKeys } from '../../app/keyboard';
import { hasRole, useSession } from '../../app/session';
import { Button } from '../../ui/Button';
import { DataGrid, type Column } from '../../ui/DataGrid';
import { formatInt, formatMoney } from '../../ui/format';
import { ProductDialog } from './ProductDialog';
import { focusGrid, SearchBox } from './components/SearchBox';
import { bpText } from './forms';
import './masters.css';

type Active = ActiveFilterValue;
const GRID = 'products';

/** Products: search by SKU, name, spec, barcode or pinyin initials (北京 → bj); Insert adds, Enter edits. */
export function ProductsScreen() {
  const { t } = useTranslation();
  const user = useSession((s) => s.user);
  const canEdit = hasRole(user, MASTER_EDITORS);
  const [q, setQ] = useState('');
  const [active, setActive] = useState<Active>('active');
  const [editing, setEditing] = useState<{ id?: string } | null>(null);
  const search = useRef<HTMLInputElement>(null);
  const list = usePagedRows<'products.list', ProductListRow>('products.list', { q, active });

  useKeys([
    ...(canEdit ? [{ key: 'Insert', label: 'masters.product.new', run: () => setEditing({}), inInputs: true }] : []),
    { key: 'F5', label: 'common.refresh', run: list.reload, inInputs: true },
    { key: 'Ctrl+F', label: 'common.search', run: () => search.current?.focus(), inInputs: true },
  ]);

  const p = (k: string) => t(`masters.product.${k}`);
  const columns: Column<ProductListRow>[] = [
    { key: 'sku', header: p('sku'), width: '120px', render: (r) => <code>{r.sku}</code> },
    { key: 'name', header: p('name'), width: 'minmax(200px, 2fr)', render: (r) => <span title={r.name}>{r.name}</span> },
    { key: 'spec', header: p('spec'), width: 'minmax(120px, 1fr)', render: (r) => <span className="muted-cell">{r.spec ?? ''}</span> },
    { key: 'unit', header: p('unit'), width: '48px', align: 'center', render: (r) => r.unit },
    { key: 'category', header: p('category'), width: '90px', render: (r) => r.category ?? '' },
    { key: 'price', header: p('listPriceShort'), width: '104px', align: 'right', render: (r) => formatMoney(r.listPrice) },
    { key: 'tax', header: p('taxShort'), width: '56px', align: 'right', render: (r) => `${bpText(r.taxRateBp)}%` },
    { key: 'barcode', header: p('barcode'), width: '128px', render: (r) => <span className="mono">{r.barcode ?? ''}</span> },
    { key: 'onHand', header: t('masters.stock.onHand'), width: '76px', align: 'right', render: (r) => formatInt(r.onHand) },
    { key: 'available', header: t('masters.stock.available'), width: '76px', align: 'right', render: (r) => <span className={r.available <= 0 ? 'neg' : undefined}>{formatInt(r.available)}</span> },
    { key: 'transit', header: t('masters.stock.inTransit'), width: '76px', align: 'right', render: (r) => (r.inTransit ? formatInt(r.inTransit) : '') },
    {
      key: 'flags',
      header: t('masters.status'),
      width: '96px',
      render: (r) => (
        <>
          {r.makeToOrder ? <span className="badge info">{p('mtoShort')}</span> : null}
          {r.active ? null : <span className="badge">{t('common.inactive')}</span>}
        </>
      ),
    },
  ];

  return (
    <section className="screen masters-screen">
      <header className="screen-head">
        <h1>{t('screen.masters.products')}</h1>
        <div className="toolbar">
          {canEdit ? (
            <Button variant="primary" onClick={() => setEditing({})} keyHint="Insert">
              {p('new')}
            </Button>
          ) : null}
          <Button onClick={list.reload} keyHint="F5">
            {t('common.refresh')}
          </Button>
        </div>
      </header>
      <div className="m-filters">
        <SearchBox label={t('common.search')} placeholder={p('searchHint')} value={q} onSearch={setQ} onLeave={() => focusGrid(GRID)} inputRef={search} autoFocus width={340} />
        <ActiveFilter value={active} onChange={setActive} />
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
        rowKey={(r) => r.id}
        rowClass={(r) => (r.active ? undefined : 'flag-muted')}
        onOpen={(r) => setEditing({ id: r.id })}
        emptyText={list.loading ? t('common.loading') : q ? t('masters.noMatch', { q }) : t('common.empty')}
      />
      {editing ? <ProductDialog id={editing.id} onClose={() => setEditing(null)} /> : null}
    </section>
  );
}
