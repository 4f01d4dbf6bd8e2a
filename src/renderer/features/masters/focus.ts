/** After a refused save, put the cursor on the first field that shows an error (once it has rendered). */
export function focusFirstError() {
  setTimeout(() => {
    const root = document.querySelector('.dialog') ?? document;
    const el = root.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (el) {
      el.focus();
      if (el instanceof HTMLInputElement) el.select();
    }
  }, 0);
}
