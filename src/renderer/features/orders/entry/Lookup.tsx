import { useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { KeyBuffer } from './keybuffer';

export interface LookupProps<T> {
  /** The input's accessible name. */
  label: string;
  id?: string;
  text: string;
  onText(text: string): void;
  picked: T | null;
  display(item: T): string;
  itemKey(item: T): string;
  search(q: string): Promise<T[]>;
  renderOption(item: T): ReactNode;
  /** An item was taken (Enter, or a click); the owner moves the focus on. */
  onPick(item: T): void | Promise<void>;
  /** Enter with nothing typed. */
  onEnterEmpty?(): void;
  /** Enter on an item already taken and not changed since. */
  onEnterUnchanged?(): void;
  /** Enter found nothing. */
  onNoMatch?(): void;
  /** Delete in an empty cell (e.g. removes the line). */
  onDeleteEmpty?(): void;
  onBlur?(): void;
  buffer: KeyBuffer;
  invalid?: boolean;
  describedBy?: string;
  readOnly?: boolean;
  placeholder?: string;
  emptyText: string;
  className?: string;
  data?: Record<string, string>;
  autoFocus?: boolean;
}

interface Results<T> {
  q: string;
  rows: T[];
}

/**
 * The entry screen's type-ahead (customer, product). Typing searches; ↑/↓ choose; Enter takes the
 * highlighted row — waiting for the search of exactly what is typed, so a scanner's code + Enter
 * gets its product — and keys typed while it waits are held for the next field; F4 opens the
 * list; Esc closes it and keeps the text.
 */
export function Lookup<T>(props: LookupProps<T>) {
  const { text, picked, display, search, buffer } = props;
  const [open, setOpen] = useState(false);
  const [results, setResults] = useState<Results<T>>({ q: '', rows: [] });
  const [highlight, setHighlight] = useState(0);
  const [rect, setRect] = useState<{ left: number; top: number; minWidth: number } | null>(null);
  const inflight = useRef<{ q: string; promise: Promise<T[]> } | null>(null);
  const seq = useRef(0);
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();

  const run = (q: string): Promise<T[]> => {
    if (inflight.current?.q === q) return inflight.current.promise;
    const mine = ++seq.current;
    const promise = search(q).then(
      (rows) => {
        if (mine === seq.current) {
          setResults({ q, rows });
          setHighlight(0);
        }
        return rows;
      },
      () => [] as T[],
    );
    inflight.current = { q, promise };
    return promise;
  };

  useLayoutEffect(() => {
    if (!open || !input.current) return;
    const r = input.current.getBoundingClientRect();
    setRect({ left: r.left, top: r.bottom + 1, minWidth: r.width });
  }, [open, results]);

  useEffect(() => {
    if (!open) return;
    const close = () => setOpen(false);
    window.addEventListener('resize', close);
    return () => window.removeEventListener('resize', close);
  }, [open]);

  const take = async (item: T) => {
    setOpen(false);
    await props.onPick(item);
  };

  const onKeyDown = async (e: React.KeyboardEvent<HTMLInputElement>) => {
    const key = e.key;
    if (props.readOnly) {
      if (key === 'Enter' && !e.ctrlKey && !e.altKey && !e.metaKey) {
        e.preventDefault();
        e.stopPropagation();
        props.onEnterUnchanged?.();
      }
      return;
    }
    if (key === 'ArrowDown') {
      e.preventDefault();
      if (!open) {
        setOpen(true);
        void run(picked && display(picked) === text ? '' : text.trim());
      } else setHighlight((h) => Math.min(results.rows.length - 1, h + 1));
    } else if (key === 'ArrowUp') {
      if (!open) return;
      e.preventDefault();
      setHighlight((h) => Math.max(0, h - 1));
    } else if (key === 'F4') {
      e.preventDefault();
      e.stopPropagation();
      if (open) setOpen(false);
      else {
        setOpen(true);
        void run(picked && display(picked) === text ? '' : text.trim());
      }
    } else if (key === 'Escape') {
      if (open) {
        e.preventDefault();
        e.stopPropagation();
        e.nativeEvent.stopImmediatePropagation();
        setOpen(false);
      }
    } else if (key === 'Delete' && !e.ctrlKey && !text && props.onDeleteEmpty) {
      e.preventDefault();
      e.stopPropagation();
      props.onDeleteEmpty();
    } else if (key === 'Enter' && !e.ctrlKey && !e.altKey && !e.metaKey) {
      e.preventDefault();
      e.stopPropagation();
      // What is in the field now (keys replayed by the buffer may be ahead of the last render).
      const value = e.currentTarget.value;
      const q = value.trim();
      if (!q) {
        setOpen(false);
        props.onEnterEmpty?.();
        return;
      }
      if (picked && display(picked) === value && !open) {
        props.onEnterUnchanged?.();
        return;
      }
      const chosen = open && results.q === q ? results.rows[highlight] : undefined;
      buffer.hold();
      try {
        const rows = chosen ? [chosen] : await run(q);
        const item = rows[0];
        setOpen(false);
        if (item) await take(item);
        else props.onNoMatch?.();
      } finally {
        buffer.release();
      }
    }
  };

  return (
    <div className={`o-lookup${props.className ? ` ${props.className}` : ''}`}>
      <input
        ref={input}
        id={props.id}
        aria-label={props.label}
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-invalid={props.invalid || undefined}
        aria-describedby={props.describedBy}
        aria-activedescendant={open && results.rows[highlight] ? `${listId}-${highlight}` : undefined}
        autoComplete="off"
        spellCheck={false}
        readOnly={props.readOnly}
        placeholder={props.placeholder}
        autoFocus={props.autoFocus}
        value={text}
        {...props.data}
        onChange={(e) => {
          const v = e.target.value;
          props.onText(v);
          if (v.trim()) {
            setOpen(true);
            void run(v.trim());
          } else setOpen(false);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setOpen(false);
          props.onBlur?.();
        }}
      />
      {open && rect ? (
        <ul className="o-lookup-list" role="listbox" id={listId} style={{ left: rect.left, top: rect.top, minWidth: rect.minWidth }}>
          {results.rows.length === 0 ? <li className="o-lookup-empty">{results.q === text.trim() ? props.emptyText : '…'}</li> : null}
          {results.rows.map((item, i) => (
            <li
              key={props.itemKey(item)}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === highlight}
              className={i === highlight ? 'active' : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                void take(item);
              }}
            >
              {props.renderOption(item)}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
