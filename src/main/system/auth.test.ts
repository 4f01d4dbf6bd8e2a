import { afterEach, describe, expect, it } from 'vitest';
import { DeskError } from '../../shared/errors';
import { openTestDesk, TEST_PASSWORD, type TestDesk } from '../testing/desk';

let t: TestDesk;
afterEach(async () => t?.close());

describe('sign-in and roles', () => {
  it('sets up once, signs in, and refuses a second set-up', async () => {
    t = await openTestDesk();
    const status = await t.call<{ setupRequired: boolean; deskCode: string }>('auth.status', {});
    expect(status.setupRequired).toBe(false);
    expect(status.deskCode).toBe('T1');
    await expect(t.call('auth.setup', { password: 'another1pw' })).rejects.toMatchObject({ code: 'auth.alreadySetUp' });
    const login = await t.call<{ user: { role: string } }>('auth.login', { username: 'admin', password: TEST_PASSWORD });
    expect(login.user.role).toBe('admin');
  });

  it('locks a user after five wrong passwords and says for how long', async () => {
    t = await openTestDesk();
    const attempts: string[] = [];
    for (let i = 0; i < 6; i++) {
      try {
        await t.call('auth.login', { username: 'admin', password: 'wrong-password1' });
      } catch (e) {
        attempts.push((e as DeskError).code);
      }
    }
    expect(attempts).toEqual(['auth.badCredentials', 'auth.badCredentials', 'auth.badCredentials', 'auth.badCredentials', 'auth.throttled', 'auth.throttled']);
    // Even the right password waits out the lock.
    await expect(t.call('auth.login', { username: 'admin', password: TEST_PASSWORD })).rejects.toMatchObject({ code: 'auth.throttled' });
  });

  it('refuses a clerk what only an admin may do, naming who may', async () => {
    t = await openTestDesk();
    const clerk = await t.signInAs('clerk');
    await expect(t.call('users.list', {}, clerk)).rejects.toMatchObject({ code: 'auth.forbidden', params: { role: 'clerk', allowed: 'admin' } });
    await expect(t.call('users.list', {}, null)).rejects.toMatchObject({ code: 'auth.required' });
  });

  it('never returns a password hash and audits who changed a user', async () => {
    t = await openTestDesk();
    await t.signInAs('approver', 'wang', 5_000_000);
    const list = await t.call<{ rows: Record<string, unknown>[] }>('users.list', {}, t.admin);
    expect(JSON.stringify(list)).not.toContain('scrypt');
    expect(list.rows.map((r) => r.username)).toEqual(['admin', 'wang']);
    const audit = await t.call<{ rows: { handler: string; username: string | null; after: Record<string, unknown> | null }[] }>('audit.list', {}, t.admin);
    const created = audit.rows.find((r) => r.handler === 'users.save');
    expect(created?.username).toBe('admin');
    expect(created?.after?.username).toBe('wang');
    expect(JSON.stringify(audit)).not.toContain('scrypt');
  });

  it('rejects bad input with field errors and stores nothing', async () => {
    t = await openTestDesk();
    const before = await t.call<{ rows: unknown[] }>('users.list', {}, t.admin);
    const err = await t.call('users.save', { username: 'x y', displayName: '', role: 'boss', password: 'short' }, t.admin).catch((e) => e as DeskError);
    expect(err).toBeInstanceOf(DeskError);
    expect((err as DeskError).fields.map((f) => `${f.path}:${f.code}`).sort()).toEqual(
      ['displayName:v.required', 'password:auth.weakPassword', 'role:v.choice', 'username:v.code'].sort(),
    );
    const after = await t.call<{ rows: unknown[] }>('users.list', {}, t.admin);
    expect(after.rows.length).toBe(before.rows.length);
  });
});
