import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActiveBadge } from './components/Active';
import type { z } from 'zod';
import { carrierSaveInput, priceGroupSaveInput, regionSaveInput, salesRepSaveInput } from '@shared/contract/masters';
import { MASTER_EDITORS } from '@shared/roles';
import { api, ApiError } from '../../api/client';
import { useQuery } from '../../api/hooks';
import { useKeys } from '../../app/keyboard';
import { hasRole, useSession } from '../../app/session';
import { toast } from '../../app/toasts';
import { Button } from '../../ui/Button';
import { DataGrid, type Column } from '../../ui/DataGrid';
import { CheckField, SelectField, TextField } from '../../ui/Field';
import { EditDialog } from './components/EditDialog';
import { FormNotices } from './components/FormNotices';
import { useDrafts, useStoredDraft } from './drafts';
import { focusFirstError } from './focus';
import { opt, schemaIssues } from './forms';
import { useOptions, useRegions } from './refs';
import { useFormErrors } from './useFormErrors';
import './masters.css';

/** What the four small lists have in common (a row of any of them). */
interface RefRow {
  id: string;
  code: string;
  name: string;
  active?: boolean;
  mobile?: string | null;
  email?: string | null;
  phone?: string | null;
  regionId?: string | null;
  regionName?: string | null;
}

interface FieldSpec {
  key: 'code' | 'name' | 'mobile' | 'email' | 'phone' | 'regionId' | 'active';
  type: 'text' | 'region' | 'check';
  required?: boolean;
  mono?: boolean;
  inputMode?: 'tel' | 'email';
}

interface RefDef {
  id: 'regions' | 'salesReps' | 'carriers' | 'priceGroups';
  list: 'regions.list' | 'salesReps.list' | 'carriers.list' | 'priceGroups.list';
  save: 'regions.save' | 'salesReps.save' | 'carriers.save' | 'priceGroups.save';
  schema: z.ZodType;
  fields: FieldSpec[];
}

const code: FieldSpec = { key: 'code', type: 'text', required: true, mono: true };
const name: FieldSpec = { key: 'name', type: 'text', required: true };
const active: FieldSpec = { key: 'active', type: 'check' };

/** The four tabs, in Ctrl+1..4 order. */
const TABS: RefDef[] = [
  { id: 'regions', list: 'regions.list', save: 'regions.save', schema: regionSaveInput, fields: [code, name, active] },
  {
    id: 'salesReps',
    list: 'salesReps.list',
    save: 'salesReps.save',
    schema: salesRepSaveInput,
    fields: [code, name, { key: 'mobile', type: 'text', inputMode: 'tel' }, { key: 'email', type: 'text', inputMode: 'email' }, { key: 'regionId', type: 'region' }, active],
  },
  { id: 'carriers', list: 'carriers.list', save: 'carriers.save', schema: carrierSaveInput, fields: [code, name, { key: 'phone', type: 'text', inputMode: 'tel' }, active] },
  { id: 'priceGroups', list: 'priceGroups.list', save: 'priceGroups.save', schema: priceGroupSaveInput, fields: [code, name] },
];

type Draft = Record<string, string | boolean> & { id?: string };

function draftOf(def: RefDef, row?: RefRow): Draft {
  const d: Draft = row ? { id: row.id } : {};
  for (const f of def.fields) {
    const v = row?.[f.key];
    d[f.key] = f.type === 'check' ? (v === undefined ? true : Boolean(v)) : typeof v === 'string' ? v : '';
  }
  return d;
}

function inputOf(def: RefDef, d: Draft): Record<string, unknown> {
  const out: Record<string, unknown> = { id: d.id };
  for (const f of def.fields) {
    const v = d[f.key];
    out[f.key] = f.type === 'check' ? Boolean(v) : f.required ? v : opt(String(v));
  }
  return out;
}

/** Regions, sales reps, carriers and price groups: one tab each (Ctrl+1..4), a list and a dialog. */
export function ReferenceScreen() {
  const { t } = useTranslation();
  const [tab, setTab] = useState(0);
  useKeys(TABS.map((d, i) => ({ key: `Ctrl+${i + 1}`, label: `masters.ref.${d.id}`, run: () => setTab(i), inInputs: true })));
  return (
    <section className="screen masters-screen">
      <header className="screen-head">
        <h1>{t('screen.masters.reference')}</h1>
      </header>
      <div className="m-tabs" role="tablist">
        {TABS.map((d, i) => (
          <button key={d.id} type="button" role="tab" id={`ref-tab-${d.id}`} aria-selected={i === tab} className={i === tab ? 'active' : undefined} onClick={() => setTab(i)} tabIndex={-1}>
            {t(`masters.ref.${d.id}`)}
            <kbd>Ctrl+{i + 1}</kbd>
          </button>
        ))}
      </div>
      <RefTab key={TABS[tab].id} def={TABS[tab]} />
    </section>
  );
}

