import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Desk } from '../desk/desk';
import { implementations } from '../handlers';
import type { Role } from '../../shared/roles';

export const TEST_PASSWORD = 'desk2026pw';

export interface TestDesk {
  desk: Desk;
  dataDir: string;
  /** Session of the administrator created at set-up. */
  admin: string;
  call<T = unknown>(name: string, input: unknown, sessionId?: string | null): Promise<T>;
  /** Create a user with a role and sign them in; returns the session id. */
  signInAs(role: Role, username?: string, approvalLimit?: number | null): Promise<string>;
  close(): Promise<void>;
}

/**
 * A real desk on a real SQLite file in a temporary folder, set up with an administrator. close()
 * removes the folder when this function made it (a folder passed in belongs to the caller).
 */
export async function openTestDesk(dataDir?: string): Promise<TestDesk> {
  const dir = dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'order-desk-test-'));
  const own = dataDir === undefined;
  const desk = await Desk.open({ dataDir: dir }, implementations);
  const call = <T,>(name: string, input: unknown, sessionId?: string | null) => desk.call<T>(name, input, sessionId);
  const setup = await call<{ sessionId: string }>('auth.setup', { password: TEST_PASSWORD, deskCode: 'T1' });
  return {
    desk,
    dataDir: dir,
    admin: setup.sessionId,
    call,
    async signInAs(role, username = role, approvalLimit = null) {
      await call('users.save', { username, displayName: username, role, password: TEST_PASSWORD, approvalLimit }, setup.sessionId);
      const s = await call<{ sessionId: string }>('auth.login', { username, password: TEST_PASSWORD });
      return s.sessionId;
    },
    async close() {
      await desk.close();
      if (own) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
