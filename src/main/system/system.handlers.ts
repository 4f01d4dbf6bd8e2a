import { uuidv7 } from '../../shared/ids';
import { readSettings, writeSettings } from '../../shared/mutators/settings';
import type { PartialImplementations } from '../dispatcher/types';
import { backupStore, checkBackup, listBackups } from './backup';

type SystemNames =
  | 'settings.get'
  | 'settings.update'
  | 'system.info'
  | 'system.backup'
  | 'system.listBackups'
  | 'system.restore'
  | 'audit.list';

export const systemHandlers: PartialImplementations<SystemNames> = {
  'settings.get': (ctx) => ctx.desk.settings(),

  'settings.update': {
    mutate: async (tx, patch, env) => {
      const before = await readSettings(tx);
      await writeSettings(tx, patch, env.now);
      const after = await readSettings(tx);
      const changedKeys = Object.keys(patch);
      const pick = (s: Record<string, unknown>) => Object.fromEntries(changedKeys.map((k) => [k, s[k]]));
      return {
        result: after,
        audit: [
          {
            entity: 'settings',
            entityId: 'desk',
            code: 'audit.settings.changed',
            params: { count: changedKeys.length, keys: changedKeys.join(', ') },
            summary: changedKeys.join(', '),
            before: pick(before),
            after: pick(after),
          },
        ],
      };
    },
  },

  'system.info': async (ctx) => {
    const pending = ctx.desk.store.raw.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number };
    const state = ctx.desk.store.raw.prepare('SELECT hub_url FROM sync_state WHERE id = 1').get() as { hub_url: string | null };
    const settings = await ctx.desk.settings();
    return {
      deskCode: ctx.desk.identity.deskCode,
      clientId: ctx.desk.identity.clientId,
      dataDir: ctx.desk.dataDir,
      storeFile: ctx.desk.store.file,
      pendingOutbox: pending.n,
      online: false,
      hubUrl: state.hub_url,
      version: ctx.desk.version,
      durability: settings.durability,
    };
  },

  'system.backup': {
    prepare: async (ctx, input) => backupStore(ctx.desk.store, ctx.desk.backupDir(), input.file),
    mutate: async (_tx, made) => ({
      result: made,
      audit: [
        {
          entity: 'store',
          entityId: 'desk',
          code: 'audit.store.backup',
          params: { file: made.file, bytes: made.bytes },
          summary: `backup ${made.file} (${made.bytes} bytes)`,
        },
      ],
    }),
  },

  'system.listBackups': async (ctx) => ({ rows: listBackups(ctx.desk.backupDir()) }),

  'system.restore': {
    prepare: async (ctx, input) => {
      checkBackup(input.file);
      const safety = await backupStore(ctx.desk.store, ctx.desk.backupDir());
      return { file: input.file, safetyCopy: safety.file };
    },
    mutate: async (_tx, args) => ({
      result: { restoredFrom: args.file, safetyCopy: args.safetyCopy },
      audit: [
        {
          entity: 'store',
          entityId: 'desk',
          code: 'audit.store.restored',
          params: { file: args.file, safetyCopy: args.safetyCopy },
          summary: `restore from ${args.file}; previous kept at ${args.safetyCopy}`,
        },
      ],
    }),
    finish: async (ctx, result) => {
      await ctx.desk.replaceStore(result.restoredFrom);
      // The restored store should say who restored it and from where, too.
      await ctx.desk.store.db
        .insertInto('audit_log')
        .values({
          id: uuidv7(),
          at: new Date().toISOString(),
          user_id: ctx.session?.id ?? null,
          username: ctx.session?.username ?? null,
          handler: 'system.restore',
          entity: 'store',
          entity_id: 'desk',
          summary: `restored from ${result.restoredFrom}; previous kept at ${result.safetyCopy}`,
          before: null,
          after: null,
          code: 'audit.store.restored',
          params: JSON.stringify({ file: result.restoredFrom, safetyCopy: result.safetyCopy }),
        })
        .execute();
      return result;
    },
  },

  'audit.list': async (ctx, input) => {
    let q = ctx.desk.store.db.selectFrom('audit_log').selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(input.limit);
    if (input.entityId) q = q.where('entity_id', '=', input.entityId);
    const rows = await q.execute();
    return {
      rows: rows.map((r) => ({
        id: r.id,
        at: r.at,
        username: r.username,
        handler: r.handler,
        entity: r.entity,
        entityId: r.entity_id,
        summary: r.summary,
        code: r.code,
        params: r.params ? JSON.parse(r.params) : null,
        before: r.before ? JSON.parse(r.before) : null,
        after: r.after ? JSON.parse(r.after) : null,
      })),
    };
  },
};
