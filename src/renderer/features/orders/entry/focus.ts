/** Where the keyboard goes on the entry screen. Fields are found by data attributes, not refs. */
import { focusFirstInvalid } from '../../../ui/focus-error';

export type LineCol = 'product' | 'qty' | 'price' | 'discount' | 'params';

function focusEl(el: HTMLElement | null | undefined): boolean {
  if (!el) return false;
  el.focus();
  if (el instanceof HTMLInputElement) el.select();
  return document.activeElement === el;
}

export function lineField(key: string, col: LineCol): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[data-line="${key}"][data-col="${col}"]`);
}

export function focusLine(key: string, col: LineCol = 'product'): boolean {
  return focusEl(lineField(key, col));
}

/** A header field by the desk's path of its value ("shipTo.phone"). */
export function focusPath(path: string): boolean {
  const line = /^lines\.([^.]+)\.(\w+)$/.exec(path);
  if (line) {
    const col: Record<string, LineCol> = { productId: 'product', quantity: 'qty', unitPrice: 'price', discountBp: 'discount', customParams: 'params' };
    return focusLine(line[1], col[line[2]] ?? 'product');
  }
  return focusEl(document.querySelector<HTMLElement>(`.o-entry [data-path="${path}"]`));
}

/** After a refused submit: the first field showing an error, in screen order. */
export function focusFirstError(): void {
  focusFirstInvalid('.o-entry', focusEl);
}

export function focusSubmit(): boolean {
  return focusEl(document.querySelector<HTMLElement>('.o-entry [data-submit]'));
}

/** The entry screen itself (Esc from a field lands here; screen keys keep working). */
export function focusScreen(): void {
  document.querySelector<HTMLElement>('.o-entry')?.focus();
}

export function activeLineKey(): string | null {
  const el = document.activeElement as HTMLElement | null;
  return el?.closest<HTMLElement>('[data-row]')?.dataset.row ?? null;
}
