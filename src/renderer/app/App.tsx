import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { LoginScreen } from '../features/auth/LoginScreen';
import { SetupScreen } from '../features/auth/SetupScreen';
import { installKeyboard } from './keyboard';
import { useSession } from './session';
import { Shell } from './Shell';

type Phase = { kind: 'loading' } | { kind: 'setup'; deskCode: string } | { kind: 'login'; companyName: string; deskCode: string } | { kind: 'ready' };

export function App() {
  const { t } = useTranslation();
  const user = useSession((s) => s.user);
  const setUser = useSession((s) => s.setUser);
  const signedOut = useSession((s) => s.signedOut);
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [error, setError] = useState<string | null>(null);

  useEffect(() => installKeyboard(), []);
  useEffect(() => {
    api.onSessionLost(() => signedOut(t('auth.sessionExpired')));
  }, [signedOut, t]);

  useEffect(() => {
    api
      .invoke('auth.status', {})
      .then((s) => {
        if (s.setupRequired) setPhase({ kind: 'setup', deskCode: s.deskCode });
        else if (s.user) {
          setUser(s.user);
          setPhase({ kind: 'ready' });
        } else setPhase({ kind: 'login', companyName: s.companyName, deskCode: s.deskCode });
      })
      .catch((e: Error) => setError(e.message));
  }, [user, setUser]);

  if (error) return <div className="fatal" role="alert">{error}</div>;
  if (phase.kind === 'loading') return <div className="loading-screen">{t('common.loading')}</div>;
  if (phase.kind === 'setup') return <SetupScreen deskCode={phase.deskCode} />;
  if (!user) return <LoginScreen companyName={phase.kind === 'login' ? phase.companyName : ''} deskCode={phase.kind === 'login' ? phase.deskCode : ''} />;
  return <Shell />;
}
