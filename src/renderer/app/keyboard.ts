import { createContext, useContext, useEffect, useId, useRef } from 'react';
import { create } from 'zustand';

export interface KeyBinding {
  /** e.g. "F2", "Ctrl+S", "Ctrl+Enter", "Alt+O", "Escape", "Delete", "j". */
  key: string;
  /** i18n key of the label shown in the key bar; omit to keep a binding off the bar. */
  label?: string;
  run: (e: KeyboardEvent) => void;
  /** Fire even while typing in a field (function keys and Ctrl combos usually should). */
  inInputs?: boolean;
}

interface Layer {
  id: string;
  bindings: KeyBinding[];
  /** A modal layer hides the bindings of every layer of a lower depth. */
  modal: boolean;
  /** Nesting depth: a dialog's content sits one level above the screen beneath it. */
  depth: number;
}

/** Depth of the key layers of the components below; a Dialog provides its own depth + 1. */
export const KeyDepth = createContext(0);

interface KeyState {
  layers: Layer[];
  push(layer: Layer): void;
  update(id: string, bindings: KeyBinding[]): void;
  remove(id: string): void;
}

export const useKeyStore = create<KeyState>((set) => ({
  layers: [],
  push: (layer) => set((s) => ({ layers: [...s.layers.filter((l) => l.id !== layer.id), layer] })),
  update: (id, bindings) => set((s) => ({ layers: s.layers.map((l) => (l.id === id ? { ...l, bindings } : l)) })),
  remove: (id) => set((s) => ({ layers: s.layers.filter((l) => l.id !== id) })),
}));

/** Normalise a keyboard event to "Ctrl+Shift+K" style. */
export function keyName(e: KeyboardEvent): string {
  const parts: string[] = [];
  if (e.ctrlKey || e.metaKey) parts.push('Ctrl');
  if (e.altKey) parts.push('Alt');
  if (e.shiftKey && (e.key.length > 1 || e.ctrlKey || e.metaKey || e.altKey)) parts.push('Shift');
  let k = e.key;
  if (k === ' ') k = 'Space';
  if (k.length === 1) k = e.altKey || e.ctrlKey || e.metaKey ? k.toUpperCase() : k;
  // Alt+letter on some layouts reports a composed character: fall back to the physical key.
  if (e.altKey && e.code.startsWith('Key')) k = e.code.slice(3);
  parts.push(k);
  return parts.join('+');
}

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  const tag = el.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || el.isContentEditable;
}

/** Bindings active now: layers at or above the deepest modal layer, deepest and newest first. */
export function activeBindings(layers: Layer[]): KeyBinding[] {
  const floor = Math.max(0, ...layers.filter((l) => l.modal).map((l) => l.depth));
  return layers
    .map((layer, order) => ({ layer, order }))
    .filter(({ layer }) => layer.depth >= floor)
    .sort((a, b) => b.layer.depth - a.layer.depth || b.order - a.order)
    .flatMap(({ layer }) => layer.bindings);
}

/** The one keydown listener of the app. */
export function installKeyboard(): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.isComposing) return;
    const name = keyName(e);
    const typing = isTyping(e.target);
    for (const b of activeBindings(useKeyStore.getState().layers)) {
      if (b.key !== name) continue;
      if (typing && !b.inInputs) continue;
      e.preventDefault();
      b.run(e);
      return;
    }
  };
  window.addEventListener('keydown', onKey);
  return () => window.removeEventListener('keydown', onKey);
}

/** Register keys while a component is mounted; they show in the key bar when labelled. */
export function useKeys(bindings: KeyBinding[], options: { modal?: boolean; enabled?: boolean } = {}) {
  const id = useId();
  const ref = useRef(bindings);
  ref.current = bindings;
  const enabled = options.enabled ?? true;
  const parentDepth = useContext(KeyDepth);
  const depth = parentDepth + (options.modal ? 1 : 0);
  useEffect(() => {
    if (!enabled) return;
    const proxied = () =>
      ref.current.map((b) => ({ ...b, run: (e: KeyboardEvent) => ref.current.find((x) => x.key === b.key)?.run(e) }));
    useKeyStore.getState().push({ id, bindings: proxied(), modal: options.modal ?? false, depth });
    return () => useKeyStore.getState().remove(id);
  }, [id, enabled, options.modal, depth]);
  const signature = bindings.map((b) => `${b.key}:${b.label ?? ''}:${b.inInputs ? 1 : 0}`).join('|');
  useEffect(() => {
    if (!enabled) return;
    useKeyStore.getState().update(
      id,
      ref.current.map((b) => ({ ...b, run: (e: KeyboardEvent) => ref.current.find((x) => x.key === b.key)?.run(e) })),
    );
  }, [id, signature, enabled]);
}

/** Enter moves to the next field of a form ([data-nav] elements in DOM order). */
export function focusNext(from: HTMLElement, container: HTMLElement, step = 1): boolean {
  const fields = Array.from(container.querySelectorAll<HTMLElement>('[data-nav]:not([disabled])'));
  const i = fields.indexOf(from);
  const next = fields[i + step];
  if (!next) return false;
  next.focus();
  if (next instanceof HTMLInputElement) next.select();
  return true;
}

const KEY_LABELS: Record<string, string> = { Escape: 'Esc', Delete: 'Del', ArrowUp: '↑', ArrowDown: '↓', ArrowLeft: '←', ArrowRight: '→', Insert: 'Ins' };

/** How a key is written on screen: "Esc", "Ctrl+Del", "A" (not "Escape", "Ctrl+Delete", "a"). */
export function displayKey(key: string): string {
  return key
    .split('+')
    .map((part, i, parts) => {
      if (KEY_LABELS[part]) return KEY_LABELS[part];
      if (part.length !== 1) return part;
      // A lone capital letter is the shifted key ("S" is Shift+S); a lone small one is written as a capital.
      const shifted = parts.length === 1 && i === 0 && part !== part.toLowerCase();
      return shifted ? `Shift+${part}` : part.toUpperCase();
    })
    .join('+');
}
