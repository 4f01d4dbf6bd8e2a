import { create } from 'zustand';

/**
 * Unsaved dialog drafts, by screen and record ("customer:new", "customer:<id>"). A draft is kept
 * from the first keystroke until it is saved, so Esc, an error or a trip to another screen never
 * loses what the clerk typed: reopening the same record brings the draft back.
 */
interface DraftState {
  drafts: Record<string, unknown>;
  put(key: string, draft: unknown): void;
  drop(key: string): void;
}

export const useDrafts = create<DraftState>((set) => ({
  drafts: {},
  put: (key, draft) => set((s) => ({ drafts: { ...s.drafts, [key]: draft } })),
  drop: (key) =>
    set((s) => {
      const { [key]: _gone, ...rest } = s.drafts;
      return { drafts: rest };
    }),
}));

/** The stored draft of a record, if the clerk left one. */
export function useStoredDraft<T>(key: string): T | undefined {
  return useDrafts((s) => s.drafts[key]) as T | undefined;
}
