/** Benchmark plumbing: timing, percentiles, the results table and the JSON file. */
import fs from 'node:fs';
import path from 'node:path';
import { contract } from '../src/shared/contract';

export interface Metric {
  name: string;
  /** The figure the metric reports (what --json writes); null when it could not be measured. */
  value: number | null;
  unit: string;
  /** The raw baseline measured in the same run, in the unit of `measured` (or of value). */
  baseline: number | null;
  /** What was measured against the baseline when value is itself a ratio. */
  measured?: number | null;
  /** measured (or value) ÷ baseline. */
  ratio: number | null;
  target: string;
  /** Met, missed, or null when there is no figure. */
  ok: boolean | null;
  note: string;
}

export function percentile(samples: readonly number[], p: number): number {
  if (!samples.length) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export const median = (samples: readonly number[]) => percentile(samples, 50);

/** Milliseconds an async call takes. */
export async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const out = await fn();
  return [out, performance.now() - t0];
}

/** The handlers a metric needs, missing from the contract (another engineer may not have landed them yet). */
export function missingHandlers(...names: string[]): string[] {
  return names.filter((n) => !(n in contract));
}

export function unavailable(name: string, unit: string, target: string, note: string): Metric {
  return { name, value: null, unit, baseline: null, ratio: null, target, ok: null, note };
}

/** A latency metric (lower is better) against a raw baseline latency. */
export function latency(name: string, valueMs: number, baselineMs: number, limit: number, note: string): Metric {
  return {
    name,
    value: round(valueMs, 3),
    unit: 'ms',
    baseline: round(baselineMs, 3),
    ratio: round(valueMs / baselineMs, 2),
    target: `≤ ${limit}`,
    ok: valueMs <= limit,
    note,
  };
}

/** A throughput ratio (higher is better): measured ÷ baseline, both in `unit`. */
export function throughputRatio(name: string, measured: number, baseline: number, min: number, unit: string, note: string): Metric {
  const ratio = measured / baseline;
  return {
    name,
    value: round(ratio, 3),
    unit: 'ratio',
    measured: round(measured, 1),
    baseline: round(baseline, 1),
    ratio: round(ratio, 3),
    target: `≥ ${min}`,
    ok: ratio >= min,
    note: `${round(measured, 1)} vs raw ${round(baseline, 1)} ${unit}; ${note}`,
  };
}

export function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

function fmt(n: number | null | undefined): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '-';
  if (Math.abs(n) >= 1000) return Math.round(n).toLocaleString('en-US');
  if (Math.abs(n) >= 100) return n.toFixed(0);
  if (Math.abs(n) >= 10) return n.toFixed(1);
  return n.toFixed(n === Math.round(n) ? 0 : 3).replace(/0+$/, '').replace(/\.$/, '');
}

/** The printed table: metric, value, unit, baseline, ratio, target, then a note. */
export function table(metrics: readonly Metric[]): string {
  const head = ['metric', 'value', 'unit', 'baseline', 'ratio', 'target', '', 'note'];
  const body = metrics.map((m) => [
    m.name,
    m.value === null ? m.note.split(';')[0] : fmt(m.value),
    m.unit,
    fmt(m.baseline),
    fmt(m.ratio),
    m.target,
    m.ok === null ? '' : m.ok ? 'ok' : 'MISS',
    m.value === null ? m.note.split(';').slice(1).join(';').trim() : m.note,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => [...r[i]].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c + ' '.repeat(widths[i] - [...c].length))).join('  ').trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

export function writeJson(file: string, metrics: readonly Metric[]): void {
  const out: Record<string, number> = {};
  for (const m of metrics) if (m.value !== null && Number.isFinite(m.value)) out[m.name] = m.value;
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify({ metrics: out }, null, 2)}\n`);
}

/** Progress lines go to stderr so stdout carries only the table. */
export function log(text: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${text}\n`);
}
