import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MENUS, SCREENS } from './commands';
import { useKeys } from './keyboard';
import { useNav } from './nav';
import { hasRole, useSession } from './session';

/** Menus opened with Alt+letter; ↑/↓ move, Enter opens the screen, Esc closes, ←/→ switch menus. */
export function MenuBar() {
  const { t } = useTranslation();
  const user = useSession((s) => s.user);
  const go = useNav((s) => s.go);
  const [open, setOpen] = useState<number | null>(null);
  const [item, setItem] = useState(0);
  const listRef = useRef<HTMLUListElement>(null);
  const entries = (menu: string) => SCREENS.filter((s) => s.menu === menu && (!s.roles || hasRole(user, s.roles)));

  useKeys(MENUS.map((m, i) => ({ key: m.key, run: () => { setOpen(i); setItem(0); }, inInputs: true })));

  useEffect(() => {
    if (open !== null) listRef.current?.querySelector<HTMLElement>(`[data-index="${item}"]`)?.focus();
  }, [open, item]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (open === null) return;
    const list = entries(MENUS[open].id);
    const keys: Record<string, () => void> = {
      ArrowDown: () => setItem((i) => (i + 1) % list.length),
      ArrowUp: () => setItem((i) => (i - 1 + list.length) % list.length),
      ArrowRight: () => { setOpen((open + 1) % MENUS.length); setItem(0); },
      ArrowLeft: () => { setOpen((open - 1 + MENUS.length) % MENUS.length); setItem(0); },
      Escape: () => setOpen(null),
      Enter: () => { go(list[item].id); setOpen(null); },
    };
    const fn = keys[e.key];
    if (fn) {
      e.preventDefault();
      e.stopPropagation();
      fn();
    }
  };

  return (
    <nav className="menubar" aria-label="menu" onKeyDown={onKeyDown}>
      <span className="brand">{t('app.name')}</span>
      {MENUS.map((m, i) => (
        <div key={m.id} className="menu">
          <button
            type="button"
            className={open === i ? 'menu-title open' : 'menu-title'}
            aria-haspopup="menu"
            aria-expanded={open === i}
            onClick={() => { setOpen(open === i ? null : i); setItem(0); }}
          >
            {t(`menu.${m.id}`)}
          </button>
          {open === i ? (
            <ul className="menu-list" role="menu" ref={listRef} onBlur={(e) => { if (!e.currentTarget.contains(e.relatedTarget as Node)) setOpen(null); }}>
              {entries(m.id).map((s, j) => (
                <li key={s.id} role="none">
                  <button
                    type="button"
                    role="menuitem"
                    data-index={j}
                    tabIndex={j === item ? 0 : -1}
                    onClick={() => { go(s.id); setOpen(null); }}
                  >
                    <span>{t(`screen.${s.id}`)}</span>
                    {s.key ? <kbd>{s.key}</kbd> : null}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ))}
      <span className="menubar-hint"><kbd>Ctrl+K</kbd> {t('cmd.palette')}</span>
    </nav>
  );
}
