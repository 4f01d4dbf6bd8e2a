import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import { fieldErrors } from '../../api/hooks';
import { focusNext } from '../../app/keyboard';
import { useSession } from '../../app/session';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';

export function LoginScreen({ companyName, deskCode }: { companyName: string; deskCode: string }) {
  const { t } = useTranslation();
  const notice = useSession((s) => s.notice);
  const signedIn = useSession((s) => s.signedIn);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const res = await api.invoke('auth.login', { username, password });
      signedIn(res.sessionId, res.user);
    } catch (err) {
      setError(err as ApiError);
      setPassword('');
    } finally {
      setBusy(false);
    }
  };
  const fields = fieldErrors(error);
  return (
    <div className="auth-page">
      <form className="auth-card" ref={form} onSubmit={submit} noValidate>
        <h1>{companyName || t('app.name')}</h1>
        <p className="muted">{t('login.desk', { code: deskCode })}</p>
        <h2>{t('login.title')}</h2>
        {notice ? <div className="notice">{notice}</div> : null}
        {error && !error.fields.length ? <div className="form-error" role="alert">{error.message}</div> : null}
        <TextField
          label={t('login.username')}
          value={username}
          onChange={setUsername}
          autoFocus
          error={fields.username}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              focusNext(e.currentTarget, form.current!);
            }
          }}
        />
        <TextField label={t('login.password')} type="password" value={password} onChange={setPassword} error={fields.password} />
        <Button type="submit" variant="primary" disabled={busy} keyHint="Enter">
          {t('login.submit')}
        </Button>
      </form>
    </div>
  );
}
