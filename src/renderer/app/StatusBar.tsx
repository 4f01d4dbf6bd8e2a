import { useTranslation } from 'react-i18next';
import { useQuery } from '../api/hooks';
import { useSession } from './session';

export function StatusBar() {
  const { t } = useTranslation();
  const user = useSession((s) => s.user);
  const info = useQuery('system.info', {});
  const pending = info.data?.pendingOutbox ?? 0;
  return (
    <footer className="statusbar" role="status">
      <span>
        {t('status.user')}: <b>{user?.displayName}</b> ({user ? t(`status.role.${user.role}`) : ''})
      </span>
      <span>
        {t('status.desk')}: <b>{info.data?.deskCode ?? '…'}</b>
      </span>
      <span className={info.data?.online ? 'online' : 'offline'}>
        <i className="dot" aria-hidden="true" /> {info.data?.online ? t('status.online') : t('status.offline')}
      </span>
      <span data-testid="pending-outbox">{t('status.pending', { count: pending })}</span>
      <span className="spacer" />
      <span className="muted">v{info.data?.version}</span>
    </footer>
  );
}
