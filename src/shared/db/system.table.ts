import type { Generated } from 'kysely';

/** Key/value settings; value is JSON text. */
export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface AuditLogTable {
  id: string;
  at: string;
  user_id: string | null;
  username: string | null;
  handler: string;
  entity: string;
  entity_id: string;
  summary: string | null;
  /** JSON of the changed fields before and after (null for create / delete). */
  before: string | null;
  after: string | null;
  /** Message code of what happened (e.g. audit.order.submitted); null on rows older than the code. */
  code: string | null;
  /** JSON object of the message's params; null when it has none. */
  params: string | null;
}

/** The sync queue: every synced mutation, in order, gap-free. */
export interface OutboxTable {
  mutation_id: number;
  name: string;
  /** JSON: { input, env } so the hub can replay the mutator exactly. */
  args: string;
  created_at: string;
  attempts: Generated<number>;
  last_error: string | null;
}

export interface SyncStateTable {
  id: number;
  client_id: string;
  desk_code: string;
  cookie: number;
  next_mutation_id: number;
  hub_url: string | null;
  last_sync_at: string | null;
}

export interface SyncRejectionsTable {
  id: string;
  mutation_id: number;
  name: string;
  code: string;
  message: string;
  args: string;
  rejected_at: string;
  acknowledged_by: string | null;
  acknowledged_at: string | null;
}

/** Named sequences, e.g. order numbers per desk and day. */
export interface CountersTable {
  name: string;
  value: number;
}

/** Secondary indexes a bulk load dropped on purpose; re-created at open (migration 0009). */
export interface DeferredIndexesTable {
  name: string;
  sql: string;
}

export interface SystemTables {
  settings: SettingsTable;
  audit_log: AuditLogTable;
  outbox: OutboxTable;
  sync_state: SyncStateTable;
  sync_rejections: SyncRejectionsTable;
  counters: CountersTable;
  deferred_indexes: DeferredIndexesTable;
}
