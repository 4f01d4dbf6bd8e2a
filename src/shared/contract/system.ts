import { z } from '../zod';
import { ROLES } from '../roles';
import { settingsSchema } from '../settings';
import { mutation, query } from './define';

export const sessionUser = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  approvalLimit: z.number().int().nullable(),
});
export type SessionUser = z.output<typeof sessionUser>;

const password = z.string().min(1).max(200);
const strongPassword = z
  .string()
  .min(8, { error: 'auth.weakPassword' })
  .max(200)
  .regex(/[A-Za-z]/, { error: 'auth.weakPassword' })
  .regex(/\d/, { error: 'auth.weakPassword' });
const signedIn = z.object({ sessionId: z.string(), user: sessionUser });

export const authStatus = query({
  name: 'auth.status',
  summary: 'Whether the desk needs first-run set-up, its identity, and the signed-in user (if any).',
  input: z.object({}).strict(),
  result: z.object({
    setupRequired: z.boolean(),
    deskCode: z.string(),
    companyName: z.string(),
    version: z.string(),
    user: sessionUser.nullable(),
    hasData: z.boolean(),
  }),
  access: 'public',
  tables: ['users', 'settings'],
});

export const authSetup = mutation({
  name: 'auth.setup',
  summary: 'First run only: create the administrator (user name "admin") and sign in.',
  input: z
    .object({
      password: strongPassword,
      displayName: z.string().trim().min(1).max(40).default('管理员'),
      companyName: z.string().trim().max(100).optional(),
      deskCode: z
        .string()
        .trim()
        .regex(/^[A-Z0-9]{2,6}$/, { error: 'v.code' })
        .optional(),
    })
    .strict(),
  result: signedIn,
  access: 'public',
  tables: ['users', 'settings', 'sync_state'],
  sync: false,
});

export const authLogin = mutation({
  name: 'auth.login',
  summary: 'Sign in. Failed attempts are counted; after 5 the user is locked for a growing time.',
  input: z.object({ username: z.string().trim().min(1).max(40), password }).strict(),
  result: signedIn,
  access: 'public',
  tables: ['users'],
  sync: false,
});

export const authLogout = mutation({
  name: 'auth.logout',
  summary: 'Sign out of this session.',
  input: z.object({}).strict(),
  result: z.object({ ok: z.literal(true) }),
  access: 'signedIn',
  tables: [],
  sync: false,
});

export const authChangePassword = mutation({
  name: 'auth.changePassword',
  summary: 'Change the signed-in user\u2019s own password.',
  input: z.object({ current: password, next: strongPassword }).strict(),
  result: z.object({ ok: z.literal(true) }),
  access: 'signedIn',
  tables: ['users'],
  sync: false,
});

const userRow = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  approvalLimit: z.number().int().nullable(),
  active: z.boolean(),
  lastLoginAt: z.string().nullable(),
  lockedUntil: z.string().nullable(),
});

export const usersList = query({
  name: 'users.list',
  summary: 'All users (never their password hashes).',
  input: z.object({}).strict(),
  result: z.object({ rows: z.array(userRow) }),
  access: ['admin'],
  tables: ['users'],
});

export const usersSave = mutation({
  name: 'users.save',
  summary: 'Create a user (id absent) or update one; a password given is re-hashed.',
  input: z
    .object({
      id: z.string().optional(),
      username: z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9_.-]{2,40}$/, { error: 'v.code' }),
      displayName: z.string().trim().min(1).max(40),
      role: z.enum(ROLES),
      approvalLimit: z.number().int().min(0).nullable().default(null),
      active: z.boolean().default(true),
      password: strongPassword.optional(),
    })
    .strict(),
  result: z.object({ id: z.string() }),
  access: ['admin'],
  tables: ['users'],
  sync: false,
});

export const settingsGet = query({
  name: 'settings.get',
  summary: 'Desk settings with defaults filled in.',
  input: z.object({}).strict(),
  result: settingsSchema,
  access: 'signedIn',
  tables: ['settings'],
});

