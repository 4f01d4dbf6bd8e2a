import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import type { Issue } from './fields';
import { useEntry } from './store';

/** Problems the submit rules find in what is on screen now (recomputed as the clerk types). */
export const IssuesContext = createContext<Record<string, Issue>>({});

export function issueMessage(t: (key: string, params?: Record<string, unknown>) => string, exists: (k: string) => boolean, issue: Issue): string {
  return exists(issue.code) ? t(issue.code, issue.params ?? {}) : t('v.unknown');
}

/**
 * The message at one field: the desk's (until the field is edited), else the field's own problem
 * once the clerk has left it or tried to submit, else a problem the desk saw in the saved draft.
 */
export function useFieldError(path: string): string | null {
  const { t, i18n } = useTranslation();
  const issues = useContext(IssuesContext);
  const server = useEntry((s) => s.server[path]);
  const shown = useEntry((s) => s.attempted || !!s.touched[path]);
  const desk = useEntry((s) => s.deskIssues[path]);
  const issue = issues[path];
  const exists = (k: string) => i18n.exists(k);
  if (server) return server;
  if (issue && shown) return issueMessage(t, exists, issue);
  if (desk) return issueMessage(t, exists, desk);
  return null;
}
