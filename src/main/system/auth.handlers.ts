import { DeskError } from '../../shared/errors';
import type { SessionUser } from '../../shared/contract/system';
import { writeSettings } from '../../shared/mutators/settings';
import { createUser, recordLogin, updateUser } from '../../shared/mutators/users';
import { dummyHash, hashPassword, verifyPassword } from '../auth/password';
import type { HandlerContext, PartialImplementations } from '../dispatcher/types';
import type { UsersTable } from '../../shared/db/auth.table';

function toSessionUser(u: Pick<UsersTable, 'id' | 'username' | 'display_name' | 'role' | 'approval_limit'>): SessionUser {
  return { id: u.id, username: u.username, displayName: u.display_name, role: u.role, approvalLimit: u.approval_limit };
}

async function signIn(ctx: HandlerContext, userId: string) {
  const user = await ctx.desk.store.db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
  const session = ctx.desk.sessions.create(toSessionUser(user));
  return { sessionId: session.sessionId, user: toSessionUser(user) };
}

async function userCount(ctx: HandlerContext): Promise<number> {
  const row = await ctx.desk.store.db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

type AuthNames = 'auth.status' | 'auth.setup' | 'auth.login' | 'auth.logout' | 'auth.changePassword' | 'users.list' | 'users.save';

export const authHandlers: PartialImplementations<AuthNames> = {
  'auth.status': async (ctx) => {
    const settings = await ctx.desk.settings();
    const users = await userCount(ctx);
    const customers = await ctx.desk.store.db.selectFrom('customers').select('id').limit(1).executeTakeFirst();
    return {
      setupRequired: users === 0,
      deskCode: ctx.desk.identity.deskCode,
      companyName: settings.companyName,
      version: ctx.desk.version,
      user: ctx.session ? toSessionUser(Object.assign({}, ctx.session, { display_name: ctx.session.displayName, approval_limit: ctx.session.approvalLimit })) : null,
      hasData: Boolean(customers),
    };
  },

  'auth.setup': {
    prepare: async (ctx, input) => {
      if ((await userCount(ctx)) > 0) throw new DeskError('auth.alreadySetUp', {}, { status: 409 });
      return Object.assign({}, input, { passwordHash: await hashPassword(input.password), password: undefined });
    },
    mutate: async (tx, args: { passwordHash: string; displayName: string; companyName?: string; deskCode?: string }, env) => {
      const existing = await tx.selectFrom('users').select('id').limit(1).executeTakeFirst();
      if (existing) throw new DeskError('auth.alreadySetUp', {}, { status: 409 });
      const created = await createUser(
        tx,
        { username: 'admin', displayName: args.displayName, role: 'admin', passwordHash: args.passwordHash, approvalLimit: null },
        env,
      );
      if (args.companyName) await writeSettings(tx, { companyName: args.companyName }, env.now);
      if (args.deskCode) await tx.updateTable('sync_state').set({ desk_code: args.deskCode }).where('id', '=', 1).execute();
      return created;
    },
    finish: async (ctx, result: { id: string }) => {
      const row = await ctx.desk.store.raw.prepare('SELECT desk_code FROM sync_state WHERE id = 1').get() as { desk_code: string };
      ctx.desk.identity = Object.assign({}, ctx.desk.identity, { deskCode: row.desk_code });
      return signIn(ctx, result.id);
    },
  },

  'auth.login': {
    prepare: async (ctx, input) => {
      const user = await ctx.desk.store.db
        .selectFrom('users')
        .select(['id', 'password_hash'])
        .where('username', '=', input.username)
        .executeTakeFirst();
      const passwordOk = await verifyPassword(input.password, user?.password_hash ?? (await dummyHash()));
      return { userId: user?.id ?? null, username: input.username, passwordOk: Boolean(user) && passwordOk };
    },
    mutate: recordLogin,
    finish: (ctx, result: { userId: string }) => signIn(ctx, result.userId),
  },

  'auth.logout': {
    mutate: async () => ({ result: { ok: true as const }, audit: [] }),
    finish: (ctx, result) => {
      if (ctx.session) ctx.desk.sessions.end(ctx.session.sessionId);
      return result as { ok: true };
    },
  },

  'auth.changePassword': {
    prepare: async (ctx, input) => {
      const session = ctx.session!;
      const user = await ctx.desk.store.db.selectFrom('users').selectAll().where('id', '=', session.id).executeTakeFirstOrThrow();
      if (!(await verifyPassword(input.current, user.password_hash))) {
        throw new DeskError('validation.failed', {}, { fields: [{ path: 'current', code: 'auth.badCredentials' }] });
      }
      return {
        id: user.id,
        username: user.username,
        displayName: user.display_name,
        role: user.role,
        approvalLimit: user.approval_limit,
        active: Boolean(user.active),
        passwordHash: await hashPassword(input.next),
      };
    },
    mutate: async (tx, args, env) => {
      await updateUser(tx, args, env);
      return {
        result: { ok: true as const },
        audit: [{ entity: 'user', entityId: args.id, code: 'audit.user.passwordChanged', params: { username: args.username }, summary: 'password changed' }],
      };
    },
  },

  'users.list': async (ctx) => {
    const rows = await ctx.desk.store.db.selectFrom('users').selectAll().orderBy('username').execute();
    return {
      rows: rows.map((u) => ({
        id: u.id,
        username: u.username,
        displayName: u.display_name,
        role: u.role,
        approvalLimit: u.approval_limit,
        active: Boolean(u.active),
        lastLoginAt: u.last_login_at,
        lockedUntil: u.locked_until,
      })),
    };
  },

  'users.save': {
    prepare: async (_ctx, input) => {
      const { password, ...rest } = input;
      if (!input.id && !password) {
        throw new DeskError('validation.failed', {}, { fields: [{ path: 'password', code: 'v.required' }] });
      }
      return Object.assign({}, rest, { passwordHash: password ? await hashPassword(password) : undefined });
    },
    mutate: async (tx, args, env) => {
      if (args.id) return updateUser(tx, Object.assign({}, args, { id: args.id }), env);
      return createUser(tx, Object.assign({}, args, { passwordHash: args.passwordHash! }), env);
    },
    finish: (ctx, result: { id: string }) => {
      // New rights or a disabled account take effect at once: the user signs in again.
      if (ctx.session?.id !== result.id) ctx.desk.sessions.endForUser(result.id);
      return result;
    },
  },
};
