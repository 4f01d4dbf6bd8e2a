import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestDesk, type TestDesk } from '../testing/desk';

let t: TestDesk;
afterEach(async () => t?.close());

describe('backup and restore', () => {
  it('backs up online, and restoring brings back exactly the backed-up users, keeping a safety copy', async () => {
    t = await openTestDesk();
    await t.signInAs('clerk', 'li');
    const backup = await t.call<{ file: string; bytes: number }>('system.backup', {}, t.admin);
    expect(backup.bytes).toBeGreaterThan(0);
    await t.signInAs('clerk', 'zhao'); // made after the backup
    const listed = await t.call<{ rows: { file: string }[] }>('system.listBackups', {}, t.admin);
    expect(listed.rows.map((r) => r.file)).toContain(backup.file);

    const restored = await t.call<{ safetyCopy: string }>('system.restore', { file: backup.file }, t.admin);
    expect(fs.existsSync(restored.safetyCopy)).toBe(true);
    const users = await t.call<{ rows: { username: string }[] }>('users.list', {}, t.admin);
    expect(users.rows.map((u) => u.username)).toEqual(['admin', 'li']);
    const audit = await t.call<{ rows: { handler: string; summary: string | null }[] }>('audit.list', {}, t.admin);
    expect(audit.rows[0]).toMatchObject({ handler: 'system.restore' });
    expect(audit.rows[0].summary).toContain(backup.file);
  });

  it('refuses to restore a file that is not an Order Desk store', async () => {
    t = await openTestDesk();
    const bogus = path.join(t.dataDir, 'not-a-store.sqlite');
    fs.writeFileSync(bogus, 'hello');
    await expect(t.call('system.restore', { file: bogus }, t.admin)).rejects.toMatchObject({ code: 'restore.invalid' });
    const users = await t.call<{ rows: unknown[] }>('users.list', {}, t.admin);
    expect(users.rows).toHaveLength(1);
  });

  it('lets only managers and admins back up', async () => {
    t = await openTestDesk();
    const clerk = await t.signInAs('clerk');
    await expect(t.call('system.backup', {}, clerk)).rejects.toMatchObject({ code: 'auth.forbidden' });
  });
});
