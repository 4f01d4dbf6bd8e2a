import type { Kysely, Transaction } from 'kysely';
import type { DB, TableName } from '../db/schema';
import type { DeskError } from '../errors';
import type { IdSource } from '../ids';
import type { Role } from '../roles';

/**
 * Everything a mutator may know besides its input. It is recorded with the outbox row, so the hub
 * replays the mutator with the same clock, the same ids and the same actor.
 */
export interface MutatorEnv {
  /** ISO-8601 UTC instant of the mutation. */
  now: string;
  seed: string;
  ids: IdSource;
  userId: string | null;
  username: string | null;
  role: Role | null;
  /** Largest amount (fen) the actor may approve; null = role default. */
  approvalLimit: number | null;
  deskCode: string;
}

export type Tx = Kysely<DB> | Transaction<DB>;

export interface AuditEntry {
  entity: string;
  entityId: string;
  /** Message code of what happened (audit.order.submitted, …): the screens show it translated. */
  code: string;
  /** The message's params: the same facts the summary names (order number, reason, counts, …). */
  params?: Record<string, string | number>;
  /** Plain English for logs; no screen shows it when there is a code. */
  summary?: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

export interface MutationOutcome<R> {
  result: R;
  audit: AuditEntry[];
  /** Tables written beyond those the contract declares (e.g. stock touched by an order). */
  tables?: TableName[];
  /** A refusal whose side effects must still be kept (e.g. a failed sign-in counted). */
  refuseAfterCommit?: DeskError;
}

export type Mutator<I, R> = (tx: Tx, input: I, env: MutatorEnv) => Promise<MutationOutcome<R>>;

/** Fields whose values differ between two rows: the audit keeps only what changed. */
export function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { before: Record<string, unknown>; after: Record<string, unknown> } | null {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (key === 'updated_at' || key === 'row_version') continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key] ?? null;
      a[key] = after[key] ?? null;
    }
  }
  return Object.keys(a).length ? { before: b, after: a } : null;
}