function RefTab({ def }: { def: RefDef }) {
  const { t } = useTranslation();
  const user = useSession((s) => s.user);
  const canEdit = hasRole(user, MASTER_EDITORS);
  const list = useQuery(def.list as 'regions.list', def.id === 'priceGroups' ? {} : { activeOnly: false });
  const rows = (list.data?.rows ?? []) as RefRow[];
  const [editing, setEditing] = useState<{ row?: RefRow } | null>(null);
  useKeys([
    ...(canEdit ? [{ key: 'Insert', label: 'common.new', run: () => setEditing({}), inInputs: true }] : []),
    { key: 'F5', label: 'common.refresh', run: list.reload, inInputs: true },
  ]);
  const f = (k: string) => t(`masters.ref.field.${k}`);

  const columns: Column<RefRow>[] = [
    { key: 'code', header: f('code'), width: '120px', render: (r) => <code>{r.code}</code> },
    { key: 'name', header: f('name'), width: 'minmax(160px, 1fr)', render: (r) => r.name },
    ...(def.id === 'salesReps'
      ? [
          { key: 'mobile', header: f('mobile'), width: '130px', render: (r: RefRow) => <span className="mono">{r.mobile ?? ''}</span> },
          { key: 'email', header: f('email'), width: 'minmax(160px, 1fr)', render: (r: RefRow) => r.email ?? '' },
          { key: 'region', header: f('regionId'), width: '120px', render: (r: RefRow) => r.regionName ?? '' },
        ]
      : []),
    ...(def.id === 'carriers' ? [{ key: 'phone', header: f('phone'), width: '150px', render: (r: RefRow) => <span className="mono">{r.phone ?? ''}</span> }] : []),
    ...(def.id === 'priceGroups'
      ? []
      : [{ key: 'active', header: t('masters.status'), width: '70px', render: (r: RefRow) => <ActiveBadge active={Boolean(r.active)} /> }]),
  ];

  return (
    <div className="m-tabpanel" role="tabpanel" aria-labelledby={`ref-tab-${def.id}`}>
      <div className="m-filters">
        <span className="muted">{t(`masters.ref.${def.id}.hint`)}</span>
        <span className="spacer" />
        {canEdit ? (
          <Button variant="primary" onClick={() => setEditing({})} keyHint="Insert">
            {t('common.new')}
          </Button>
        ) : null}
        <Button onClick={list.reload} keyHint="F5">
          {t('common.refresh')}
        </Button>
      </div>
      {list.error ? <div className="form-error">{list.error.message}</div> : null}
      <DataGrid
        label={def.id}
        columns={columns}
        rowCount={rows.length}
        getRow={(i) => rows[i]}
        rowKey={(r) => r.id}
        rowClass={(r) => (r.active === false ? 'flag-muted' : undefined)}
        onOpen={(r) => setEditing({ row: r })}
        autoFocus
        emptyText={list.loading ? t('common.loading') : t('common.empty')}
      />
      {editing ? <RefDialog def={def} row={editing.row} onClose={() => setEditing(null)} /> : null}
    </div>
  );
}

function RefDialog({ def, row, onClose }: { def: RefDef; row?: RefRow; onClose: () => void }) {
  const { t } = useTranslation();
  const user = useSession((s) => s.user);
  const key = `ref:${def.id}:${row?.id ?? 'new'}`;
  const stored = useStoredDraft<Draft>(key);
  const [restored] = useState(Boolean(stored));
  const draft = stored ?? draftOf(def, row);
  const put = useDrafts((s) => s.put);
  const drop = useDrafts((s) => s.drop);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const regions = useOptions(useRegions());
  const input = useMemo(() => inputOf(def, draft), [def, draft]);
  const form = useFormErrors(useMemo(() => schemaIssues(def.schema, input), [def, input]));
  const f = (k: string) => t(`masters.ref.field.${k}`);

  const set = (k: string, v: string | boolean) => {
    put(key, { ...draft, [k]: v });
    form.edited(k);
  };

  const submit = async () => {
    if (busy) return;
    if (!form.submit()) {
      focusFirstError();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.invoke(def.save as 'regions.save', input as never);
      drop(key);
      toast.success(t('masters.ref.saved', { code: String(draft.code).trim() }));
      onClose();
    } catch (e) {
      if (e instanceof ApiError) {
        setError(e);
        form.fromServer(e);
        focusFirstError();
      } else toast.error(String(e));
    } finally {
      setBusy(false);
    }
  };

  const title = `${t(`masters.ref.${def.id}`)} · ${row ? `${row.code} ${row.name}` : t('common.new')}`;
  return (
    <EditDialog
      title={title}
      onClose={onClose}
      onSave={submit}
      saving={busy}
      readOnly={!hasRole(user, MASTER_EDITORS)}
      top={<FormNotices draftKey={key} restored={restored} error={error} unplaced={form.unplaced((p) => def.fields.some((x) => x.key === p))} />}
    >
      <div className="form-grid cols-2">
        {def.fields.map((x) => {
          if (x.type === 'check') return <CheckField key={x.key} label={t('common.active')} checked={Boolean(draft[x.key])} onChange={(v) => set(x.key, v)} />;
          if (x.type === 'region')
            return <SelectField key={x.key} label={f(x.key)} value={String(draft[x.key])} onChange={(v) => set(x.key, v)} options={regions} error={form.error(x.key)} />;
          return (
            <TextField
              key={x.key}
              label={f(x.key)}
              value={String(draft[x.key])}
              onChange={(v) => set(x.key, v)}
              onBlur={() => form.blur(x.key)}
              error={form.error(x.key)}
              required={x.required}
              className={x.mono ? 'mono' : undefined}
              inputMode={x.inputMode}
            />
          );
        })}
      </div>
    </EditDialog>
  );
}
