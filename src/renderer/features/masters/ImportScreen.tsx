import { useEffect, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { importKinds, type ImportKind, type ImportRowError } from '@shared/contract/masters';
import { api, ApiError, type Result } from '../../api/client';
import { useKeys } from '../../app/keyboard';
import { toast } from '../../app/toasts';
import { Button } from '../../ui/Button';
import { DataGrid, type Column } from '../../ui/DataGrid';
import { Field, SelectField } from '../../ui/Field';
import { formatInt, formatMoney } from '../../ui/format';
import { bpText } from './forms';
import { downloadBase64, readBase64 } from './download';
import './masters.css';

type Preview = Result<'import.preview'>;
type Committed = Result<'import.commit'>;
interface Chosen {
  fileName: string;
  contentBase64: string;
  size: number;
}
interface Progress {
  done: number;
  total: number;
  label: string;
}

/** Rows of the preview shown beside the errors (the desk sends up to 200). */
const PREVIEW_ROWS = 200;

/**
 * Import customers, products or stock from CSV / .xlsx: preview every row's problems (row number,
 * column, reason) before anything is written, then import all (only when nothing is wrong) or just
 * the valid rows, with the rejected rows downloadable. Templates and exports of the same layouts.
 */
export function ImportScreen() {
  const { t, i18n } = useTranslation();
  const [kind, setKind] = useState<ImportKind>('customers');
  const [file, setFile] = useState<Chosen | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [result, setResult] = useState<Committed | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<null | 'reading' | 'preview' | 'commit' | 'export' | 'template'>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const job = useRef<string | null>(null);
  const m = (k: string, p?: Record<string, unknown>) => t(`masters.import.${k}`, p ?? {});

  useEffect(
    () =>
      api.subscribe((e) => {
        if (e.type === 'progress' && e.jobId === job.current) setProgress({ done: e.done, total: e.total, label: e.label });
      }),
    [],
  );

  const reset = () => {
    setPreview(null);
    setResult(null);
    setError(null);
    setProgress(null);
  };

  const runPreview = async (chosen: Chosen, k: ImportKind) => {
    reset();
    setBusy('preview');
    try {
      setPreview(await api.invoke('import.preview', { kind: k, fileName: chosen.fileName, contentBase64: chosen.contentBase64, locale: api.locale }));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };

  const choose = async (f: File | undefined) => {
    if (!f) return;
    setBusy('reading');
    try {
      const chosen = { fileName: f.name, contentBase64: await readBase64(f), size: f.size };
      setFile(chosen);
      await runPreview(chosen, kind);
    } catch (e) {
      setBusy(null);
      setError(String(e));
    }
  };

  const commit = async (mode: 'all' | 'validOnly') => {
    if (!file || !preview || busy) return;
    if (mode === 'all' && preview.errors.length) return;
    const jobId = `import-${kind}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    job.current = jobId;
    setBusy('commit');
    setError(null);
    setProgress({ done: 0, total: preview.total, label: '' });
    try {
      const r = await api.invoke('import.commit', { kind, fileName: file.fileName, contentBase64: file.contentBase64, locale: api.locale, mode, jobId });
      setResult(r);
      setProgress((p) => (p ? { ...p, done: p.total } : p));
      toast.success(m('done', { imported: r.imported, rejected: r.rejected }));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
      setProgress(null);
    } finally {
      job.current = null;
      setBusy(null);
    }
  };

  const template = async (format: 'xlsx' | 'csv') => {
    setBusy('template');
    try {
      const f = await api.invoke('import.template', { kind, format, locale: api.locale });
      downloadBase64(f.fileName, f.contentBase64);
    } catch (e) {
      toast.error(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };

  const exportKind = async (format: 'xlsx' | 'csv') => {
    setBusy('export');
    try {
      const f = await api.invoke('export.masters', { kind, format, active: 'all', locale: api.locale });
      downloadBase64(f.fileName, f.contentBase64);
      toast.success(m('exported', { n: formatInt(f.rows), file: f.fileName }));
    } catch (e) {
      toast.error(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };

  const canAll = Boolean(preview && !preview.errors.length && preview.total > 0 && !result);
  const canValid = Boolean(preview && preview.errors.length && preview.valid > 0 && !result);
  useKeys([
    { key: 'Ctrl+O', label: 'masters.import.chooseKey', run: () => fileInput.current?.click(), inInputs: true },
    ...(canAll ? [{ key: 'Ctrl+Enter', label: 'masters.import.all', run: () => void commit('all'), inInputs: true }] : []),
    ...(canValid ? [{ key: 'Ctrl+Enter', label: 'masters.import.validKey', run: () => void commit('validOnly'), inInputs: true }] : []),
    { key: 'Ctrl+E', label: 'masters.import.exportKey', run: () => void exportKind('xlsx'), inInputs: true },
  ]);

  const headerOf = (key: string) => preview?.columns.find((c) => c.key === key)?.header ?? key;
  const errorColumns: Column<ImportRowError>[] = [
    { key: 'row', header: m('row'), width: '64px', align: 'right', render: (e) => formatInt(e.row) },
    { key: 'field', header: m('field'), width: '140px', render: (e) => <span title={e.field}>{headerOf(e.field)}</span> },
    { key: 'message', header: m('reason'), width: '1fr', render: (e) => <span title={e.message ?? e.code}>{e.message ?? t(e.code, e.params ?? {})}</span> },
  ];
  const badRows = new Set(preview?.errors.map((e) => e.row));
  const badCells = new Set(preview?.errors.map((e) => `${e.row}:${e.field}`));
  const pct = progress && progress.total ? Math.min(100, Math.round((progress.done / progress.total) * 100)) : 0;

  return (
    <section className="screen masters-screen import-screen">
      <header className="screen-head">
        <h1>{t('screen.masters.import')}</h1>
      </header>
      <div className="import-top">
        <fieldset className="panel import-panel">
          <legend>{m('importTitle')}</legend>
          <div className="import-row">
            <SelectField
              label={m('kind')}
              value={kind}
              onChange={(v) => {
                setKind(v as ImportKind);
                if (file) void runPreview(file, v as ImportKind);
              }}
              options={importKinds.map((k) => ({ value: k, label: m(`kind.${k}`) }))}
              autoFocus
            />
            <Field label={m('file')} hint={file ? `${file.fileName} · ${formatInt(Math.ceil(file.size / 1024))} KB` : m('fileHint')}>
              {(id, describedBy) => (
                <div className="file-pick">
                  <input
                    id={id}
                    ref={fileInput}
                    type="file"
                    accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                    aria-describedby={describedBy}
                    onChange={(e) => {
                      void choose(e.target.files?.[0]);
                      e.target.value = '';
                    }}
                  />
                  <Button onClick={() => fileInput.current?.click()} keyHint="Ctrl+O" disabled={busy === 'commit'}>
                    {m('choose')}
                  </Button>
                  {file ? (
                    <Button variant="ghost" onClick={() => runPreview(file, kind)} disabled={Boolean(busy)}>
                      {m('again')}
                    </Button>
                  ) : null}
                </div>
              )}
            </Field>
            <span className="spacer" />
            <div className="import-templates">
              <span className="muted">{m('template')}</span>
              <Button variant="ghost" className="btn-small" onClick={() => template('xlsx')} disabled={Boolean(busy)}>
                Excel (.xlsx)
              </Button>
              <Button variant="ghost" className="btn-small" onClick={() => template('csv')} disabled={Boolean(busy)}>
                CSV
              </Button>
            </div>
          </div>
        </fieldset>
        <fieldset className="panel export-panel">
          <legend>{m('exportTitle', { kind: m(`kind.${kind}`) })}</legend>
          <div className="import-row">
            <Button onClick={() => exportKind('xlsx')} disabled={Boolean(busy)} keyHint="Ctrl+E">
              {m('exportXlsx')}
            </Button>
            <Button onClick={() => exportKind('csv')} disabled={Boolean(busy)}>
              {m('exportCsv')}
            </Button>
          </div>
        </fieldset>
      </div>

      {error ? (
        <div className="form-error" role="alert">
          {error}
        </div>
      ) : null}
      {busy === 'reading' || busy === 'preview' ? <p className="muted">{m('checking')}</p> : null}

      {preview ? (
        <>
          <div className="import-summary" role="status">
            <span className="stat">
              {m('total')} <b>{formatInt(preview.total)}</b>
            </span>
            <span className="stat ok">
              {m('valid')} <b>{formatInt(preview.valid)}</b>
            </span>
            <span className={`stat${preview.errors.length ? ' bad' : ''}`}>
              {m('invalidRows')} <b>{formatInt(preview.total - preview.valid)}</b>
            </span>
            <span className={`stat${preview.errors.length ? ' bad' : ''}`}>
              {m('errors')} <b>{formatInt(preview.errors.length)}</b>
            </span>
            {preview.unknownColumns.length ? <span className="notice small">{m('unknownColumns', { columns: preview.unknownColumns.join('、') })}</span> : null}
            <span className="spacer" />
            {result ? null : (
              <>
                <Button variant={canAll ? 'primary' : 'default'} disabled={!canAll || Boolean(busy)} onClick={() => commit('all')} keyHint={canAll ? 'Ctrl+Enter' : undefined} title={preview.errors.length ? m('allDisabled') : undefined}>
                  {m('all')}
                </Button>
                {preview.errors.length ? (
                  <Button variant="primary" disabled={!canValid || Boolean(busy)} onClick={() => commit('validOnly')} keyHint={canValid ? 'Ctrl+Enter' : undefined}>
                    {m('valid.button', { n: formatInt(preview.valid) })}
                  </Button>
                ) : null}
              </>
            )}
          </div>
          {progress && (busy === 'commit' || result) ? (
            <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={progress.total} aria-valuenow={progress.done} aria-label={m('progress')}>
              <div className="progress-bar" style={{ width: `${pct}%` }} />
              <span className="progress-text">
                {progress.label && i18n.exists(progress.label) ? `${t(progress.label)} · ` : ''}
                {formatInt(progress.done)} / {formatInt(progress.total)} ({pct}%)
              </span>
            </div>
          ) : null}
          {result ? (
            <div className={`import-result${result.rejected ? ' partial' : ''}`} role="status">
              <b>{m('done', { imported: formatInt(result.imported), rejected: formatInt(result.rejected) })}</b>
              <span className="muted">{m('doneDetail', { created: formatInt(result.created), updated: formatInt(result.updated) })}</span>
              <span className="spacer" />
              {result.rejectedFile ? (
                <Button onClick={() => downloadBase64(result.rejectedFile!.fileName, result.rejectedFile!.contentBase64)}>{m('downloadRejected', { n: formatInt(result.rejected) })}</Button>
              ) : null}
            </div>
          ) : null}
          <div className="import-results">
            <div className="import-errors">
              <h2>
                {m('errorList')} <span className="count">{formatInt(preview.errors.length)}</span>
              </h2>
              <DataGrid
                label="import-errors"
                columns={errorColumns}
                rowCount={preview.errors.length}
                getRow={(i) => preview.errors[i]}
                rowKey={(e, i) => `${e.row}:${e.field}:${i}`}
                emptyText={m('noErrors')}
                rowHeight={28}
              />
            </div>
            <div className="import-rows">
              <h2>
                {m('firstRows', { n: formatInt(Math.min(PREVIEW_ROWS, preview.rows.length)) })}
              </h2>
              <div className="table-scroll" tabIndex={0} aria-label={m('firstRowsLabel')}>
                <table className="dense-table">
                  <thead>
                    <tr>
                      <th className="num">{m('row')}</th>
                      <th>{t('masters.status')}</th>
                      {preview.columns.map((c) => (
                        <th key={c.key}>{c.header}</th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {preview.rows.map((r) => (
                      <tr key={r.row} className={badRows.has(r.row) ? 'bad' : undefined}>
                        <td className="num">{r.row}</td>
                        <td>{r.ok ? <span className="badge ok">{m('rowOk')}</span> : <span className="badge danger">{m('rowBad')}</span>}</td>
                        {preview.columns.map((c) => (
                          <td key={c.key} className={badCells.has(`${r.row}:${c.key}`) ? 'cell-bad' : undefined}>
                            {previewText(c.key, r.data[c.key], t)}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          </div>
        </>
      ) : busy ? null : (
        <div className="import-help muted">
          <p>{m('help1')}</p>
          <p>{m('help2')}</p>
        </div>
      )}
    </section>
  );
}

/**
 * A preview value as the clerk typed it: the desk sends converted values (money in fen, tax in
 * basis points, kinds as codes), so they are shown back in the file's terms.
 */
function previewText(key: string, v: unknown, t: TFunction): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
  if (typeof v === 'number' && /^(creditLimit|listPrice|price:.+)$/.test(key)) return formatMoney(v);
  if (typeof v === 'number' && key === 'taxRate') return `${bpText(v)}%`;
  if (key === 'kind' && (v === 'company' || v === 'person')) return t(`masters.customer.kind.${v}`);
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}