export const settingsUpdate = mutation({
  name: 'settings.update',
  summary: 'Change some settings; unknown keys are refused.',
  input: settingsSchema.partial().strict(),
  result: settingsSchema,
  access: ['admin', 'manager'],
  tables: ['settings'],
});

export const systemInfo = query({
  name: 'system.info',
  summary: 'Desk identity, data folder, pending outbox count and hub status for the status bar.',
  input: z.object({}).strict(),
  result: z.object({
    deskCode: z.string(),
    clientId: z.string(),
    dataDir: z.string(),
    storeFile: z.string(),
    pendingOutbox: z.number().int(),
    online: z.boolean(),
    hubUrl: z.string().nullable(),
    version: z.string(),
    durability: z.enum(['full', 'normal']),
  }),
  access: 'signedIn',
  tables: ['outbox', 'sync_state'],
});

export const systemBackup = mutation({
  name: 'system.backup',
  summary: 'Online backup of the store to a file (default: the data folder\u2019s backups/ with a timestamp).',
  input: z.object({ file: z.string().max(1000).optional() }).strict(),
  result: z.object({ file: z.string(), bytes: z.number().int() }),
  access: ['admin', 'manager'],
  tables: [],
  sync: false,
});

export const systemListBackups = query({
  name: 'system.listBackups',
  summary: 'Backups in the data folder, newest first.',
  input: z.object({}).strict(),
  result: z.object({ rows: z.array(z.object({ file: z.string(), bytes: z.number().int(), at: z.string() })) }),
  access: ['admin', 'manager'],
  tables: [],
});

export const systemRestore = mutation({
  name: 'system.restore',
  summary: 'Replace the store with a backup (checked first); the current store is kept as a backup too.',
  input: z.object({ file: z.string().min(1).max(1000) }).strict(),
  result: z.object({ restoredFrom: z.string(), safetyCopy: z.string() }),
  access: ['admin'],
  tables: [],
  sync: false,
});

const auditRow = z.object({
  id: z.string(),
  at: z.string(),
  username: z.string().nullable(),
  handler: z.string(),
  entity: z.string(),
  entityId: z.string(),
  /** Plain English; the screens show code + params (translated) and fall back to it for older rows. */
  summary: z.string().nullable(),
  /** Message code of the entry (audit.order.submitted, …); null on rows written before codes. */
  code: z.string().nullable(),
  /** Params of the message (order number, reason, counts, …). */
  params: z.record(z.string(), z.union([z.string(), z.number()])).nullable(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditRow = z.output<typeof auditRow>;

export const auditList = query({
  name: 'audit.list',
  summary: 'Audit trail, newest first; optionally of one entity.',
  input: z
    .object({ entityId: z.string().optional(), limit: z.number().int().min(1).max(500).default(100) })
    .strict(),
  result: z.object({ rows: z.array(auditRow) }),
  access: ['clerk', 'approver', 'warehouse', 'manager', 'admin'],
  tables: ['audit_log'],
});

export const demoLoad = mutation({
  name: 'demo.load',
  summary: 'Fill an empty desk with demo master data, stock and users (password given).',
  input: z.object({ password: strongPassword, orders: z.number().int().min(0).max(1_000_000).default(0) }).strict(),
  result: z.object({ customers: z.number().int(), products: z.number().int(), orders: z.number().int() }),
  access: ['admin'],
  tables: ['customers', 'products', 'stock', 'warehouses', 'users', 'regions', 'sales_reps', 'carriers', 'orders'],
  sync: false,
});

export const systemHandlers = [
  authStatus,
  authSetup,
  authLogin,
  authLogout,
  authChangePassword,
  usersList,
  usersSave,
  settingsGet,
  settingsUpdate,
  systemInfo,
  systemBackup,
  systemListBackups,
  systemRestore,
  auditList,
  demoLoad,
] as const;
