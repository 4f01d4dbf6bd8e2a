import { createContext, useContext } from 'react';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { uuidv7 } from '@shared/ids';
import type { OrderStatus } from '@shared/orders/status';
import type { Result } from '../../../api/client';
import type { SaveResult, SaveState } from './autosave';
import type { Issue } from './fields';
import {
  emptyHeader,
  HEADER_PATHS,
  linePath,
  newLine,
  screenPath,
  type AddressOption,
  type Header,
  type HeaderKey,
  type Line,
} from './model';

export type SubmitResult = Result<'orders.submit'>;
export type AmendResult = Result<'orders.amend'>;

export type Outcome =
  | { kind: 'submitted'; result: SubmitResult }
  | { kind: 'amended'; result: AmendResult; number: string };

export interface RemovedLine {
  line: Line;
  index: number;
}

/** One order on the entry screen: what is typed, what the desk said about it, and where it stands. */
export interface EntryState {
  mode: 'new' | 'amend';
  /** Made here for a new order, so a retried first save cannot create two drafts. */
  id: string;
  number: string | null;
  status: OrderStatus | null;
  rowVersion: number | undefined;
  header: Header;
  lines: Line[];
  addresses: AddressOption[];
  /** The bill-to the screen filled in from the customer ('' = none): a new customer may replace it, not one typed. */
  billToFilled: string;
  /** Amend: the order as loaded (the change is computed against it). */
  original: { header: Header; lines: Line[] } | null;
  /** Fields the clerk has left (their problems show from then on). */
  touched: Record<string, true>;
  /** A submit was tried: every problem shows. */
  attempted: boolean;
  /** The desk's messages by screen path, until that field is edited. */
  server: Record<string, string>;
  /** Problems the desk reported with a saved draft (e.g. a discount beyond the role's limit). */
  deskIssues: Record<string, Issue>;
  save: SaveState;
  outcome: Outcome | null;
  removed: RemovedLine | null;
}

export interface EntryActions {
  setHeader(patch: Partial<Header>): void;
  setLine(key: string, patch: Partial<Line>): void;
  /** A new empty line after `afterKey` (else at the end); returns its key. */
  addLine(afterKey?: string, init?: Partial<Line>): string;
  removeLine(key: string): RemovedLine | null;
  undoRemove(): Line | null;
  touch(path: string): void;
  attempt(): void;
  setServer(fields: { path: string; message?: string; code: string }[], keys: readonly string[], map?: (p: string, keys: readonly string[]) => string): void;
  saved(result: SaveResult, keys: readonly string[]): void;
  setSave(state: SaveState): void;
  load(patch: Partial<EntryState>): void;
  finish(outcome: Outcome): void;
}

export type EntryStore = StoreApi<EntryState & EntryActions>;

function blankState(): EntryState {
  return {
    mode: 'new',
    id: uuidv7(),
    number: null,
    status: null,
    rowVersion: undefined,
    header: emptyHeader(),
    lines: [newLine()],
    addresses: [],
    billToFilled: '',
    original: null,
    touched: {},
    attempted: false,
    server: {},
    deskIssues: {},
    save: { kind: 'idle' },
    outcome: null,
    removed: null,
  };
}

function without(map: Record<string, string>, paths: string[]): Record<string, string> {
  if (!paths.some((p) => p in map)) return map;
  const out = { ...map };
  for (const p of paths) delete out[p];
  return out;
}

function withoutIssues(map: Record<string, Issue>, paths: string[]): Record<string, Issue> {
  if (!paths.some((p) => p in map)) return map;
  const out = { ...map };
  for (const p of paths) delete out[p];
  return out;
}

const LINE_PATCH_PATHS: Partial<Record<keyof Line, string>> = {
  product: 'productId',
  text: 'productId',
  qty: 'quantity',
  price: 'unitPrice',
  discount: 'discountBp',
  params: 'customParams',
};

