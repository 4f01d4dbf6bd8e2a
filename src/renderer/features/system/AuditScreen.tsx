import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../api/client';
import { useQuery } from '../../api/hooks';
import { DataGrid, type Column } from '../../ui/DataGrid';
import { useAuditText } from '../../i18n/audit';
import { TextField } from '../../ui/Field';
import { formatDateTime } from '../../ui/format';
import { describeChanges } from './audit-changes';

type AuditRow = Result<'audit.list'>['rows'][number];

export function AuditScreen() {
  const { t, i18n } = useTranslation();
  const auditText = useAuditText();
  const [entityId, setEntityId] = useState('');
  const audit = useQuery('audit.list', { entityId: entityId.trim() || undefined, limit: 500 });
  const rows = audit.data?.rows ?? [];
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
      <DataGrid label="audit" columns={columns} rowCount={rows.length} getRow={(i) => rows[i]} rowKey={(r) => r.id} emptyText={t('common.empty')} autoFocus />
    </section>
  );
}

/** The changes as one line; the tooltip holds the same text for a line too long to show whole. */
function Changes({ text }: { text: string }) {
  return <span title={text}>{text}</span>;
}
