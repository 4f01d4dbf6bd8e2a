import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '@shared/settings';
import { parseMoney } from '@shared/money';
import { ROLES, type Role } from '@shared/roles';
import { fieldErrors, useMutation, useQuery } from '../../api/hooks';
import { useKeys } from '../../app/keyboard';
import { hasRole, useSession } from '../../app/session';
import { toast } from '../../app/toasts';
import { Button } from '../../ui/Button';
import { CheckField, SelectField, TextField } from '../../ui/Field';

/** Settings as the form edits them: money in yuan, rates in percent, as text until saved. */
type Form = Record<string, string | boolean>;

function toForm(s: Settings): Form {
  const f: Form = {
    companyName: s.companyName,
    companyAddress: s.companyAddress,
    companyPhone: s.companyPhone,
    companyTaxId: s.companyTaxId,
    bankAccount: s.bankAccount,
    duplicateWindowMinutes: String(s.duplicateWindowMinutes),
    changeWindowMinutes: String(s.changeWindowMinutes),
    smallChangeLimit: String(s.smallChangeLimit / 100),
    smallChangeDateDays: String(s.smallChangeDateDays),
    collectionRateThreshold: String(s.collectionRateThresholdBp / 100),
    countInTransit: s.countInTransit,
    idleTimeoutMinutes: String(s.idleTimeoutMinutes),
    durability: s.durability,
  };
  for (const r of ROLES) {
    const limit = s.approvalLimits[r];
    f[`approval.${r}`] = limit === null ? '' : String(limit / 100);
    f[`discount.${r}`] = String(s.discountLimitsBp[r] / 100);
  }
  return f;
}

function int(v: string | boolean): number {
  return Number.parseInt(String(v), 10);
}

export function SettingsScreen() {
  const { t } = useTranslation();
  const user = useSession((s) => s.user);
  const editable = hasRole(user, ['manager', 'admin']);
  const current = useQuery('settings.get', {});
  const update = useMutation('settings.update');
  const [form, setForm] = useState<Form | null>(null);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});

  useEffect(() => {
    if (current.data && !form) setForm(toForm(current.data));
  }, [current.data, form]);

  const submit = async () => {
    if (!form || !editable) return;
    const errs: Record<string, string> = {};
    const money = (k: string, nullable: boolean): number | null => {
      const text = String(form[k]).trim();
      if (!text && nullable) return null;
      const v = parseMoney(text);
      if (v === null || v < 0) errs[k] = t('v.money');
      return v ?? 0;
    };
    const approvalLimits = Object.fromEntries(ROLES.map((r) => [r, money(`approval.${r}`, true)])) as Record<Role, number | null>;
    const discountLimitsBp = Object.fromEntries(ROLES.map((r) => [r, Math.round(Number(form[`discount.${r}`]) * 100)])) as Record<Role, number>;
    const smallChangeLimit = money('smallChangeLimit', false) ?? 0;
    setLocalErrors(errs);
    if (Object.keys(errs).length) return;
    try {
      const saved = await update.run({
        companyName: String(form.companyName),
        companyAddress: String(form.companyAddress),
        companyPhone: String(form.companyPhone),
        companyTaxId: String(form.companyTaxId),
        bankAccount: String(form.bankAccount),
        duplicateWindowMinutes: int(form.duplicateWindowMinutes),
        changeWindowMinutes: int(form.changeWindowMinutes),
        smallChangeLimit,
        smallChangeDateDays: int(form.smallChangeDateDays),
        collectionRateThresholdBp: Math.round(Number(form.collectionRateThreshold) * 100),
        countInTransit: Boolean(form.countInTransit),
        idleTimeoutMinutes: int(form.idleTimeoutMinutes),
        durability: form.durability === 'normal' ? 'normal' : 'full',
        approvalLimits,
        discountLimitsBp,
      });
      setForm(toForm(saved));
      toast.success(t('common.saved'));
    } catch {
      // Shown at the fields.
    }
  };
  useKeys([{ key: 'Ctrl+S', label: 'common.save', run: submit, inInputs: true }], { enabled: editable });

  if (!form) return <div className="loading-screen">{t('common.loading')}</div>;
  const server = fieldErrors(update.error);
  const err = (k: string) => localErrors[k] ?? server[k] ?? null;
  const text = (k: string, label: string, extra: { inputMode?: 'numeric' | 'decimal' } = {}) => (
    <TextField key={k} label={label} value={String(form[k])} onChange={(v) => setForm({ ...form, [k]: v })} error={err(k)} readOnly={!editable} {...extra} />
  );
  return (
    <section className="screen scroll">
      <header className="screen-head">
        <h1>{t('screen.system.settings')}</h1>
        <div className="toolbar">{editable ? <Button variant="primary" onClick={submit} keyHint="Ctrl+S" disabled={update.busy}>{t('common.save')}</Button> : <span className="muted">{t('settings.readOnly')}</span>}</div>
      </header>
      {update.error && !update.error.fields.length ? <div className="form-error">{update.error.message}</div> : null}
      <fieldset className="panel">
        <legend>{t('settings.company')}</legend>
        <div className="form-grid cols-3">
          {text('companyName', t('settings.companyName'))}
          {text('companyPhone', t('settings.companyPhone'))}
          {text('companyTaxId', t('settings.companyTaxId'))}
          {text('companyAddress', t('settings.companyAddress'))}
          {text('bankAccount', t('settings.bankAccount'))}
        </div>
      </fieldset>
      <fieldset className="panel">
        <legend>{t('settings.orders')}</legend>
        <div className="form-grid cols-4">
          {text('duplicateWindowMinutes', t('settings.duplicateWindowMinutes'), { inputMode: 'numeric' })}
          {text('changeWindowMinutes', t('settings.changeWindowMinutes'), { inputMode: 'numeric' })}
          {text('smallChangeLimit', t('settings.smallChangeLimit'), { inputMode: 'decimal' })}
          {text('smallChangeDateDays', t('settings.smallChangeDateDays'), { inputMode: 'numeric' })}
        </div>
      </fieldset>
      <fieldset className="panel">
        <legend>{t('settings.review')}</legend>
        <div className="form-grid cols-4">
          {text('collectionRateThreshold', t('settings.collectionRateThreshold'), { inputMode: 'decimal' })}
          <CheckField label={t('settings.countInTransit')} checked={Boolean(form.countInTransit)} onChange={(v) => editable && setForm({ ...form, countInTransit: v })} />
        </div>
        <h3>{t('settings.approvalLimits')}</h3>
        <div className="form-grid cols-5">{ROLES.map((r) => text(`approval.${r}`, t(`status.role.${r}`), { inputMode: 'decimal' }))}</div>
        <h3>{t('settings.discountLimits')}</h3>
        <div className="form-grid cols-5">{ROLES.map((r) => text(`discount.${r}`, t(`status.role.${r}`), { inputMode: 'decimal' }))}</div>
      </fieldset>
      <fieldset className="panel">
        <legend>{t('settings.system')}</legend>
        <div className="form-grid cols-3">
          {text('idleTimeoutMinutes', t('settings.idleTimeoutMinutes'), { inputMode: 'numeric' })}
          <SelectField
            label={t('settings.durability')}
            value={String(form.durability)}
            onChange={(v) => setForm({ ...form, durability: v })}
            disabled={!editable}
            options={[
              { value: 'full', label: t('settings.durability.full') },
              { value: 'normal', label: t('settings.durability.normal') },
            ]}
          />
        </div>
      </fieldset>
    </section>
  );
}
