import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActiveBadge } from './components/Active';
import { warehouseSaveInput } from '@shared/contract/masters';
import { MASTER_EDITORS } from '@shared/roles';
import { ApiError, type Input, type Result } from '../../api/client';
import { useMutation, useQuery } from '../../api/hooks';
import { useKeys } from '../../app/keyboard';
import { hasRole, useSession } from '../../app/session';
import { toast } from '../../app/toasts';
import { Button } from '../../ui/Button';
import { DataGrid, type Column } from '../../ui/DataGrid';
import { CheckField, SelectField, TextArea, TextField } from '../../ui/Field';
import { formatInt } from '../../ui/format';
import { EditDialog } from './components/EditDialog';
import { FormNotices } from './components/FormNotices';
import { useDrafts, useStoredDraft } from './drafts';
import { focusFirstError } from './focus';
import { opt, schemaIssues, type Issues } from './forms';
import { useOptions, useRegions } from './refs';
import { useFormErrors } from './useFormErrors';
import './masters.css';

type WarehouseRow = Result<'warehouses.list'>['rows'][number];

interface WarehouseDraft {
  id?: string;
  code: string;
  name: string;
  regionId: string;
  address: string;
  active: boolean;
  /** One bin code per line. */
  bins: string;
}

const empty = (): WarehouseDraft => ({ code: '', name: '', regionId: '', address: '', active: true, bins: '' });
const fromRow = (w: WarehouseRow): WarehouseDraft => ({
  id: w.id,
  code: w.code,
  name: w.name,
  regionId: w.regionId ?? '',
  address: w.address ?? '',
  active: w.active,
  bins: w.bins.join('\n'),
});

/** Bins as sent (blank lines dropped), with the line each came from, for errors by line. */
function binLines(text: string): { bins: string[]; lines: number[] } {
  const bins: string[] = [];
  const lines: number[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    bins.push(line.trim());
    lines.push(i + 1);
  });
  return { bins, lines };
}

/** Warehouses and their bins (pick lists sort by bin). */
export function WarehousesScreen() {
  const { t } = useTranslation();
  const user = useSession((s) => s.user);
  const canEdit = hasRole(user, MASTER_EDITORS);
  const list = useQuery('warehouses.list', { activeOnly: false });
  const [editing, setEditing] = useState<{ row?: WarehouseRow } | null>(null);
  const rows = list.data?.rows ?? [];
  const w = (k: string) => t(`masters.warehouse.${k}`);

  useKeys([
    ...(canEdit ? [{ key: 'Insert', label: 'masters.warehouse.new', run: () => setEditing({}), inInputs: true }] : []),
    { key: 'F5', label: 'common.refresh', run: list.reload, inInputs: true },
  ]);

  const columns: Column<WarehouseRow>[] = [
    { key: 'code', header: w('code'), width: '110px', render: (r) => <code>{r.code}</code> },
    { key: 'name', header: w('name'), width: 'minmax(160px, 1fr)', render: (r) => r.name },
    { key: 'region', header: t('masters.customer.region'), width: '100px', render: (r) => r.regionName ?? '' },
    { key: 'address', header: w('address'), width: 'minmax(200px, 2fr)', render: (r) => <span title={r.address ?? ''}>{r.address ?? ''}</span> },
    { key: 'binCount', header: w('binCount'), width: '72px', align: 'right', render: (r) => formatInt(r.bins.length) },
    {
      key: 'bins',
      header: w('bins'),
      width: 'minmax(200px, 2fr)',
      render: (r) => <span className="mono muted-cell">{r.bins.slice(0, 12).join('  ') + (r.bins.length > 12 ? ' …' : '')}</span>,
    },
    { key: 'active', header: t('masters.status'), width: '60px', render: (r) => <ActiveBadge active={r.active} /> },
  ];

  return (
    <section className="screen masters-screen">
      <header className="screen-head">
        <h1>{t('screen.masters.warehouses')}</h1>
        <div className="toolbar">
          {canEdit ? (
            <Button variant="primary" onClick={() => setEditing({})} keyHint="Insert">
              {w('new')}
            </Button>
          ) : null}
          <Button onClick={list.reload} keyHint="F5">
            {t('common.refresh')}
          </Button>
        </div>
      </header>
      {list.error ? <div className="form-error">{list.error.message}</div> : null}
      <DataGrid
        label="warehouses"
        columns={columns}
        rowCount={rows.length}
        getRow={(i) => rows[i]}
        rowKey={(r) => r.id}
        rowClass={(r) => (r.active ? undefined : 'flag-muted')}
        onOpen={(r) => setEditing({ row: r })}
        autoFocus
        emptyText={list.loading ? t('common.loading') : t('common.empty')}
      />
      {editing ? <WarehouseDialog row={editing.row} onClose={() => setEditing(null)} /> : null}
    </section>
  );
}

