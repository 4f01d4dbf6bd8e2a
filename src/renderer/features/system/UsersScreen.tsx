import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseMoney } from '@shared/money';
import { ROLES, type Role } from '@shared/roles';
import type { Result } from '../../api/client';
import { fieldErrors, useMutation, useQuery } from '../../api/hooks';
import { useKeys } from '../../app/keyboard';
import { toast } from '../../app/toasts';
import { Button } from '../../ui/Button';
import { DataGrid, type Column } from '../../ui/DataGrid';
import { Dialog } from '../../ui/Dialog';
import { CheckField, SelectField, TextField } from '../../ui/Field';
import { formatDateTime, formatMoney } from '../../ui/format';

type UserRow = Result<'users.list'>['rows'][number];

interface Draft {
  id?: string;
  username: string;
  displayName: string;
  role: Role;
  approvalLimit: string;
  active: boolean;
  password: string;
}

const EMPTY: Draft = { username: '', displayName: '', role: 'clerk', approvalLimit: '', active: true, password: '' };

export function UsersScreen() {
  const { t } = useTranslation();
  const list = useQuery('users.list', {});
  const save = useMutation('users.save');
  const [draft, setDraft] = useState<Draft | null>(null);
  const [limitError, setLimitError] = useState<string | null>(null);
  const rows = list.data?.rows ?? [];

  const open = (u?: UserRow) => {
    save.reset();
    setLimitError(null);
    setDraft(
      u
        ? { id: u.id, username: u.username, displayName: u.displayName, role: u.role, approvalLimit: u.approvalLimit === null ? '' : String(u.approvalLimit / 100), active: u.active, password: '' }
        : EMPTY,
    );
  };
  useKeys([{ key: 'Insert', label: 'users.new', run: () => open() }, { key: 'F5', label: 'common.refresh', run: list.reload }], { enabled: !draft });

  const submit = async () => {
    if (!draft) return;
    const limit = draft.approvalLimit.trim() ? parseMoney(draft.approvalLimit) : null;
    if (draft.approvalLimit.trim() && (limit === null || limit < 0)) {
      setLimitError(t('v.money'));
      return;
    }
    try {
      await save.run({
        id: draft.id,
        username: draft.username,
        displayName: draft.displayName,
        role: draft.role,
        approvalLimit: limit,
        active: draft.active,
        password: draft.password || undefined,
      });
      toast.success(t('common.saved'));
      setDraft(null);
    } catch {
      // Field errors are shown in the dialog.
    }
  };

  const errors = fieldErrors(save.error);
  const columns: Column<UserRow>[] = [
    { key: 'username', header: t('users.username'), width: '160px', render: (u) => u.username },
    { key: 'displayName', header: t('users.displayName'), width: '1fr', render: (u) => u.displayName },
    { key: 'role', header: t('users.role'), width: '120px', render: (u) => t(`status.role.${u.role}`) },
    { key: 'limit', header: t('users.approvalLimitShort'), width: '140px', align: 'right', render: (u) => (u.approvalLimit === null ? t('users.roleDefault') : formatMoney(u.approvalLimit)) },
    { key: 'active', header: t('users.active'), width: '160px', render: (u) => (u.lockedUntil && Date.parse(u.lockedUntil) > Date.now() ? t('users.locked', { time: formatDateTime(u.lockedUntil) }) : u.active ? t('common.active') : t('common.inactive')) },
    { key: 'last', header: t('users.lastLogin'), width: '170px', render: (u) => formatDateTime(u.lastLoginAt) },
  ];
  return (
    <section className="screen">
      <header className="screen-head">
        <h1>{t('screen.system.users')}</h1>
        <div className="toolbar">
          <Button onClick={() => open()} keyHint="Insert">{t('users.new')}</Button>
        </div>
      </header>
      {list.error ? <div className="form-error">{list.error.message}</div> : null}
      <DataGrid label="users" columns={columns} rowCount={rows.length} getRow={(i) => rows[i]} rowKey={(u) => u.id} onOpen={(u) => open(u)} autoFocus emptyText={t('common.empty')} />
      {draft ? (
        <Dialog
          title={draft.id ? t('users.edit', { name: draft.username }) : t('users.new')}
          onClose={() => setDraft(null)}
          footer={
            <>
              <Button onClick={() => setDraft(null)} keyHint="Esc">{t('common.cancel')}</Button>
              <Button variant="primary" onClick={submit} disabled={save.busy} keyHint="Ctrl+S">{t('common.save')}</Button>
            </>
          }
        >
          <UserForm draft={draft} setDraft={setDraft} errors={{ ...errors, approvalLimit: limitError ?? errors.approvalLimit }} onSubmit={submit} formError={save.error && !save.error.fields.length ? save.error.message : null} />
        </Dialog>
      ) : null}
    </section>
  );
}

function UserForm({ draft, setDraft, errors, onSubmit, formError }: { draft: Draft; setDraft: (d: Draft) => void; errors: Record<string, string>; onSubmit: () => void; formError: string | null }) {
  const { t } = useTranslation();
  useKeys([{ key: 'Ctrl+S', run: onSubmit, inInputs: true }], { modal: false });
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft({ ...draft, [k]: v });
  return (
    <div className="form-grid cols-2">
      {formError ? <div className="form-error span-2" role="alert">{formError}</div> : null}
      <TextField label={t('users.username')} value={draft.username} onChange={(v) => set('username', v)} error={errors.username} required />
      <TextField label={t('users.displayName')} value={draft.displayName} onChange={(v) => set('displayName', v)} error={errors.displayName} required />
      <SelectField label={t('users.role')} value={draft.role} onChange={(v) => set('role', v as Role)} options={ROLES.map((r) => ({ value: r, label: t(`status.role.${r}`) }))} error={errors.role} />
      <TextField label={t('users.approvalLimit')} value={draft.approvalLimit} onChange={(v) => set('approvalLimit', v)} error={errors.approvalLimit} inputMode="decimal" />
      <TextField label={t('users.password')} type="password" value={draft.password} onChange={(v) => set('password', v)} error={errors.password} span={2} />
      <CheckField label={t('common.active')} checked={draft.active} onChange={(v) => set('active', v)} />
    </div>
  );
}
