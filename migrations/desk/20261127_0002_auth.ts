export const auth = {
  name: '20261127_0002_auth',
  statements: [
    `CREATE TABLE users (
      id TEXT PRIMARY KEY, username TEXT NOT NULL UNIQUE COLLATE NOCASE, display_name TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('clerk','approver','warehouse','manager','admin')),
      password_hash TEXT NOT NULL, approval_limit INTEGER, active INTEGER NOT NULL DEFAULT 1,
      failed_logins INTEGER NOT NULL DEFAULT 0, locked_until TEXT, last_login_at TEXT,
      created_at TEXT NOT NULL, updated_at TEXT NOT NULL)`,
  ],
};
