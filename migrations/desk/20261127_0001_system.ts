export const system = {
  name: '20261127_0001_system',
  statements: [
    `CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at TEXT NOT NULL)`,
    `CREATE TABLE audit_log (
      id TEXT PRIMARY KEY, at TEXT NOT NULL, user_id TEXT, username TEXT, handler TEXT NOT NULL,
      entity TEXT NOT NULL, entity_id TEXT NOT NULL, summary TEXT, before TEXT, after TEXT)`,
    `CREATE INDEX audit_log_entity ON audit_log (entity_id, at)`,
    `CREATE INDEX audit_log_at ON audit_log (at)`,
    `CREATE TABLE outbox (
      mutation_id INTEGER PRIMARY KEY, name TEXT NOT NULL, args TEXT NOT NULL, created_at TEXT NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT)`,
    `CREATE TABLE sync_state (
      id INTEGER PRIMARY KEY CHECK (id = 1), client_id TEXT NOT NULL, desk_code TEXT NOT NULL,
      cookie INTEGER NOT NULL DEFAULT 0, next_mutation_id INTEGER NOT NULL DEFAULT 1, hub_url TEXT,
      last_sync_at TEXT)`,
    `CREATE TABLE sync_rejections (
      id TEXT PRIMARY KEY, mutation_id INTEGER NOT NULL, name TEXT NOT NULL, code TEXT NOT NULL,
      message TEXT NOT NULL, args TEXT NOT NULL, rejected_at TEXT NOT NULL, acknowledged_by TEXT,
      acknowledged_at TEXT)`,
    `CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL)`,
  ],
};
