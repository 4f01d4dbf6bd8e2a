import { create } from 'zustand';
import type { SessionUser } from '@shared/contract/system';
import type { Role } from '@shared/roles';
import { api } from '../api/client';

interface SessionState {
  user: SessionUser | null;
  /** Shown on the sign-in screen after an idle timeout. */
  notice: string | null;
  signedIn(sessionId: string, user: SessionUser): void;
  signedOut(notice?: string | null): void;
  setUser(user: SessionUser | null): void;
}

export const useSession = create<SessionState>((set) => ({
  user: null,
  notice: null,
  signedIn: (sessionId, user) => {
    api.setSession(sessionId);
    set({ user, notice: null });
  },
  signedOut: (notice = null) => {
    api.setSession(null);
    set({ user: null, notice });
  },
  setUser: (user) => set({ user }),
}));

export function hasRole(user: SessionUser | null, roles: readonly Role[]): boolean {
  return Boolean(user && roles.includes(user.role));
}
