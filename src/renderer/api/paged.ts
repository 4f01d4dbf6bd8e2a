import { useCallback, useEffect, useRef, useState } from 'react';
import type { HandlerName } from '@shared/contract';
import { api, tablesOf, type Input } from './client';

interface Page<T> {
  rows: T[];
  total: number;
}

/**
 * Rows of a long list fetched page by page as the grid scrolls. The query must accept
 * { offset, limit } and answer { rows, total }. Cached pages are dropped when the input or one of
 * the tables it reads changes.
 */
export function usePagedRows<K extends HandlerName, T>(name: K, input: Omit<Input<K>, 'offset' | 'limit'>, pageSize = 200) {
  const key = JSON.stringify(input);
  const pages = useRef(new Map<number, T[]>());
  const inflight = useRef(new Set<number>());
  const generation = useRef(0);
  const [total, setTotal] = useState(0);
  const [estimate, setEstimate] = useState(false);
  const [version, setVersion] = useState(0);
  const [loading, setLoading] = useState(true);

  const load = useCallback(
    (page: number) => {
      if (pages.current.has(page) || inflight.current.has(page)) return;
      inflight.current.add(page);
      const gen = generation.current;
      api
        .invoke(name, { ...(JSON.parse(key) as object), offset: page * pageSize, limit: pageSize } as Input<K>)
        .then((res) => {
          if (gen !== generation.current) return;
          const r = res as unknown as Page<T> & { totalIsEstimate?: boolean };
          pages.current.set(page, r.rows);
          setTotal(r.total);
          setEstimate(Boolean(r.totalIsEstimate));
          setVersion((v) => v + 1);
        })
        .finally(() => {
          inflight.current.delete(page);
          if (gen === generation.current) setLoading(false);
        });
    },
    [name, key, pageSize],
  );

  const reset = useCallback(() => {
    generation.current++;
    pages.current = new Map();
    inflight.current = new Set();
    setLoading(true);
    load(0);
  }, [load]);

  useEffect(() => {
    reset();
  }, [reset]);

  useEffect(() => {
    const tables = tablesOf(name);
    return api.subscribe((e) => {
      if (e.type === 'changed' && e.tables.some((t) => t === '*' || tables.includes(t))) reset();
    });
  }, [name, reset]);

  const getRow = useCallback(
    (index: number): T | undefined => pages.current.get(Math.floor(index / pageSize))?.[index % pageSize],
    // version forces a new function identity when a page arrives, so the grid re-renders.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [pageSize, version],
  );

  const onRangeChange = useCallback(
    (start: number, end: number) => {
      for (let p = Math.floor(start / pageSize); p <= Math.floor(end / pageSize); p++) load(p);
    },
    [load, pageSize],
  );

  return { total, estimate, getRow, onRangeChange, loading, reload: reset };
}