function WarehouseDialog({ row, onClose }: { row?: WarehouseRow; onClose: () => void }) {
  const { t } = useTranslation();
  const w = (k: string) => t(`masters.warehouse.${k}`);
  const user = useSession((s) => s.user);
  const key = `warehouse:${row?.id ?? 'new'}`;
  const stored = useStoredDraft<WarehouseDraft>(key);
  const [restored] = useState(Boolean(stored));
  const draft = stored ?? (row ? fromRow(row) : empty());
  const put = useDrafts((s) => s.put);
  const drop = useDrafts((s) => s.drop);
  const save = useMutation('warehouses.save');
  const regions = useOptions(useRegions());

  const { input, issues, lines } = useMemo(() => {
    const { bins, lines: binLine } = binLines(draft.bins);
    const value: Input<'warehouses.save'> = {
      id: draft.id,
      code: draft.code,
      name: draft.name,
      regionId: opt(draft.regionId),
      address: opt(draft.address),
      active: draft.active,
      bins,
    };
    return { input: value, issues: schemaIssues(warehouseSaveInput, value) as Issues, lines: binLine };
  }, [draft]);
  const form = useFormErrors(issues);

  const set = <K extends keyof WarehouseDraft>(k: K, v: WarehouseDraft[K]) => {
    put(key, { ...draft, [k]: v });
    form.edited(k);
    if (k === 'bins') Object.keys(form.server).filter((p) => p.startsWith('bins.')).forEach(form.edited);
  };
  const text = (k: 'code' | 'name' | 'address') => ({ value: draft[k], onChange: (v: string) => set(k, v), onBlur: () => form.blur(k), error: form.error(k) });

  // Bin problems are reported per bin; the clerk sees them by line of the text box.
  const binErrors = Object.keys({ ...issues, ...form.server })
    .filter((p) => /^bins\.\d+$/.test(p))
    .map((p) => ({ line: lines[Number(p.slice(5))], message: form.error(p) }))
    .filter((e): e is { line: number; message: string } => Boolean(e.message))
    .sort((a, b) => a.line - b.line);

  const submit = async () => {
    if (save.busy) return;
    if (!form.submit()) {
      focusFirstError();
      return;
    }
    try {
      await save.run(input);
      drop(key);
      toast.success(t('masters.warehouse.saved', { code: draft.code.trim() }));
      onClose();
    } catch (e) {
      if (e instanceof ApiError) {
        form.fromServer(e);
        focusFirstError();
      } else toast.error(String(e));
    }
  };

  return (
    <EditDialog
      title={row ? t('masters.warehouse.editTitle', { code: row.code, name: row.name }) : w('new')}
      onClose={onClose}
      onSave={submit}
      saving={save.busy}
      readOnly={!hasRole(user, MASTER_EDITORS)}
      top={<FormNotices draftKey={key} restored={restored} error={save.error} unplaced={form.unplaced((p) => /^(code|name|regionId|address|bins(\.\d+)?)$/.test(p))} />}
    >
      <div className="form-grid cols-2">
        <TextField label={w('code')} {...text('code')} required className="mono" />
        <TextField label={w('name')} {...text('name')} required />
        <SelectField label={t('masters.customer.region')} value={draft.regionId} onChange={(v) => set('regionId', v)} options={regions} error={form.error('regionId')} />
        <CheckField label={t('common.active')} checked={draft.active} onChange={(v) => set('active', v)} />
        <TextField label={w('address')} {...text('address')} span={2} />
        <div className="span-2 bins-field">
          <TextArea
            label={`${w('bins')} (${formatInt(input.bins?.length ?? 0)})`}
            value={draft.bins}
            onChange={(v) => set('bins', v)}
            onBlur={() => binLines(draft.bins).bins.forEach((_, i) => form.blur(`bins.${i}`))}
            error={binErrors.length ? binErrors.slice(0, 5).map((e) => t('masters.warehouse.binLine', { line: e.line, message: e.message })).join('；') : form.error('bins')}
            rows={8}
            data-multiline=""
            className="mono"
            placeholder={w('binsHint')}
          />
        </div>
      </div>
    </EditDialog>
  );
}
