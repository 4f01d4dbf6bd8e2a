import type { ButtonHTMLAttributes } from 'react';

type Props = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: 'primary' | 'default' | 'danger' | 'ghost';
  /** Shortcut shown on the button, e.g. "Ctrl+S". */
  keyHint?: string;
};

export function Button({ variant = 'default', keyHint, children, className, type = 'button', ...rest }: Props) {
  return (
    <button type={type} className={`btn btn-${variant}${className ? ` ${className}` : ''}`} {...rest}>
      {children}
      {keyHint ? <kbd>{keyHint}</kbd> : null}
    </button>
  );
}
