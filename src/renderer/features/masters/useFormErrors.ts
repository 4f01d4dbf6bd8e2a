import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client';
import { issueText, shiftRowPaths, type Issues } from './forms';

/**
 * Errors at the fields of one form. Client problems (from the contract's schema, recomputed on
 * every change) show once the clerk has left the field or tried to save; the desk's field errors
 * show at the same paths until that field is edited.
 */
export function useFormErrors(issues: Issues) {
  const { t, i18n } = useTranslation();
  const [touched, setTouched] = useState<Record<string, true>>({});
  const [submitted, setSubmitted] = useState(false);
  const [server, setServer] = useState<Record<string, string>>({});

  const error = (path: string): string | null => {
    if (server[path]) return server[path];
    const issue = issues[path];
    if (!issue || !(submitted || touched[path])) return null;
    return issueText(t, issue, (k) => i18n.exists(k));
  };

  const blur = useCallback((path: string) => setTouched((s) => (s[path] ? s : { ...s, [path]: true })), []);

  const edited = useCallback(
    (path: string) =>
      setServer((s) => {
        if (!(path in s)) return s;
        const { [path]: _gone, ...rest } = s;
        return rest;
      }),
    [],
  );

  /** Field errors of a refusal, by path; returns whether there were any. */
  const fromServer = useCallback((e: ApiError | null) => {
    const out: Record<string, string> = {};
    for (const f of e?.fields ?? []) if (!out[f.path]) out[f.path] = f.message ?? f.code;
    setServer(out);
    return Object.keys(out).length > 0;
  }, []);

  /** A row of a sub-table went: later rows' errors move up with their rows. */
  const removedRow = useCallback((prefix: string, index: number) => {
    setTouched((s) => shiftRowPaths(s, prefix, index));
    setServer((s) => shiftRowPaths(s, prefix, index));
  }, []);

  /** A save attempt: every client problem shows now; true when there is none. */
  const submit = (): boolean => {
    setSubmitted(true);
    return Object.keys(issues).length === 0;
  };

  /** Server errors whose path no field shows (e.g. a list-level rule). */
  const unplaced = (shown: (path: string) => boolean): string[] =>
    Object.entries(server)
      .filter(([p]) => !shown(p))
      .map(([, m]) => m);

  return { error, blur, edited, fromServer, removedRow, submit, unplaced, server };
}

export type FormErrors = ReturnType<typeof useFormErrors>;
