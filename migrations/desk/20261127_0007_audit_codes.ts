/**
 * Audit rows carry a message code and its params (JSON) so every screen can say them in the
 * reader's language. summary stays as plain English for logs; rows written before this migration
 * have no code, and the screens fall back to their summary.
 */
export const auditCodes = {
  name: '20261127_0007_audit_codes',
  statements: [`ALTER TABLE audit_log ADD COLUMN code TEXT`, `ALTER TABLE audit_log ADD COLUMN params TEXT`],
};
