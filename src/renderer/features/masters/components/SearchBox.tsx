import { useEffect, useRef, useState } from 'react';
import { Field } from '../../../ui/Field';

interface Props {
  label: string;
  placeholder?: string;
  value: string;
  /** Called a moment after typing stops, and at once on Enter / ↓. */
  onSearch: (q: string) => void;
  /** Enter or ↓ leaves the box for the list. */
  onLeave?: () => void;
  inputRef?: React.RefObject<HTMLInputElement | null>;
  autoFocus?: boolean;
  width?: number;
}

/** The search box above a list: the list follows as the clerk types. */
export function SearchBox({ label, placeholder, value, onSearch, onLeave, inputRef, autoFocus, width = 300 }: Props) {
  const [text, setText] = useState(value);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  const change = (v: string) => {
    setText(v);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => onSearch(v.trim()), 150);
  };
  const flush = () => {
    if (timer.current) clearTimeout(timer.current);
    onSearch(text.trim());
  };

  return (
    <div className="search-box" style={{ width }}>
      <Field label={label}>
        {(id) => (
          <input
            id={id}
            ref={inputRef}
            type="search"
            value={text}
            placeholder={placeholder}
            autoComplete="off"
            spellCheck={false}
            autoFocus={autoFocus}
            onChange={(e) => change(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === 'ArrowDown') {
                e.preventDefault();
                flush();
                onLeave?.();
              } else if (e.key === 'Escape' && text) {
                e.preventDefault();
                e.nativeEvent.stopImmediatePropagation();
                change('');
              }
            }}
          />
        )}
      </Field>
    </div>
  );
}

/** Put the keyboard on a DataGrid by its label. */
export function focusGrid(label: string) {
  document.querySelector<HTMLElement>(`[role="grid"][aria-label="${label}"]`)?.focus();
}
