import type Database from 'better-sqlite3';

/**
 * The dispatcher's own rows (audit, outbox, the mutation counter) are the same three statements for
 * every mutation: they are prepared once per connection and run directly, inside the transaction
 * Kysely opened on that same connection, instead of being rebuilt and compiled each time.
 */
export interface Journal {
  audit(row: AuditRow): void;
  /** Takes the next gap-free mutation id and queues the mutation under it. */
  outbox(name: string, args: string, createdAt: string): number;
}

export interface AuditRow {
  id: string;
  at: string;
  userId: string | null;
  username: string | null;
  handler: string;
  entity: string;
  entityId: string;
  summary: string | null;
  before: string | null;
  after: string | null;
  /** Message code of the entry; params is the JSON of its params (null when it has none). */
  code: string;
  params: string | null;
}

const journals = new WeakMap<Database.Database, Journal>();

export function journalFor(raw: Database.Database): Journal {
  let journal = journals.get(raw);
  if (journal) return journal;
  const insertAudit = raw.prepare(
    `INSERT INTO audit_log (id, at, user_id, username, handler, entity, entity_id, summary, before, after, code, params)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const nextId = raw.prepare('UPDATE sync_state SET next_mutation_id = next_mutation_id + 1 WHERE id = 1 RETURNING next_mutation_id');
  const insertOutbox = raw.prepare('INSERT INTO outbox (mutation_id, name, args, created_at, last_error) VALUES (?, ?, ?, ?, NULL)');
  journal = {
    audit: (r) =>
      void insertAudit.run(r.id, r.at, r.userId, r.username, r.handler, r.entity, r.entityId, r.summary, r.before, r.after, r.code, r.params),
    outbox(name, args, createdAt) {
      const { next_mutation_id: next } = nextId.get() as { next_mutation_id: number };
      insertOutbox.run(next - 1, name, args, createdAt);
      return next - 1;
    },
  };
  journals.set(raw, journal);
  return journal;
}
