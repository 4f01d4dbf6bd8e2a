import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { auditText, type MessageParams } from '@shared/i18n/audit';

/** The parts of an audit row that say what happened. */
export interface AuditMessageRow {
  code?: string | null;
  params?: MessageParams | null;
  summary?: string | null;
  handler: string;
}

/**
 * What an audit row says, in the screen's language: its code with its params (code-valued params
 * named too, see @shared/i18n/audit). Rows written before audit codes (or with a code this build
 * does not know) show their plain summary, else the handler's name.
 */
export function useAuditText(): (row: AuditMessageRow) => string {
  const { t, i18n } = useTranslation();
  return useCallback(
    (row: AuditMessageRow) => {
      if (row.code && i18n.exists(row.code)) {
        return auditText((key, params) => (i18n.exists(key) ? t(key, params) : undefined), row.code, row.params ?? {});
      }
      return row.summary || row.handler;
    },
    [t, i18n],
  );
}
