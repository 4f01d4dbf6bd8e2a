/**
 * After a refused save, put the cursor on the first field that shows an error. The error marks
 * appear when React renders the refusal, which may be a few ticks later on a busy machine: look
 * again for a short while (about 300 ms) instead of giving up after one tick.
 */
export function focusFirstError(): void {
  look(20, 0);
}

function look(tries: number, delayMs: number): void {
  setTimeout(() => {
    const root = document.querySelector('.dialog') ?? document;
    const el = root.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (el) {
      el.focus();
      if (el instanceof HTMLInputElement) el.select();
    } else if (tries > 1) {
      look(tries - 1, 15);
    }
  }, delayMs);
}
