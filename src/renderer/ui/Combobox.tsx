import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Field } from './Field';
import { focusNext } from '../app/keyboard';

interface ComboboxProps<T> {
  label: string;
  value: T | null;
  display: (item: T) => string;
  itemKey: (item: T) => string;
  search: (text: string) => Promise<T[]>;
  onSelect: (item: T | null) => void;
  renderOption: (item: T) => ReactNode;
  error?: string | null;
  hint?: string;
  required?: boolean;
  placeholder?: string;
  span?: 1 | 2 | 3 | 4;
  /** Container whose [data-nav] fields Enter advances through after a pick. */
  navContainer?: () => HTMLElement | null;
  inputId?: string;
  emptyText?: string;
  autoFocus?: boolean;
}

/**
 * Type-ahead dropdown for coded fields. Typing searches; ↑/↓ choose; Enter takes the highlighted
 * item (waiting for a search still in flight, so fast typists and barcode scanners get the
 * right row) and moves on; F4 opens the list; Esc closes it without losing the text.
 */
export function Combobox<T>(props: ComboboxProps<T>) {
  const { value, display, search, onSelect, itemKey } = props;
  const [text, setText] = useState(value ? display(value) : '');
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<T[]>([]);
  const [highlight, setHighlight] = useState(0);
  const pending = useRef<Promise<T[]> | null>(null);
  const latest = useRef(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();

  useEffect(() => {
    setText(value ? display(value) : '');
    // Showing the chosen item's text when the value changes from outside.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value ? itemKey(value) : null]);

  const runSearch = (q: string) => {
    const mine = ++latest.current;
    const p = search(q).then((rows) => {
      if (mine === latest.current) {
        setItems(rows);
        setHighlight(0);
      }
      return rows;
    });
    pending.current = p;
    return p;
  };

  const pick = (item: T | undefined, advance: boolean) => {
    if (!item) return;
    onSelect(item);
    setText(display(item));
    setOpen(false);
    if (advance && inputRef.current) {
      const container = props.navContainer?.() ?? inputRef.current.form ?? document.body;
      focusNext(inputRef.current, container);
    }
  };

  const onKeyDown = async (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (!open) {
        setOpen(true);
        void runSearch(text);
      } else setHighlight((h) => Math.min(items.length - 1, h + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setHighlight((h) => Math.max(0, h - 1));
    } else if (e.key === 'F4') {
      e.preventDefault();
      e.stopPropagation();
      if (open) setOpen(false);
      else {
        setOpen(true);
        void runSearch(value ? '' : text);
      }
    } else if (e.key === 'Escape') {
      if (open) {
        e.preventDefault();
        e.stopPropagation();
        e.nativeEvent.stopImmediatePropagation();
        setOpen(false);
      }
    } else if (e.key === 'Enter' && !e.ctrlKey && !e.altKey) {
      e.preventDefault();
      e.stopPropagation();
      if (value && display(value) === text && !open) {
        focusNext(e.currentTarget, props.navContainer?.() ?? e.currentTarget.form ?? document.body);
        return;
      }
      if (!text.trim()) return;
      const rows = open && pending.current ? await pending.current : await runSearch(text);
      const index = open ? highlight : 0;
      pick(rows[Math.min(index, rows.length - 1)], true);
    }
  };

  return (
    <Field label={props.label} error={props.error} hint={props.hint} required={props.required} span={props.span}>
      {(id, describedBy) => (
        <div className="combo">
          <input
            ref={inputRef}
            id={props.inputId ?? id}
            data-nav=""
            role="combobox"
            aria-expanded={open}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-invalid={props.error ? true : undefined}
            aria-describedby={describedBy}
            aria-activedescendant={open && items[highlight] ? `${listId}-${highlight}` : undefined}
            autoComplete="off"
            spellCheck={false}
            placeholder={props.placeholder}
            autoFocus={props.autoFocus}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              if (value) onSelect(null);
              setOpen(true);
              void runSearch(e.target.value);
            }}
            onKeyDown={onKeyDown}
            onBlur={() => setTimeout(() => setOpen(false), 120)}
          />
          <kbd className="combo-key" aria-hidden="true">
            F4
          </kbd>
          {open ? (
            <ul className="combo-list" role="listbox" id={listId}>
              {items.length === 0 ? <li className="combo-empty">{props.emptyText ?? '—'}</li> : null}
              {items.map((item, i) => (
                <li
                  key={itemKey(item)}
                  id={`${listId}-${i}`}
                  role="option"
                  aria-selected={i === highlight}
                  className={i === highlight ? 'active' : undefined}
                  onMouseDown={(e) => {
                    e.preventDefault();
                    pick(item, true);
                  }}
                >
                  {props.renderOption(item)}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      )}
    </Field>
  );
}
