import { useContext, useEffect, useRef, type ReactNode } from 'react';
import { KeyDepth, useKeys } from '../app/keyboard';

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  wide?: boolean;
}

/**
 * Modal dialog: focus moves in and is trapped, Esc closes it. Closing never discards what was
 * typed: the owner keeps the state.
 */
export function Dialog({ title, onClose, children, footer, wide }: DialogProps) {
  const ref = useRef<HTMLDivElement>(null);
  const depth = useContext(KeyDepth) + 1;
  useKeys([{ key: 'Escape', run: onClose, inInputs: true }], { modal: true });
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const root = ref.current;
    const first =
      root?.querySelector<HTMLElement>('[data-autofocus]') ??
      root?.querySelector<HTMLElement>('.dialog-body input:not([disabled]), .dialog-body select, .dialog-body textarea') ??
      root?.querySelector<HTMLElement>('.dialog-foot button');
    first?.focus();
    return () => previous?.focus?.();
  }, []);
  const trap = (e: React.KeyboardEvent) => {
    if (e.key !== 'Tab' || !ref.current) return;
    const items = Array.from(ref.current.querySelectorAll<HTMLElement>('input, select, textarea, button, [tabindex="0"]')).filter(
      (el) => !el.hasAttribute('disabled'),
    );
    if (!items.length) return;
    const first = items[0];
    const last = items[items.length - 1];
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };
  return (
    <div className="dialog-backdrop">
      <div className={`dialog${wide ? ' wide' : ''}`} role="dialog" aria-modal="true" aria-label={title} ref={ref} onKeyDown={trap}>
        <header className="dialog-head">
          <h2>{title}</h2>
          <button type="button" className="icon-button" onClick={onClose} aria-label="Esc" tabIndex={-1}>
            ×
          </button>
        </header>
        <KeyDepth.Provider value={depth}>
          <div className="dialog-body">{children}</div>
          {footer ? <footer className="dialog-foot">{footer}</footer> : null}
        </KeyDepth.Provider>
      </div>
    </div>
  );
}
