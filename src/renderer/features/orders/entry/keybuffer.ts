/**
 * Type-ahead that is never lost. When Enter on a lookup has to wait for the desk (the search still
 * in flight, the customer's addresses), the keys typed meanwhile — the next SKU, a quantity, the
 * next Enter — are held and replayed into whatever field has the focus once the pick is done. A
 * fast clerk or a barcode scanner can type the whole line without waiting for the screen.
 */

interface HeldKey {
  key: string;
  code: string;
  ctrlKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  metaKey: boolean;
}

const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'CapsLock', 'Process', 'Dead', 'Unidentified']);

export interface KeyBuffer {
  /** Start holding keys (nested holds release together). */
  hold(): void;
  /** Stop holding and replay what was typed into the focused field. */
  release(): void;
  holding(): boolean;
  /** Start listening (returns the detach). */
  attach(): () => void;
}

/** Insert text where the caret is, as typing would (React sees an input event). */
export function typeInto(el: Element | null, text: string): void {
  if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) || el.readOnly || el.disabled) return;
  const start = el.selectionStart ?? el.value.length;
  const end = el.selectionEnd ?? el.value.length;
  const next = el.value.slice(0, start) + text + el.value.slice(end);
  const proto = el instanceof HTMLInputElement ? HTMLInputElement.prototype : HTMLTextAreaElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, next);
  el.setSelectionRange(start + text.length, start + text.length);
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

export function createKeyBuffer(target: Window = window): KeyBuffer {
  let depth = 0;
  const queue: HeldKey[] = [];
  const ours = new WeakSet<Event>();

  const onKey = (e: KeyboardEvent) => {
    if (ours.has(e)) return;
    if (depth === 0 && queue.length === 0) return;
    if (e.isComposing || MODIFIERS.has(e.key)) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    queue.push({ key: e.key, code: e.code, ctrlKey: e.ctrlKey, altKey: e.altKey, shiftKey: e.shiftKey, metaKey: e.metaKey });
  };

  const replay = () => {
    while (depth === 0 && queue.length) {
      const k = queue.shift()!;
      const el = target.document.activeElement;
      if (k.key.length === 1 && !k.ctrlKey && !k.altKey && !k.metaKey) {
        // A printable key: let handlers see it (they may act on it), then type it unless refused.
        const ev = new KeyboardEvent('keydown', { ...k, bubbles: true, cancelable: true });
        ours.add(ev);
        const proceed = (el ?? target.document.body).dispatchEvent(ev);
        if (proceed) typeInto(target.document.activeElement, k.key);
      } else {
        const ev = new KeyboardEvent('keydown', { ...k, bubbles: true, cancelable: true });
        ours.add(ev);
        (el ?? target.document.body).dispatchEvent(ev);
      }
    }
  };

  return {
    hold() {
      depth += 1;
    },
    release() {
      depth = Math.max(0, depth - 1);
      if (depth === 0) replay();
    },
    holding: () => depth > 0,
    attach() {
      target.addEventListener('keydown', onKey, true);
      return () => {
        target.removeEventListener('keydown', onKey, true);
        queue.length = 0;
        depth = 0;
      };
    },
  };
}
