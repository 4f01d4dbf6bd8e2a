import { useCallback, useEffect, useRef, useState } from 'react';
import type { HandlerName } from '@shared/contract';
import { api, ApiError, tablesOf, type Input, type Result } from './client';

export interface QueryState<T> {
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

/**
 * Run a query and keep it fresh: it refetches whenever the desk announces a change to one of the
 * tables the handler reads (declared in the contract). No polling, no stale lists.
 */
export function useQuery<K extends HandlerName>(name: K, input: Input<K>, options: { enabled?: boolean } = {}): QueryState<Result<K>> {
  const enabled = options.enabled ?? true;
  const key = JSON.stringify(input);
  const [data, setData] = useState<Result<K>>();
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(enabled);
  const [tick, setTick] = useState(0);
  const seq = useRef(0);

  useEffect(() => {
    if (!enabled) return;
    const mine = ++seq.current;
    setLoading(true);
    api
      .invoke(name, JSON.parse(key) as Input<K>)
      .then((r) => {
        if (mine !== seq.current) return;
        setData(r);
        setError(null);
      })
      .catch((e: unknown) => {
        if (mine !== seq.current) return;
        setError(e instanceof ApiError ? e : new ApiError(500, { code: 'internal', message: String(e) }));
      })
      .finally(() => {
        if (mine === seq.current) setLoading(false);
      });
  }, [name, key, enabled, tick]);

  useEffect(() => {
    const tables = tablesOf(name);
    return api.subscribe((e) => {
      if (e.type === 'changed' && (e.tables.includes('*') || e.tables.some((t) => tables.includes(t)))) setTick((n) => n + 1);
    });
  }, [name]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, loading, reload };
}

export interface MutationState<K extends HandlerName> {
  run: (input: Input<K>) => Promise<Result<K>>;
  busy: boolean;
  error: ApiError | null;
  reset: () => void;
}

/** Call a mutation; the error (with field errors) stays until the next run or reset. */
export function useMutation<K extends HandlerName>(name: K): MutationState<K> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = useCallback(
    async (input: Input<K>) => {
      setBusy(true);
      setError(null);
      try {
        return await api.invoke(name, input);
      } catch (e) {
        if (e instanceof ApiError) setError(e);
        throw e;
      } finally {
        setBusy(false);
      }
    },
    [name],
  );
  return { run, busy, error, reset: () => setError(null) };
}

/** Field error messages by dotted path, from a refusal. */
export function fieldErrors(error: ApiError | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of error?.fields ?? []) if (!out[f.path]) out[f.path] = f.message ?? f.code;
  return out;
}
