import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

interface FieldProps {
  label: string;
  error?: string | null;
  hint?: string;
  required?: boolean;
  /** Grid columns this field spans in a .form-grid (1–4). */
  span?: 1 | 2 | 3 | 4;
  children: (id: string, describedBy: string | undefined) => ReactNode;
}

/** Label, control and the error beneath it: errors are shown at the field, in the clerk's language. */
export function Field({ label, error, hint, required, span = 1, children }: FieldProps) {
  const id = useId();
  const msgId = `${id}-msg`;
  return (
    <div className={`field span-${span}${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required ? <span className="req" aria-hidden="true">*</span> : null}
      </label>
      {children(id, error || hint ? msgId : undefined)}
      {error ? (
        <div className="field-error" id={msgId} role="alert">
          {error}
        </div>
      ) : hint ? (
        <div className="field-hint" id={msgId}>
          {hint}
        </div>
      ) : null}
    </div>
  );
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> & {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
  hint?: string;
  span?: 1 | 2 | 3 | 4;
};

/** A text field that takes part in Enter-to-advance ([data-nav]). */
export function TextField({ label, value, onChange, error, hint, span, required, ...rest }: InputProps) {
  return (
    <Field label={label} error={error} hint={hint} required={required} span={span}>
      {(id, describedBy) => (
        <input
          id={id}
          data-nav=""
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          aria-required={required || undefined}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          autoComplete="off"
          spellCheck={false}
          {...rest}
        />
      )}
    </Field>
  );
}

type AreaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onChange' | 'value'> & {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
  span?: 1 | 2 | 3 | 4;
};

export function TextArea({ label, value, onChange, error, span, ...rest }: AreaProps) {
  return (
    <Field label={label} error={error} span={span}>
      {(id, describedBy) => (
        <textarea
          id={id}
          data-nav=""
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          value={value}
          rows={2}
          onChange={(e) => onChange(e.target.value)}
          {...rest}
        />
      )}
    </Field>
  );
}

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange' | 'value'> & {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
  error?: string | null;
  span?: 1 | 2 | 3 | 4;
};

export function SelectField({ label, value, onChange, options, error, span, required, ...rest }: SelectProps) {
  return (
    <Field label={label} error={error} span={span} required={required}>
      {(id, describedBy) => (
        <select
          id={id}
          data-nav=""
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          {...rest}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function CheckField({ label, checked, onChange, span = 1 }: { label: string; checked: boolean; onChange: (v: boolean) => void; span?: 1 | 2 | 3 | 4 }) {
  return (
    <label className={`check-field span-${span}`}>
      <input type="checkbox" data-nav="" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}
