import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { saveLocale } from '../i18n';
import { CommandPalette, type PaletteAction } from './CommandPalette';
import { SCREENS } from './commands';
import { KeyBar } from './KeyBar';
import { useKeys } from './keyboard';
import { MenuBar } from './MenuBar';
import { useNav } from './nav';
import { SCREEN_COMPONENTS } from './screens';
import { hasRole, useSession } from './session';
import { StatusBar } from './StatusBar';
import { Toasts } from './Toasts';

export function Shell() {
  const { t, i18n } = useTranslation();
  const current = useNav((s) => s.current);
  const go = useNav((s) => s.go);
  const user = useSession((s) => s.user);
  const signedOut = useSession((s) => s.signedOut);
  const [palette, setPalette] = useState(false);

  const toggleLanguage = () => {
    const next = i18n.language === 'en' ? 'zh-CN' : 'en';
    void i18n.changeLanguage(next);
    saveLocale(next);
    api.locale = next;
    document.documentElement.lang = next;
  };
  const logout = async () => {
    await api.invoke('auth.logout', {}).catch(() => undefined);
    signedOut();
  };
  const actions: PaletteAction[] = [
    { id: 'language', label: t('cmd.language'), keyHint: 'Ctrl+Shift+L', run: toggleLanguage },
    { id: 'logout', label: t('cmd.logout'), run: () => void logout() },
  ];

  useKeys([
    { key: 'Ctrl+K', label: 'cmd.palette', run: () => setPalette(true), inInputs: true },
    { key: 'Ctrl+Shift+L', run: toggleLanguage, inInputs: true },
    ...SCREENS.filter((s) => s.key && (!s.roles || hasRole(user, s.roles))).map((s) => ({
      key: s.key!,
      label: `screen.${s.id}`,
      run: () => go(s.id),
      inInputs: true,
    })),
  ]);

  const Screen = SCREEN_COMPONENTS[current.screen];
  return (
    <div className="shell">
      <MenuBar />
      <main className="workspace" key={`${current.screen}:${JSON.stringify(current.params)}`}>
        <Suspense fallback={<div className="loading-screen">{t('common.loading')}</div>}>
          <Screen params={current.params} />
        </Suspense>
      </main>
      <KeyBar />
      <StatusBar />
      <Toasts />
      {palette ? <CommandPalette actions={actions} onClose={() => setPalette(false)} /> : null}
    </div>
  );
}
