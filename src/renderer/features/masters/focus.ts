import { focusFirstInvalid } from '../../ui/focus-error';

/** After a refused save, put the cursor on the first field of the dialog that shows an error. */
export function focusFirstError(): void {
  focusFirstInvalid('.dialog');
}
