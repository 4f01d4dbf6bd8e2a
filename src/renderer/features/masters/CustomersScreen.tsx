import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActiveBadge, ActiveFilter, type ActiveFilterValue } from './components/Active';
import { CUSTOMER_EDITORS, type CustomerListRow } from '@shared/contract/masters';
import { usePagedRows } from '../../api/paged';
import { useKeys } from '../../app/keyboard';
import { hasRole, useSession } from '../../app/session';
import { Button } from '../../ui/Button';
import { DataGrid, type Column } from '../../ui/DataGrid';
import { SelectField } from '../../ui/Field';
import { formatInt, formatMoney } from '../../ui/format';
import { CustomerDialog } from './CustomerDialog';
import { focusGrid, SearchBox } from './components/SearchBox';
import { useOptions, useRegions } from './refs';
import './masters.css';

type Active = ActiveFilterValue;
const GRID = 'customers';

/** Customers: search by code, name, pinyin initials or USCC; Insert adds, Enter edits. */
export function CustomersScreen() {
  const { t } = useTranslation();
  const user = useSession((s) => s.user);
  const canEdit = hasRole(user, CUSTOMER_EDITORS);
  const [q, setQ] = useState('');
  const [regionId, setRegionId] = useState('');
  const [active, setActive] = useState<Active>('active');
  const [editing, setEditing] = useState<{ id?: string } | null>(null);
  const search = useRef<HTMLInputElement>(null);
  const regions = useOptions(useRegions(), t('masters.filter.allRegions'));
  const list = usePagedRows<'customers.list', CustomerListRow>('customers.list', { q, regionId: regionId || undefined, active });

  useKeys([
    ...(canEdit ? [{ key: 'Insert', label: 'masters.customer.new', run: () => setEditing({}), inInputs: true }] : []),
    { key: 'F5', label: 'common.refresh', run: list.reload, inInputs: true },
    { key: 'Ctrl+F', label: 'common.search', run: () => search.current?.focus(), inInputs: true },
  ]);

  const c = (k: string) => t(`masters.customer.${k}`);
  const columns: Column<CustomerListRow>[] = [
    { key: 'code', header: c('code'), width: '110px', render: (r) => <code>{r.code}</code> },
    { key: 'name', header: c('name'), width: 'minmax(200px, 2fr)', render: (r) => <span title={r.name}>{r.name}</span> },
    { key: 'kind', header: c('kind'), width: '72px', render: (r) => c(`kind.${r.kind}`) },
    { key: 'region', header: c('region'), width: '80px', render: (r) => r.regionName ?? '' },
    { key: 'rep', header: c('salesRep'), width: '80px', render: (r) => r.salesRepName ?? '' },
    { key: 'group', header: c('priceGroup'), width: '90px', render: (r) => r.priceGroupName ?? '' },
    { key: 'credit', header: c('creditLimitShort'), width: '112px', align: 'right', render: (r) => formatMoney(r.creditLimit) },
    { key: 'terms', header: c('termsShort'), width: '60px', align: 'right', render: (r) => String(r.paymentTermsDays) },
    { key: 'contact', header: c('contact'), width: '80px', render: (r) => r.contactName ?? '' },
    { key: 'phone', header: c('phone'), width: '118px', render: (r) => <span className="mono">{r.contactPhone ?? ''}</span> },
    { key: 'address', header: c('defaultAddress'), width: 'minmax(180px, 2fr)', render: (r) => <span title={r.address ?? ''}>{r.address ?? ''}</span> },
    { key: 'active', header: t('masters.status'), width: '56px', render: (r) => <ActiveBadge active={r.active} /> },
  ];

  return (
    <section className="screen masters-screen">
      <header className="screen-head">
        <h1>{t('screen.masters.customers')}</h1>
        <div className="toolbar">
          {canEdit ? (
            <Button variant="primary" onClick={() => setEditing({})} keyHint="Insert">
              {c('new')}
            </Button>
          ) : null}
          <Button onClick={list.reload} keyHint="F5">
            {t('common.refresh')}
          </Button>
        </div>
      </header>
      <div className="m-filters">
        <SearchBox label={t('common.search')} placeholder={c('searchHint')} value={q} onSearch={setQ} onLeave={() => focusGrid(GRID)} inputRef={search} autoFocus />
        <SelectField label={c('region')} value={regionId} onChange={setRegionId} options={regions} />
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
      {editing ? (
        <CustomerDialog
          id={editing.id}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </section>
  );
}
