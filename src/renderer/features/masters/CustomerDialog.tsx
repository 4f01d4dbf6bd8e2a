import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CUSTOMER_EDITORS, USCC_OVERRIDERS } from '@shared/contract/masters';
import { ApiError } from '../../api/client';
import { useMutation, useQuery } from '../../api/hooks';
import { hasRole, useSession } from '../../app/session';
import { toast } from '../../app/toasts';
import { Dialog } from '../../ui/Dialog';
import { CheckField, SelectField, TextArea, TextField } from '../../ui/Field';
import { EditDialog } from './components/EditDialog';
import { FormNotices } from './components/FormNotices';
import { CellCheck, CellInput, SubTable } from './components/SubTable';
import {
  customerIssues,
  emptyAddress,
  emptyContact,
  emptyCustomer,
  fromDetail,
  usccCheckCharFails,
  type AddressDraft,
  type ContactDraft,
  type CustomerDraft,
} from './customerDraft';
import { useDrafts, useStoredDraft } from './drafts';
import { focusFirstError } from './focus';
import { useOptions, usePriceGroups, useRegions, useSalesReps } from './refs';
import { useFormErrors } from './useFormErrors';

interface Props {
  /** The customer to edit; none for a new one. */
  id?: string;
  onClose: () => void;
  onSaved?: (id: string) => void;
}

