import { DeskError } from '../errors';
import type { Role } from '../roles';
import type { Mutator } from './env';

export interface CreateUserArgs {
  username: string;
  displayName: string;
  role: Role;
  passwordHash: string;
  approvalLimit: number | null;
}

/** Lock after this many failures in a row; each further failure doubles the wait (max 15 min). */
export const LOGIN_FREE_FAILURES = 5;
export function lockSeconds(failures: number): number {
  if (failures < LOGIN_FREE_FAILURES) return 0;
  return Math.min(30 * 2 ** (failures - LOGIN_FREE_FAILURES), 15 * 60);
}

export const createUser: Mutator<CreateUserArgs, { id: string }> = async (tx, args, env) => {
  const taken = await tx.selectFrom('users').select('id').where('username', '=', args.username).executeTakeFirst();
  if (taken) throw new DeskError('user.exists', { username: args.username }, { fields: [{ path: 'username', code: 'user.exists', params: { username: args.username } }] });
  const id = env.ids.next();
  const row = {
    id,
    username: args.username,
    display_name: args.displayName,
    role: args.role,
    password_hash: args.passwordHash,
    approval_limit: args.approvalLimit,
    active: 1,
    failed_logins: 0,
    locked_until: null,
    last_login_at: null,
    created_at: env.now,
    updated_at: env.now,
  };
  await tx.insertInto('users').values(row).execute();
  const { password_hash: _h, ...visible } = row;
  return {
    result: { id },
    audit: [{ entity: 'user', entityId: id, code: 'audit.user.created', params: { username: args.username }, summary: `create ${args.username}`, after: visible }],
  };
};

export interface UpdateUserArgs {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  approvalLimit: number | null;
  active: boolean;
  passwordHash?: string;
}

export const updateUser: Mutator<UpdateUserArgs, { id: string }> = async (tx, args, env) => {
  const before = await tx.selectFrom('users').selectAll().where('id', '=', args.id).executeTakeFirst();
  if (!before) throw new DeskError('user.notFound');
  const clash = await tx
    .selectFrom('users')
    .select('id')
    .where('username', '=', args.username)
    .where('id', '!=', args.id)
    .executeTakeFirst();
  if (clash) throw new DeskError('user.exists', { username: args.username }, { fields: [{ path: 'username', code: 'user.exists', params: { username: args.username } }] });
  const losesAdmin = before.role === 'admin' && (args.role !== 'admin' || !args.active);
  if (losesAdmin) {
    const admins = await tx
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('role', '=', 'admin')
      .where('active', '=', 1)
      .executeTakeFirstOrThrow();
    if (Number(admins.n) <= 1) throw new DeskError('auth.lastAdmin');
  }
  const patch = {
    username: args.username,
    display_name: args.displayName,
    role: args.role,
    approval_limit: args.approvalLimit,
    active: args.active ? 1 : 0,
    updated_at: env.now,
    ...(args.passwordHash ? { password_hash: args.passwordHash, failed_logins: 0, locked_until: null } : {}),
  };
  await tx.updateTable('users').set(patch).where('id', '=', args.id).execute();
  const { password_hash: _a, ...b } = before;
  const { password_hash: _b, ...a } = Object.assign({}, before, patch);
  return {
    result: { id: args.id },
    audit: [
      {
        entity: 'user',
        entityId: args.id,
        code: args.passwordHash ? 'audit.user.passwordReset' : 'audit.user.updated',
        params: { username: args.username },
        summary: args.passwordHash ? 'update (password reset)' : 'update',
        before: b,
        after: a,
      },
    ],
  };
};

export interface LoginAttemptArgs {
  userId: string | null;
  username: string;
  passwordOk: boolean;
}

/** Count a sign-in attempt. Refusals are kept (the counter must survive) and raised after commit. */
export const recordLogin: Mutator<LoginAttemptArgs, { userId: string }> = async (tx, args, env) => {
  if (!args.userId) {
    return { result: { userId: '' }, audit: [], refuseAfterCommit: new DeskError('auth.badCredentials') };
  }
  const user = await tx.selectFrom('users').selectAll().where('id', '=', args.userId).executeTakeFirstOrThrow();
  const nowMs = Date.parse(env.now);
  if (user.locked_until && Date.parse(user.locked_until) > nowMs) {
    const seconds = Math.ceil((Date.parse(user.locked_until) - nowMs) / 1000);
    return { result: { userId: user.id }, audit: [], refuseAfterCommit: new DeskError('auth.throttled', { seconds }) };
  }
  if (!args.passwordOk) {
    const failures = user.failed_logins + 1;
    const wait = lockSeconds(failures);
    await tx
      .updateTable('users')
      .set({ failed_logins: failures, locked_until: wait ? new Date(nowMs + wait * 1000).toISOString() : null })
      .where('id', '=', user.id)
      .execute();
    return {
      result: { userId: user.id },
      audit: [
        {
          entity: 'user',
          entityId: user.id,
          code: 'audit.user.signInFailed',
          params: { username: user.username, failures },
          summary: `sign-in failed (${failures})`,
        },
      ],
      refuseAfterCommit: wait ? new DeskError('auth.throttled', { seconds: wait }) : new DeskError('auth.badCredentials'),
    };
  }
  if (!user.active) {
    return { result: { userId: user.id }, audit: [], refuseAfterCommit: new DeskError('auth.inactive') };
  }
  await tx
    .updateTable('users')
    .set({ failed_logins: 0, locked_until: null, last_login_at: env.now })
    .where('id', '=', user.id)
    .execute();
  return {
    result: { userId: user.id },
    audit: [{ entity: 'user', entityId: user.id, code: 'audit.user.signedIn', params: { username: user.username }, summary: 'sign-in' }],
  };
};
