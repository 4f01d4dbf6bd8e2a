import { afterEach, describe, expect, it } from 'vitest';
import { openTestDesk, type TestDesk } from '../testing/desk';

let t: TestDesk;
afterEach(async () => t?.close());

function rows(sql: string) {
  return t.desk.store.raw.prepare(sql).all() as Record<string, unknown>[];
}

describe('the dispatcher', () => {
  it('writes a mutation, its audit row and its outbox row together, with gap-free mutation ids', async () => {
    t = await openTestDesk();
    await t.call('regions.save', { code: 'EAST', name: '华东' }, t.admin);
    await t.call('regions.save', { code: 'NORTH', name: '华北' }, t.admin);
    const outbox = rows('SELECT mutation_id, name, args FROM outbox ORDER BY mutation_id');
    expect(outbox.map((r) => [r.mutation_id, r.name])).toEqual([
      [1, 'regions.save'],
      [2, 'regions.save'],
    ]);
    const args = JSON.parse(String(outbox[0].args)) as { input: { code: string }; env: { now: string; seed: string; username: string } };
    expect(args.input.code).toBe('EAST');
    expect(args.env.username).toBe('admin');
    expect(args.env.seed).toMatch(/^[0-9a-f]{24}$/);
    const audit = rows(`SELECT handler, entity, username FROM audit_log WHERE handler = 'regions.save'`);
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({ entity: 'region', username: 'admin' });
  });

  it('leaves nothing behind when the mutation is refused: no row, no audit, no outbox, no id used', async () => {
    t = await openTestDesk();
    await t.call('regions.save', { code: 'EAST', name: '华东' }, t.admin);
    await expect(t.call('regions.save', { code: 'east', name: '重复' }, t.admin)).rejects.toMatchObject({ code: 'region.exists' });
    expect(rows('SELECT count(*) AS n FROM regions')[0].n).toBe(1);
    expect(rows(`SELECT count(*) AS n FROM audit_log WHERE handler = 'regions.save'`)[0].n).toBe(1);
    await t.call('regions.save', { code: 'NORTH', name: '华北' }, t.admin);
    expect(rows('SELECT mutation_id FROM outbox ORDER BY mutation_id').map((r) => r.mutation_id)).toEqual([1, 2]);
  });

  it('keeps local-only mutations (sign-in, users) out of the outbox but in the audit trail', async () => {
    t = await openTestDesk();
    await t.signInAs('clerk', 'li');
    expect(rows(`SELECT count(*) AS n FROM outbox WHERE name LIKE 'auth.%' OR name LIKE 'users.%'`)[0].n).toBe(0);
    expect(rows(`SELECT count(*) AS n FROM audit_log WHERE handler = 'users.save'`)[0].n).toBe(1);
  });
});
