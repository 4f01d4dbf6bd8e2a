import { create } from 'zustand';

export type ScreenId =
  | 'home'
  | 'orders.entry'
  | 'orders.list'
  | 'orders.detail'
  | 'approvals.queue'
  | 'masters.customers'
  | 'masters.products'
  | 'masters.stock'
  | 'masters.warehouses'
  | 'masters.reference'
  | 'masters.import'
  | 'system.users'
  | 'system.settings'
  | 'system.backup'
  | 'system.audit';

export interface NavEntry {
  screen: ScreenId;
  params: Record<string, string>;
}

interface NavState {
  current: NavEntry;
  history: NavEntry[];
  go(screen: ScreenId, params?: Record<string, string>): void;
  back(): void;
}

export const useNav = create<NavState>((set) => ({
  current: { screen: 'home', params: {} },
  history: [],
  go: (screen, params = {}) =>
    set((s) => ({ current: { screen, params }, history: [...s.history.slice(-30), s.current] })),
  back: () =>
    set((s) => {
      const prev = s.history[s.history.length - 1];
      return prev ? { current: prev, history: s.history.slice(0, -1) } : s;
    }),
}));