export function createEntryStore(init: Partial<EntryState> = {}): EntryStore {
  return createStore<EntryState & EntryActions>()((set, get) => ({
    ...blankState(),
    ...init,

    setHeader: (patch) =>
      set((s) => {
        const paths = (Object.keys(patch) as HeaderKey[]).map((k) => HEADER_PATHS[k]).filter((p): p is NonNullable<typeof p> => !!p);
        return { header: { ...s.header, ...patch }, server: without(s.server, paths), removed: null };
      }),

    setLine: (key, patch) =>
      set((s) => {
        const paths = (Object.keys(patch) as (keyof Line)[])
          .map((k) => LINE_PATCH_PATHS[k])
          .filter((p): p is string => !!p)
          .map((f) => `lines.${key}.${f}`);
        // Touching a price or discount also clears the desk's discount reason on its sibling.
        if (patch.price !== undefined || patch.discount !== undefined) paths.push(linePath(key, 'unitPrice'), linePath(key, 'discountBp'));
        return {
          lines: s.lines.map((l) => (l.key === key ? { ...l, ...patch } : l)),
          server: without(s.server, [...paths, 'lines']),
          deskIssues: withoutIssues(s.deskIssues, paths),
          removed: null,
        };
      }),

    addLine: (afterKey, init = {}) => {
      const line = newLine(init);
      set((s) => {
        const at = afterKey ? s.lines.findIndex((l) => l.key === afterKey) + 1 : s.lines.length;
        const lines = [...s.lines];
        lines.splice(at > 0 ? at : lines.length, 0, line);
        return { lines, removed: null };
      });
      return line.key;
    },

    removeLine: (key) => {
      const s = get();
      const index = s.lines.findIndex((l) => l.key === key);
      if (index < 0) return null;
      const removed = { line: s.lines[index], index };
      const rest = s.lines.filter((l) => l.key !== key);
      set({ lines: rest.length ? rest : [newLine()], removed });
      return removed;
    },

    undoRemove: () => {
      const { removed, lines } = get();
      if (!removed) return null;
      const next = lines.filter((l) => !(lines.length === 1 && !l.product && !l.text));
      next.splice(Math.min(removed.index, next.length), 0, removed.line);
      set({ lines: next, removed: null });
      return removed.line;
    },

    touch: (path) =>
      set((s) => (s.touched[path] ? s : { touched: { ...s.touched, [path]: true } })),

    attempt: () => set({ attempted: true }),

    setServer: (fields, keys, map = screenPath) => {
      const server: Record<string, string> = {};
      for (const f of fields) {
        const p = map(f.path, keys);
        if (!server[p]) server[p] = f.message ?? f.code;
      }
      set({ server });
    },

    saved: (result, keys) =>
      set((s) => {
        const deskIssues: Record<string, Issue> = {};
        for (const issue of result.issues) deskIssues[screenPath(issue.path, keys)] = { code: issue.code, params: issue.params };
        // The desk's price for each line (the price group may differ from what the search showed).
        const byKey = new Map(keys.map((k, i) => [k, result.lines[i]]));
        const lines = s.lines.map((l) => {
          const saved = byKey.get(l.key);
          if (!saved || !l.product || saved.productId !== l.product.id || saved.referencePrice === l.product.price) return l;
          return { ...l, product: { ...l.product, price: saved.referencePrice } };
        });
        return { id: result.id, number: result.number, status: result.status, rowVersion: result.rowVersion, deskIssues, lines };
      }),

    setSave: (save) => set({ save }),

    load: (patch) => set({ ...blankState(), ...patch }),

    finish: (outcome) =>
      set({
        outcome,
        status: outcome.result.status,
        rowVersion: outcome.result.rowVersion,
        number: outcome.kind === 'submitted' ? outcome.result.number : outcome.number,
        server: {},
        removed: null,
      }),
  }));
}

export const EntryContext = createContext<EntryStore | null>(null);

export function useEntryStore(): EntryStore {
  const store = useContext(EntryContext);
  if (!store) throw new Error('EntryContext missing');
  return store;
}

export function useEntry<T>(selector: (s: EntryState & EntryActions) => T): T {
  return useStore(useEntryStore(), selector);
}

/** A blank order (F2 on the entry screen). */
export function blankEntry(): Partial<EntryState> {
  return blankState();
}
