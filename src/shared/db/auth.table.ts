import type { Role } from '../roles';

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  /** scrypt hash in PHC-like form; never leaves the main process. */
  password_hash: string;
  /** Largest order amount (fen) this user may release; null = the role's default. */
  approval_limit: number | null;
  active: number;
  failed_logins: number;
  locked_until: string | null;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface AuthTables {
  users: UsersTable;
}
