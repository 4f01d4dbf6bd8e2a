import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../api/client';
import { useMutation, useQuery } from '../../api/hooks';
import { useKeys } from '../../app/keyboard';
import { toast } from '../../app/toasts';
import { Button } from '../../ui/Button';
import { DataGrid, type Column } from '../../ui/DataGrid';
import { Dialog } from '../../ui/Dialog';
import { formatDateTime, formatInt } from '../../ui/format';

type BackupRow = Result<'system.listBackups'>['rows'][number];

export function BackupScreen() {
  const { t } = useTranslation();
  const info = useQuery('system.info', {});
  const backups = useQuery('system.listBackups', {});
  const backup = useMutation('system.backup');
  const restore = useMutation('system.restore');
  const [confirm, setConfirm] = useState<BackupRow | null>(null);
  const rows = backups.data?.rows ?? [];

  const runBackup = async () => {
    try {
      const r = await backup.run({});
      toast.success(t('backup.done', { file: r.file }));
      backups.reload();
    } catch (e) {
      toast.error((e as Error).message);
    }
  };
  const runRestore = async () => {
    if (!confirm) return;
    try {
      const r = await restore.run({ file: confirm.file });
      toast.success(t('backup.restored', { file: r.safetyCopy }));
      setConfirm(null);
      backups.reload();
    } catch (e) {
      toast.error((e as Error).message);
    }
  };
  useKeys([{ key: 'Ctrl+B', label: 'backup.now', run: runBackup, inInputs: true }], { enabled: !confirm });

  const columns: Column<BackupRow>[] = [
    { key: 'time', header: t('backup.time'), width: '180px', render: (r) => formatDateTime(r.at) },
    { key: 'file', header: t('backup.file'), width: '1fr', render: (r) => r.file },
    { key: 'size', header: t('backup.size'), width: '140px', align: 'right', render: (r) => `${formatInt(Math.round(r.bytes / 1024))} KB` },
  ];
  return (
    <section className="screen">
      <header className="screen-head">
        <h1>{t('screen.system.backup')}</h1>
        <div className="toolbar">
          <Button variant="primary" onClick={runBackup} disabled={backup.busy} keyHint="Ctrl+B">{t('backup.now')}</Button>
        </div>
      </header>
      <p className="muted">
        {t('backup.dataDir')}: <code>{info.data?.dataDir}</code>
      </p>
      <h2>{t('backup.list')}</h2>
      <DataGrid label="backups" columns={columns} rowCount={rows.length} getRow={(i) => rows[i]} rowKey={(r) => r.file} onOpen={(r) => setConfirm(r)} emptyText={t('common.empty')} autoFocus />
      {confirm ? (
        <Dialog
          title={t('backup.restore')}
          onClose={() => setConfirm(null)}
          footer={
            <>
              <Button onClick={() => setConfirm(null)} keyHint="Esc">{t('common.cancel')}</Button>
              <Button variant="danger" onClick={runRestore} disabled={restore.busy}>{t('backup.restore')}</Button>
            </>
          }
        >
          <p>{t('backup.restoreConfirm', { file: confirm.file })}</p>
        </Dialog>
      ) : null}
    </section>
  );
}
