import { createContext, useContext, useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { focusNext, useKeys, type KeyBinding } from '../../../app/keyboard';
import { Button } from '../../../ui/Button';
import { Dialog } from '../../../ui/Dialog';

/** The sub-table that last held the focus: Ctrl+Insert / Ctrl+Delete act on it. */
export interface RowTarget {
  add(): void;
  removeCurrent(): void;
}
const RowTargetContext = createContext<{ current: RowTarget | null }>({ current: null });
export const useRowTarget = () => useContext(RowTargetContext);

interface Props {
  title: string;
  onClose: () => void;
  onSave: () => void;
  saving?: boolean;
  /** Viewing only (the role may not edit): no save, every control disabled. */
  readOnly?: boolean;
  wide?: boolean;
  /** Shown above the form: restored-draft notice, refusal message. */
  top?: ReactNode;
  children: ReactNode;
  /** Shows Ctrl+Insert / Ctrl+Delete in the key bar (the dialog has sub-tables). */
  rows?: boolean;
  saveLabel?: string;
  extraKeys?: KeyBinding[];
}

/**
 * A master-data edit dialog: Ctrl+S saves, Esc closes (the owner keeps the draft), Enter moves to
 * the next field (Shift+Enter in a text area for a new line), Ctrl+Insert / Ctrl+Delete add and
 * remove rows of the sub-table the focus is in.
 */
export function EditDialog(props: Props) {
  const { t } = useTranslation();
  const target = useRef<RowTarget | null>(null);
  const body = useRef<HTMLFieldSetElement>(null);

  // The kit's Dialog focuses its first control in document order (the header's close button);
  // this effect runs after it (parent after child) and puts the cursor on the form's first field.
  useEffect(() => {
    const root = body.current;
    const first = root?.querySelector<HTMLElement>('[data-autofocus]') ?? root?.querySelector<HTMLElement>('[data-nav]:not([disabled])');
    first?.focus();
    if (first instanceof HTMLInputElement) first.select();
  }, []);

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key !== 'Enter' || e.ctrlKey || e.altKey || e.metaKey) return;
    const el = e.target as HTMLElement;
    if (!el.hasAttribute('data-nav') || el.getAttribute('role') === 'combobox') return;
    // A list typed one per line (bins) keeps Enter for new lines; other text areas use Shift+Enter.
    if (el.tagName === 'TEXTAREA' && (e.shiftKey || el.hasAttribute('data-multiline'))) return;
    e.preventDefault();
    if (body.current) focusNext(el, body.current);
  };

  const keys: KeyBinding[] = [
    ...(props.readOnly ? [] : [{ key: 'Ctrl+S', label: 'common.save', run: props.onSave, inInputs: true }]),
    { key: 'Escape', label: 'common.close', run: props.onClose, inInputs: true },
    ...(props.rows && !props.readOnly
      ? [
          { key: 'Ctrl+Insert', label: 'masters.row.add', run: () => target.current?.add(), inInputs: true },
          { key: 'Ctrl+Delete', label: 'masters.row.remove', run: () => target.current?.removeCurrent(), inInputs: true },
        ]
      : []),
    ...(props.extraKeys ?? []),
  ];

  return (
    <>
      <Dialog
        title={props.title}
        onClose={props.onClose}
        wide={props.wide}
        footer={
          <>
            {props.readOnly ? <span className="muted foot-note">{t('masters.readOnly')}</span> : null}
            <Button onClick={props.onClose} keyHint="Esc">
              {props.readOnly ? t('common.close') : t('common.cancel')}
            </Button>
            {props.readOnly ? null : (
              <Button variant="primary" onClick={props.onSave} disabled={props.saving} keyHint="Ctrl+S">
                {props.saveLabel ?? t('common.save')}
              </Button>
            )}
          </>
        }
      >
        <DialogKeys bindings={keys} />
        {props.top}
        <RowTargetContext.Provider value={target}>
          <fieldset
            className="m-form"
            ref={body}
            disabled={props.readOnly}
            onKeyDown={onKeyDown}
            onFocus={(e) => {
              if (!(e.target as HTMLElement).closest('[data-subtable]')) target.current = null;
            }}
          >
            {props.children}
          </fieldset>
        </RowTargetContext.Provider>
      </Dialog>
    </>
  );
}

function DialogKeys({ bindings }: { bindings: KeyBinding[] }) {
  useKeys(bindings);
  return null;
}
