import { Command } from 'cmdk';
import { useTranslation } from 'react-i18next';
import { SCREENS } from './commands';
import { useKeys } from './keyboard';
import { useNav } from './nav';
import { hasRole, useSession } from './session';

export interface PaletteAction {
  id: string;
  label: string;
  keyHint?: string;
  run: () => void;
}

/** Ctrl+K: every screen and action by name (Chinese, English or the shortcut). */
export function CommandPalette({ onClose, actions }: { onClose: () => void; actions: PaletteAction[] }) {
  const { t } = useTranslation();
  const go = useNav((s) => s.go);
  const user = useSession((s) => s.user);
  useKeys([{ key: 'Escape', run: onClose, inInputs: true }], { modal: true });
  const screens = SCREENS.filter((s) => !s.roles || hasRole(user, s.roles));
  return (
    <div className="dialog-backdrop" onMouseDown={onClose}>
      <div className="palette" onMouseDown={(e) => e.stopPropagation()}>
        <Command label={t('cmd.palette')} loop>
          <Command.Input autoFocus placeholder={t('cmd.palette.placeholder')} />
          <Command.List>
            <Command.Empty>{t('cmd.palette.empty')}</Command.Empty>
            {screens.map((s) => (
              <Command.Item key={s.id} value={`${t(`screen.${s.id}`)} ${s.id} ${s.key ?? ''}`} onSelect={() => { go(s.id); onClose(); }}>
                <span>{t(`screen.${s.id}`)}</span>
                {s.key ? <kbd>{s.key}</kbd> : null}
              </Command.Item>
            ))}
            {actions.map((a) => (
              <Command.Item key={a.id} value={`${a.label} ${a.id}`} onSelect={() => { a.run(); onClose(); }}>
                <span>{a.label}</span>
                {a.keyHint ? <kbd>{a.keyHint}</kbd> : null}
              </Command.Item>
            ))}
          </Command.List>
        </Command>
      </div>
    </div>
  );
}
