import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../ui/Button';
import { useRowTarget } from './EditDialog';

export interface SubColumn<R> {
  key: string;
  header: string;
  /** CSS width of the column, e.g. "120px"; leave one column without to take the rest. */
  width?: string;
  required?: boolean;
  cell: (row: R, index: number) => ReactNode;
}

interface Props<R> {
  /** Accessible name and heading, e.g. "收货地址". */
  title: string;
  rows: R[];
  columns: SubColumn<R>[];
  onAdd: () => void;
  onRemove: (index: number) => void;
  /** A problem with the list as a whole (e.g. "at least one address"). */
  error?: string | null;
  emptyText?: string;
  max?: number;
}

/**
 * An editable table inside a form: Ctrl+Insert adds a row and puts the cursor in it, Ctrl+Delete
 * removes the row the cursor is in; Enter moves from cell to cell like any other field.
 */
export function SubTable<R>({ title, rows, columns, onAdd, onRemove, error, emptyText, max }: Props<R>) {
  const { t } = useTranslation();
  const host = useRowTarget();
  const tableRef = useRef<HTMLDivElement>(null);
  const current = useRef(0);
  const focusRow = useRef<number | null>(null);

  const add = () => {
    if (max !== undefined && rows.length >= max) return;
    focusRow.current = rows.length;
    onAdd();
  };
  const removeCurrent = () => {
    if (!rows.length) return;
    const i = Math.min(current.current, rows.length - 1);
    focusRow.current = Math.min(i, rows.length - 2);
    onRemove(i);
  };
  const me = { add, removeCurrent };

  useEffect(() => {
    const want = focusRow.current;
    if (want === null) return;
    focusRow.current = null;
    const root = tableRef.current;
    if (!root) return;
    const target =
      want >= 0
        ? root.querySelector<HTMLElement>(`tr[data-row="${want}"] [data-nav]`)
        : root.querySelector<HTMLElement>('[data-add-row]');
    target?.focus();
  }, [rows.length]);

  return (
    <div
      className={`subtable${error ? ' has-error' : ''}`}
      data-subtable=""
      ref={tableRef}
      role="group"
      aria-label={title}
      onFocus={(e) => {
        host.current = me;
        const tr = (e.target as HTMLElement).closest('tr[data-row]');
        if (tr) current.current = Number(tr.getAttribute('data-row'));
      }}
    >
      <div className="subtable-head">
        <h3>
          {title}
          <span className="count">{rows.length}</span>
        </h3>
        {error ? (
          <span className="field-error" role="alert">
            {error}
          </span>
        ) : null}
        <span className="spacer" />
        <Button variant="ghost" className="btn-small" data-add-row="" onClick={add} keyHint="Ctrl+Insert">
          {t('masters.row.add')}
        </Button>
      </div>
      <table>
        <colgroup>
          <col style={{ width: 30 }} />
          {columns.map((c) => (
            <col key={c.key} style={c.width ? { width: c.width } : undefined} />
          ))}
          <col style={{ width: 30 }} />
        </colgroup>
        <thead>
          <tr>
            <th className="num">#</th>
            {columns.map((c) => (
              <th key={c.key}>
                {c.header}
                {c.required ? <span className="req">*</span> : null}
              </th>
            ))}
            <th aria-hidden="true" />
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr className="empty">
              <td colSpan={columns.length + 2}>{emptyText ?? t('masters.row.empty')}</td>
            </tr>
          ) : null}
          {rows.map((row, i) => (
            <tr key={i} data-row={i}>
              <td className="num muted">{i + 1}</td>
              {columns.map((c) => (
                <td key={c.key}>{c.cell(row, i)}</td>
              ))}
              <td>
                <button
                  type="button"
                  className="icon-button row-remove"
                  tabIndex={-1}
                  title={`${t('masters.row.remove')} (Ctrl+Delete)`}
                  aria-label={`${t('masters.row.remove')} ${i + 1}`}
                  onClick={() => {
                    current.current = i;
                    removeCurrent();
                  }}
                >
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface CellProps {
  /** Accessible name: column and row, e.g. "电话 1". */
  label: string;
  value: string;
  onChange: (v: string) => void;
  onBlur?: () => void;
  error?: string | null;
  inputMode?: 'numeric' | 'decimal' | 'tel' | 'email';
  align?: 'right';
  placeholder?: string;
}

/** A text cell of a sub-table, with its error beneath. */
export function CellInput({ label, value, onChange, onBlur, error, inputMode, align, placeholder }: CellProps) {
  return (
    <div className={`cell-field${error ? ' has-error' : ''}`}>
      <input
        data-nav=""
        aria-label={label}
        aria-invalid={error ? true : undefined}
        value={value}
        inputMode={inputMode}
        placeholder={placeholder}
        className={align === 'right' ? 'num' : undefined}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
      />
      {error ? (
        <div className="field-error" role="alert">
          {error}
        </div>
      ) : null}
    </div>
  );
}

export function CellCheck({ label, checked, onChange }: { label: string; checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <div className="cell-field center">
      <input type="checkbox" data-nav="" aria-label={label} checked={checked} onChange={(e) => onChange(e.target.checked)} />
    </div>
  );
}

export function CellSelect({
  label,
  value,
  onChange,
  options,
  error,
  onBlur,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  options: { value: string; label: string }[];
  error?: string | null;
  onBlur?: () => void;
}) {
  return (
    <div className={`cell-field${error ? ' has-error' : ''}`}>
      <select data-nav="" aria-label={label} aria-invalid={error ? true : undefined} value={value} onChange={(e) => onChange(e.target.value)} onBlur={onBlur}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {error ? (
        <div className="field-error" role="alert">
          {error}
        </div>
      ) : null}
    </div>
  );
}
