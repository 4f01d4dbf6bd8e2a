import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ORDER_STATUSES, type OrderStatus } from '@shared/orders/status';

interface Props {
  value: OrderStatus[];
  onChange(value: OrderStatus[]): void;
  buttonRef?: React.RefObject<HTMLButtonElement | null>;
}

/** Several statuses at once: Enter / F4 / ↓ opens the list, ↑↓ move, Space ticks, Enter or Esc closes. */
export function StatusPicker({ value, onChange, buttonRef }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const id = useId();
  const own = useRef<HTMLButtonElement>(null);
  const ref = buttonRef ?? own;
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const away = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', away);
    return () => document.removeEventListener('mousedown', away);
  }, [open]);

  const toggle = (s: OrderStatus) => onChange(value.includes(s) ? value.filter((x) => x !== s) : ORDER_STATUSES.filter((x) => x === s || value.includes(x)));

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (!open) {
      if (e.key === 'Enter' || e.key === 'F4' || e.key === 'ArrowDown' || e.key === ' ') {
        e.preventDefault();
        e.stopPropagation();
        setOpen(true);
      }
      return;
    }
    switch (e.key) {
      case 'ArrowDown':
        setActive((a) => Math.min(ORDER_STATUSES.length - 1, a + 1));
        break;
      case 'ArrowUp':
        setActive((a) => Math.max(0, a - 1));
        break;
      case ' ':
        toggle(ORDER_STATUSES[active]);
        break;
      case 'Enter':
      case 'Escape':
      case 'F4':
        setOpen(false);
        e.nativeEvent.stopImmediatePropagation();
        break;
      default:
        return;
    }
    e.preventDefault();
    e.stopPropagation();
  };

  const summary = value.length === 0 ? t('orders.list.statusAll') : value.length <= 2 ? value.map((s) => t(`order.status.${s}`)).join('、') : t('orders.list.statusSome', { n: value.length });

  return (
    <div className="field o-statuspick" ref={root}>
      <label htmlFor={id}>{t('orders.list.status')}</label>
      <button
        type="button"
        id={id}
        ref={ref}
        aria-haspopup="listbox"
        aria-expanded={open}
        aria-activedescendant={open ? `${id}-${active}` : undefined}
        onKeyDown={onKeyDown}
        onClick={() => setOpen((o) => !o)}
        onBlur={() => setOpen(false)}
      >
        {summary}
      </button>
      {open ? (
        <ul className="o-statuslist" role="listbox" aria-multiselectable="true" aria-label={t('orders.list.status')}>
          {ORDER_STATUSES.map((s, i) => (
            <li
              key={s}
              id={`${id}-${i}`}
              role="option"
              aria-selected={value.includes(s)}
              className={i === active ? 'active' : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                setActive(i);
                toggle(s);
              }}
            >
              <input type="checkbox" tabIndex={-1} readOnly checked={value.includes(s)} />
              {t(`order.status.${s}`)}
            </li>
          ))}
          <li className="o-statushint" aria-hidden="true">
            {t('orders.list.statusHint')}
          </li>
        </ul>
      ) : null}
    </div>
  );
}
