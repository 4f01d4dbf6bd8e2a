import { randomBytes } from 'node:crypto';
import type { SessionUser } from '../../shared/contract/system';
import type { Role } from '../../shared/roles';

export interface Session extends SessionUser {
  sessionId: string;
  role: Role;
  createdAt: number;
  lastSeenAt: number;
}

export type SessionLookup = { ok: true; session: Session } | { ok: false; reason: 'unknown' | 'expired' };

/** Signed-in sessions live in the main process only; a restart signs everyone out. */
export class SessionStore {
  private sessions = new Map<string, Session>();

  constructor(private idleMinutes: () => number, private clock: () => number = Date.now) {}

  create(user: SessionUser): Session {
    const now = this.clock();
    const session: Session = Object.assign({}, user, { sessionId: randomBytes(24).toString('base64url'), createdAt: now, lastSeenAt: now });
    this.sessions.set(session.sessionId, session);
    return session;
  }

  /** Look a session up and mark it used; an idle one is ended. */
  touch(sessionId: string): SessionLookup {
    const session = this.sessions.get(sessionId);
    if (!session) return { ok: false, reason: 'unknown' };
    const now = this.clock();
    if (now - session.lastSeenAt > this.idleMinutes() * 60_000) {
      this.sessions.delete(sessionId);
      return { ok: false, reason: 'expired' };
    }
    session.lastSeenAt = now;
    return { ok: true, session };
  }

  end(sessionId: string): void {
    this.sessions.delete(sessionId);
  }

  /** After a user is changed by an admin: drop their sessions so new rights apply at once. */
  endForUser(userId: string): void {
    for (const [id, s] of this.sessions) if (s.id === userId) this.sessions.delete(id);
  }
}
