import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { insertRow, precompiled, updateRow } from '../../shared/db/precompiled';
import type { DB } from '../../shared/db/schema';
import { registerFunctions } from './functions';
import { createKysely } from './kysely';
import { migrate } from './migrator';

const regionByCode = precompiled<{ code: string }>()((db, arg) => db.selectFrom('regions').select(['id', 'name']).where('code', '=', arg('code')));
const regionsByCodes = precompiled<{ codes: string[] }>()((db, arg) =>
  db.selectFrom('regions').select('id').where('code', 'in', arg('codes')).orderBy('id'),
);
const rename = precompiled<{ id: string; name: string; now: string }>()((db, arg) =>
  db.updateTable('regions').set({ name: arg('name'), updated_at: arg('now') }).where('id', '=', arg('id')),
);

const firstRegions = precompiled<Record<string, never>>()((db) => db.selectFrom('regions').select('id').orderBy('id').limit(1).offset(1));
const someRegions = precompiled<{ n: number }>()((db, arg) => db.selectFrom('regions').select('id').orderBy('id').limit(arg('n')));

describe('precompiled queries', () => {
  let raw: Database.Database;
  let db: Kysely<DB>;
  beforeEach(async () => {
    raw = new Database(':memory:');
    registerFunctions(raw);
    migrate(raw);
    db = createKysely(raw);
    for (const [id, code, name] of [['r1', 'EAST', '华东'], ['r2', 'NORTH', '华北']]) {
      await db.insertInto('regions').values({ id, code, name, active: 1, updated_at: 't' }).execute();
    }
  });
  afterEach(async () => {
    await db.destroy();
  });

  it('binds each call’s arguments into the query compiled once', async () => {
    expect(await regionByCode.first(db, { code: 'EAST' })).toEqual({ id: 'r1', name: '华东' });
    expect(await regionByCode.first(db, { code: 'NORTH' })).toEqual({ id: 'r2', name: '华北' });
    expect(await regionByCode.rows(db, { code: 'WEST' })).toEqual([]);
    // NOCASE code column: the same rule as the normal builder.
    expect(await regionByCode.first(db, { code: 'east' })).toEqual({ id: 'r1', name: '华东' });
  });

  it('writes a fixed LIMIT and OFFSET into the SQL, and binds a LIMIT given as an argument', async () => {
    const seen: string[] = [];
    const prepare = raw.prepare.bind(raw);
    raw.prepare = ((sql: string) => {
      seen.push(sql);
      return prepare(sql);
    }) as typeof raw.prepare;
    await db.transaction().execute(async (tx) => {
      expect(await firstRegions.rows(tx, {})).toEqual([{ id: 'r2' }]);
      expect(await someRegions.rows(tx, { n: 1 })).toEqual([{ id: 'r1' }]);
      expect(await someRegions.rows(tx, { n: 2 })).toEqual([{ id: 'r1' }, { id: 'r2' }]);
    });
    expect(seen.find((sql) => sql.includes('offset'))).toMatch(/limit 1 offset 1$/);
    expect(seen.filter((sql) => sql.includes('limit')).at(-1)).toMatch(/limit \?$/);
  });

  it('compiles one form per list length for an in-list', async () => {
    const ids = async (codes: string[]) => (await regionsByCodes.rows(db, { codes })).map((r) => r.id);
    expect(await ids(['EAST'])).toEqual(['r1']);
    expect(await ids(['NORTH', 'EAST'])).toEqual(['r1', 'r2']);
    expect(await ids(['WEST', 'NORTH'])).toEqual(['r2']);
    expect(await ids(['NORTH'])).toEqual(['r2']);
  });

  it('reports the rows an update wrote, inside a transaction that can roll back', async () => {
    expect(await rename.affected(db, { id: 'r2', name: '华北大区', now: 'n' })).toBe(1);
    expect(await rename.affected(db, { id: 'nope', name: 'x', now: 'n' })).toBe(0);
    await expect(
      db.transaction().execute(async (tx) => {
        expect(await rename.affected(tx, { id: 'r1', name: '华东大区', now: 'n' })).toBe(1);
        expect((await regionByCode.first(tx, { code: 'EAST' }))?.name).toBe('华东大区');
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    const names = raw.prepare('SELECT code, name FROM regions ORDER BY code').all();
    expect(names).toEqual([
      { code: 'EAST', name: '华东' },
      { code: 'NORTH', name: '华北大区' },
    ]);
  });

  it('runs statements of a transaction on its connection while a query from outside waits for the commit', async () => {
    const inserted = precompiled<{ id: string; code: string }>()((d, arg) =>
      d.insertInto('regions').values({ id: arg('id'), code: arg('code'), name: '西南', active: 1, updated_at: 't' }).returning(['id', 'code']),
    );
    let release!: () => void;
    const paused = new Promise<void>((r) => (release = r));
    let outside: Promise<{ id: string; name: string } | undefined> | null = null;
    const tx = db.transaction().execute(async (t) => {
      expect(await inserted.rows(t, { id: 'r4', code: 'WEST' })).toEqual([{ id: 'r4', code: 'WEST' }]);
      expect(await rename.affected(t, { id: 'r4', name: '西南大区', now: 'n' })).toBe(1);
      // Another request reads meanwhile: it must not see this transaction's uncommitted rows.
      outside = regionByCode.first(db, { code: 'WEST' });
      await paused;
      expect(await regionByCode.first(t, { code: 'WEST' })).toEqual({ id: 'r4', name: '西南大区' });
      throw new Error('roll back');
    });
    await new Promise((r) => setTimeout(r, 20));
    release();
    await expect(tx).rejects.toThrow('roll back');
    // Served after the transaction ended: had it run inside, it would have seen the rolled-back row.
    expect(await outside!).toBeUndefined();
    expect(raw.prepare(`SELECT count(*) AS n FROM regions WHERE id = 'r4'`).get()).toEqual({ n: 0 });
  });

  it('inserts and updates rows by their column sets, guarded by the where values', async () => {
    await insertRow(db, 'regions', { id: 'r3', code: 'SOUTH', name: '华南', active: 1, updated_at: 't' });
    expect(await updateRow(db, 'regions', { name: '华南大区' }, { id: 'r3', active: 1 })).toBe(1);
    expect(await updateRow(db, 'regions', { name: 'x', updated_at: 'n' }, { id: 'r3', active: 0 })).toBe(0);
    expect(await updateRow(db, 'regions', { active: 0, updated_at: 'n2' }, { id: 'r3' })).toBe(1);
    expect(raw.prepare(`SELECT code, name, active, updated_at FROM regions WHERE id = 'r3'`).get()).toEqual({
      code: 'SOUTH',
      name: '华南大区',
      active: 0,
      updated_at: 'n2',
    });
  });

  it('refuses a call that leaves an argument out instead of binding undefined', async () => {
    await expect(rename.affected(db, { id: 'r1', name: 'x' } as never)).rejects.toThrow('argument "now" is missing');
    expect((raw.prepare(`SELECT name FROM regions WHERE id = 'r1'`).get() as { name: string }).name).toBe('华东');
  });
});