/** Loads the customer (when editing) and opens the form on it, or on the clerk's unsaved draft. */
export function CustomerDialog({ id, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const key = `customer:${id ?? 'new'}`;
  const stored = useStoredDraft<CustomerDraft>(key);
  const detail = useQuery('customers.get', { id: id ?? '-' }, { enabled: Boolean(id) && !stored });
  const base = useMemo(() => (id ? (detail.data ? fromDetail(detail.data) : null) : emptyCustomer()), [id, detail.data]);
  const draft = stored ?? base;
  if (!draft) {
    return (
      <Dialog title={t('masters.customer.edit')} onClose={onClose}>
        {detail.error ? <div className="form-error">{detail.error.message}</div> : <p className="muted">{t('common.loading')}</p>}
      </Dialog>
    );
  }
  return <CustomerForm draftKey={key} draft={draft} restored={Boolean(stored)} onClose={onClose} onSaved={onSaved} />;
}

const FIELD_PATH = /^(code|name|kind|uscc|usccOverrideReason|regionId|creditLimit|paymentTermsDays|priceGroupId|salesRepId|email|notes|contacts\.\d+\.\w+|addresses\.\d+\.\w+|contacts|addresses)$/;

function CustomerForm({ draftKey, draft, restored, onClose, onSaved }: { draftKey: string; draft: CustomerDraft; restored: boolean; onClose: () => void; onSaved?: (id: string) => void }) {
  const { t } = useTranslation();
  const user = useSession((s) => s.user);
  const canEdit = hasRole(user, CUSTOMER_EDITORS);
  const canOverride = hasRole(user, USCC_OVERRIDERS);
  const put = useDrafts((s) => s.put);
  const drop = useDrafts((s) => s.drop);
  const save = useMutation('customers.save');
  const regions = useOptions(useRegions());
  const reps = useOptions(useSalesReps());
  const groups = useOptions(usePriceGroups());

  const { input, issues } = useMemo(() => customerIssues(draft), [draft]);
  const form = useFormErrors(issues);

  const update = (next: CustomerDraft, path: string) => {
    put(draftKey, next);
    form.edited(path);
  };
  const set = <K extends keyof CustomerDraft>(k: K, v: CustomerDraft[K]) => update({ ...draft, [k]: v }, k);
  const text = (k: 'code' | 'name' | 'uscc' | 'usccOverrideReason' | 'creditLimit' | 'paymentTermsDays' | 'email' | 'notes') => ({
    value: draft[k],
    onChange: (v: string) => set(k, v),
    onBlur: () => form.blur(k),
    error: form.error(k),
  });

  const setContact = (i: number, patch: Partial<ContactDraft>, field: string) => {
    const contacts = draft.contacts.map((c, j) => {
      if (j === i) return { ...c, ...patch };
      // One primary contact: ticking one clears the others.
      return patch.isPrimary ? { ...c, isPrimary: false } : c;
    });
    update({ ...draft, contacts }, `contacts.${i}.${field}`);
  };
  const setAddress = (i: number, patch: Partial<AddressDraft>, field: string) => {
    const addresses = draft.addresses.map((a, j) => {
      if (j === i) return { ...a, ...patch };
      return patch.isDefault ? { ...a, isDefault: false } : a;
    });
    update({ ...draft, addresses }, `addresses.${i}.${field}`);
  };
  const contactCell = (i: number, k: 'name' | 'mobile' | 'landline' | 'email', header: string, inputMode?: 'tel' | 'email') => {
    const path = `contacts.${i}.${k}`;
    return (
      <CellInput
        label={`${t('masters.contacts')} ${i + 1} ${header}`}
        value={draft.contacts[i][k]}
        onChange={(v) => setContact(i, { [k]: v }, k)}
        onBlur={() => form.blur(path)}
        error={form.error(path)}
        inputMode={inputMode}
      />
    );
  };
  const addressCell = (i: number, k: 'recipient' | 'phone' | 'province' | 'city' | 'district' | 'street' | 'postcode', header: string, inputMode?: 'tel' | 'numeric') => {
    const path = `addresses.${i}.${k}`;
    return (
      <CellInput
        label={`${t('masters.addresses')} ${i + 1} ${header}`}
        value={draft.addresses[i][k]}
        onChange={(v) => setAddress(i, { [k]: v }, k)}
        onBlur={() => form.blur(path)}
        error={form.error(path)}
        inputMode={inputMode}
      />
    );
  };

  const submit = async () => {
    if (save.busy) return;
    if (!form.submit()) {
      focusFirstError();
      return;
    }
    try {
      const r = await save.run(input);
      drop(draftKey);
      toast.success(t('masters.customer.saved', { code: draft.code.trim() }));
      onSaved?.(r.id);
      onClose();
    } catch (e) {
      if (e instanceof ApiError) {
        form.fromServer(e);
        focusFirstError();
      } else toast.error(String(e));
    }
  };

  const checkCharFails = usccCheckCharFails(draft.uscc);
  const showReason = (checkCharFails && canOverride) || Boolean(draft.usccOverrideReason.trim() && checkCharFails);
  const unplaced = form.unplaced((p) => FIELD_PATH.test(p));
  const c = (k: string) => t(`masters.customer.${k}`);

  return (
    <EditDialog
      title={draft.id ? t('masters.customer.editTitle', { code: draft.code, name: draft.name }) : t('masters.customer.new')}
      wide
      rows
      onClose={onClose}
      onSave={submit}
      saving={save.busy}
      readOnly={!canEdit}
      top={<FormNotices draftKey={draftKey} restored={restored} error={save.error} unplaced={unplaced} />}
    >
      <div className="form-grid cols-4">
        <TextField label={c('code')} {...text('code')} required data-autofocus={!draft.id ? '' : undefined} />
        <TextField label={c('name')} {...text('name')} required span={2} data-autofocus={draft.id ? '' : undefined} />
        <SelectField
          label={c('kind')}
          value={draft.kind}
          onChange={(v) => set('kind', v as CustomerDraft['kind'])}
          options={[
            { value: 'company', label: c('kind.company') },
            { value: 'person', label: c('kind.person') },
          ]}
        />
        <TextField label={c('uscc')} {...text('uscc')} required={draft.kind === 'company'} span={2} className="mono" maxLength={24} />
        {showReason ? (
          <TextField label={c('usccOverrideReason')} {...text('usccOverrideReason')} span={2} hint={c('usccOverrideHint')} readOnly={!canOverride} />
        ) : (
          <TextField label={c('email')} {...text('email')} span={2} inputMode="email" />
        )}
        <SelectField label={c('region')} value={draft.regionId} onChange={(v) => set('regionId', v)} options={regions} error={form.error('regionId')} />
        <SelectField label={c('salesRep')} value={draft.salesRepId} onChange={(v) => set('salesRepId', v)} options={reps} error={form.error('salesRepId')} />
        <SelectField label={c('priceGroup')} value={draft.priceGroupId} onChange={(v) => set('priceGroupId', v)} options={groups} error={form.error('priceGroupId')} />
        <div className="field-pair">
          <TextField label={c('creditLimit')} {...text('creditLimit')} inputMode="decimal" className="num" placeholder="0.00" />
          <TextField label={c('paymentTermsDays')} {...text('paymentTermsDays')} inputMode="numeric" className="num" placeholder="0" />
        </div>
        {showReason ? <TextField label={c('email')} {...text('email')} inputMode="email" /> : null}
        <TextArea label={c('notes')} {...text('notes')} span={showReason ? 2 : 3} />
        <CheckField label={t('common.active')} checked={draft.active} onChange={(v) => set('active', v)} />
      </div>

      <SubTable<ContactDraft>
        title={t('masters.contacts')}
        rows={draft.contacts}
        max={20}
        emptyText={t('masters.contacts.empty')}
        onAdd={() => update({ ...draft, contacts: [...draft.contacts, emptyContact(draft.contacts.length === 0)] }, 'contacts')}
        onRemove={(i) => {
          form.removedRow('contacts', i);
          update({ ...draft, contacts: draft.contacts.filter((_, j) => j !== i) }, 'contacts');
        }}
        columns={[
          { key: 'name', header: c('contact.name'), width: '22%', required: true, cell: (_, i) => contactCell(i, 'name', c('contact.name')) },
          { key: 'mobile', header: c('contact.mobile'), width: '20%', cell: (_, i) => contactCell(i, 'mobile', c('contact.mobile'), 'tel') },
          { key: 'landline', header: c('contact.landline'), width: '20%', cell: (_, i) => contactCell(i, 'landline', c('contact.landline'), 'tel') },
          { key: 'email', header: c('contact.email'), cell: (_, i) => contactCell(i, 'email', c('contact.email'), 'email') },
          {
            key: 'primary',
            header: c('contact.primary'),
            width: '56px',
            cell: (row, i) => <CellCheck label={`${t('masters.contacts')} ${i + 1} ${c('contact.primary')}`} checked={row.isPrimary} onChange={(v) => setContact(i, { isPrimary: v }, 'isPrimary')} />,
          },
        ]}
      />

      <SubTable<AddressDraft>
        title={t('masters.addresses')}
        rows={draft.addresses}
        max={50}
        error={form.error('addresses')}
        emptyText={t('masters.addresses.empty')}
        onAdd={() => update({ ...draft, addresses: [...draft.addresses, emptyAddress(draft.addresses.length === 0)] }, 'addresses')}
        onRemove={(i) => {
          form.removedRow('addresses', i);
          update({ ...draft, addresses: draft.addresses.filter((_, j) => j !== i) }, 'addresses');
        }}
        columns={[
          { key: 'recipient', header: c('address.recipient'), width: '92px', required: true, cell: (_, i) => addressCell(i, 'recipient', c('address.recipient')) },
          { key: 'phone', header: c('address.phone'), width: '128px', required: true, cell: (_, i) => addressCell(i, 'phone', c('address.phone'), 'tel') },
          { key: 'province', header: c('address.province'), width: '84px', required: true, cell: (_, i) => addressCell(i, 'province', c('address.province')) },
          { key: 'city', header: c('address.city'), width: '84px', required: true, cell: (_, i) => addressCell(i, 'city', c('address.city')) },
          { key: 'district', header: c('address.district'), width: '84px', required: true, cell: (_, i) => addressCell(i, 'district', c('address.district')) },
          { key: 'street', header: c('address.street'), required: true, cell: (_, i) => addressCell(i, 'street', c('address.street')) },
          { key: 'postcode', header: c('address.postcode'), width: '76px', cell: (_, i) => addressCell(i, 'postcode', c('address.postcode'), 'numeric') },
          {
            key: 'default',
            header: c('address.default'),
            width: '48px',
            cell: (row, i) => <CellCheck label={`${t('masters.addresses')} ${i + 1} ${c('address.default')}`} checked={row.isDefault} onChange={(v) => setAddress(i, { isDefault: v }, 'isDefault')} />,
          },
        ]}
      />
    </EditDialog>
  );
}
