import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../api/client';
import { useQuery } from '../../api/hooks';
import { DataGrid, type Column } from '../../ui/DataGrid';
import { useAuditText } from '../../i18n/audit';
import { TextField } from '../../ui/Field';
import { formatDateTime } from '../../ui/format';
import { changeEntries, describeChanges } from './audit-changes';

type AuditRow = Result<'audit.list'>['rows'][number];

export function AuditScreen() {
  const { t, i18n } = useTranslation();
  const auditText = useAuditText();
  const [entityId, setEntityId] = useState('');
  const audit = useQuery('audit.list', { entityId: entityId.trim() || undefined, limit: 500 });
  const rows = audit.data?.rows ?? [];
  const [activeIndex, setActiveIndex] = useState(0);
  const active = rows[Math.min(activeIndex, rows.length - 1)];
  const columns: Column<AuditRow>[] = [
    { key: 'at', header: t('audit.time'), width: '150px', render: (r) => formatDateTime(r.at, i18n.language) },
    { key: 'user', header: t('audit.user'), width: '100px', render: (r) => r.username ?? '—' },
    { key: 'handler', header: t('audit.handler'), width: '170px', render: (r) => r.handler },
    { key: 'entity', header: t('audit.entity'), width: '110px', render: (r) => t(`audit.entity.${r.entity}`, { defaultValue: r.entity }) },
    { key: 'summary', header: t('audit.summary'), width: '220px', render: (r) => <span title={auditText(r)}>{auditText(r)}</span> },
    { key: 'changes', header: t('audit.changes'), width: '1fr', render: (r) => <Changes text={describeChanges(r, t, { locale: i18n.language })} /> },
  ];
  return (
    <section className="screen">
      <header className="screen-head">
        <h1>{t('screen.system.audit')}</h1>
        <div className="toolbar">
          <TextField label={t('audit.filter')} value={entityId} onChange={setEntityId} />
        </div>
      </header>
      <DataGrid
        label="audit"
        columns={columns}
        rowCount={rows.length}
        getRow={(i) => rows[i]}
        rowKey={(r) => r.id}
        emptyText={t('common.empty')}
        onActiveChange={(i) => setActiveIndex(i)}
        autoFocus
      />
      {active ? <AuditDetail row={active} /> : null}
    </section>
  );
}

/**
 * The row under the cursor in full: what happened, then each change on its own line with every
 * item listed (the column shows one line, cut at the edge of the screen).
 */
function AuditDetail({ row }: { row: AuditRow }) {
  const { t, i18n } = useTranslation();
  const auditText = useAuditText();
  const entries = changeEntries(row, t, { locale: i18n.language, whole: true });
  return (
    <section className="audit-detail panel" aria-label={t('audit.detail')} aria-live="polite">
      <p className="audit-detail-head">
        <span>{formatDateTime(row.at, i18n.language)}</span>
        <span>{row.username ?? '—'}</span>
        <strong>{auditText(row)}</strong>
      </p>
      {entries.length ? (
        <ul className="audit-detail-changes">
          {entries.map((e, i) => (
            <li key={i}>{e}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** The changes as one line; the tooltip holds the same text for a line too long to show whole. */
function Changes({ text }: { text: string }) {
  return <span title={text}>{text}</span>;
}
