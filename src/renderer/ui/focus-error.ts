/**
 * After a refused save: put the cursor on the first field inside `rootSelector` that shows an error.
 * The error marks appear when React renders the refusal, which may be a few ticks later on a busy
 * machine, so look again for a short while (about 300 ms) instead of giving up after one tick.
 */
export function focusFirstInvalid(rootSelector: string, focus: (el: HTMLElement) => void = defaultFocus): void {
  look(rootSelector, focus, 20, 0);
}

function defaultFocus(el: HTMLElement): void {
  el.focus();
  if (el instanceof HTMLInputElement) el.select();
}

function look(rootSelector: string, focus: (el: HTMLElement) => void, tries: number, delayMs: number): void {
  setTimeout(() => {
    const root = document.querySelector(rootSelector) ?? document;
    const el = root.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (el) focus(el);
    else if (tries > 1) look(rootSelector, focus, tries - 1, 15);
  }, delayMs);
}
