import { useTranslation } from 'react-i18next';
import { SCREENS } from './commands';
import { useNav } from './nav';
import { hasRole, useSession } from './session';

export function HomeScreen() {
  const { t } = useTranslation();
  const user = useSession((s) => s.user);
  const go = useNav((s) => s.go);
  const tiles = SCREENS.filter((s) => s.key && (!s.roles || hasRole(user, s.roles)));
  return (
    <section className="screen home">
      <header className="screen-head">
        <h1>{t('home.welcome', { name: user?.displayName ?? '' })}</h1>
      </header>
      <p className="muted">{t('home.hint')}</p>
      <h2>{t('home.shortcuts')}</h2>
      <div className="tiles">
        {tiles.map((s) => (
          <button key={s.id} type="button" className="tile" onClick={() => go(s.id)}>
            <kbd>{s.key}</kbd>
            <span>{t(`screen.${s.id}`)}</span>
          </button>
        ))}
      </div>
    </section>
  );
}
