import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import { fieldErrors } from '../../api/hooks';
import { useSession } from '../../app/session';
import { Button } from '../../ui/Button';
import { CheckField, TextField } from '../../ui/Field';

export function SetupScreen({ deskCode: initialDeskCode }: { deskCode: string }) {
  const { t } = useTranslation();
  const signedIn = useSession((s) => s.signedIn);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [companyName, setCompanyName] = useState('');
  const [deskCode, setDeskCode] = useState(initialDeskCode);
  const [demo, setDemo] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);
  const [mismatch, setMismatch] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (password !== confirm) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    setBusy(t('common.loading'));
    try {
      const res = await api.invoke('auth.setup', {
        password,
        companyName: companyName.trim() || undefined,
        deskCode: deskCode.trim().toUpperCase() || undefined,
      });
      api.setSession(res.sessionId);
      if (demo) {
        setBusy(t('setup.loadingDemo'));
        await api.invoke('demo.load', { password, orders: 0 });
      }
      signedIn(res.sessionId, res.user);
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(null);
    }
  };
  const fields = fieldErrors(error);
  return (
    <div className="auth-page">
      <form className="auth-card wide" onSubmit={submit} noValidate>
        <h1>{t('setup.title')}</h1>
        <p className="muted">{t('setup.intro')}</p>
        {error && !error.fields.length ? <div className="form-error" role="alert">{error.message}</div> : null}
        <TextField label={t('setup.password')} type="password" value={password} onChange={setPassword} autoFocus required error={fields.password} />
        <TextField label={t('setup.confirm')} type="password" value={confirm} onChange={setConfirm} required error={mismatch ? t('setup.mismatch') : null} />
        <TextField label={t('setup.company')} value={companyName} onChange={setCompanyName} error={fields.companyName} />
        <TextField label={t('setup.deskCode')} value={deskCode} onChange={(v) => setDeskCode(v.toUpperCase())} error={fields.deskCode} maxLength={6} />
        <CheckField label={t('setup.demo')} checked={demo} onChange={setDemo} />
        <Button type="submit" variant="primary" disabled={busy !== null} keyHint="Enter">
          {busy ?? t('setup.submit')}
        </Button>
      </form>
    </div>
  );
}
