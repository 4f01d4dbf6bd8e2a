import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueRow } from '@shared/contract/review';
import { APPROVERS } from '@shared/roles';
import type { Result } from '../../api/client';
import { useQuery } from '../../api/hooks';
import { usePagedRows } from '../../api/paged';
import { useKeys, type KeyBinding } from '../../app/keyboard';
import { useNav } from '../../app/nav';
import { hasRole, useSession } from '../../app/session';
import { toast } from '../../app/toasts';
import { Button } from '../../ui/Button';
import { DataGrid, type Column } from '../../ui/DataGrid';
import { formatInt, formatMoney } from '../../ui/format';
import { DecisionDialog, newDraft, type DecisionDraft, type DecisionTarget } from './DecisionDialog';
import { DetailPanel } from './DetailPanel';
import { DEFAULT_DIR, isChangeMode, nextSort, planDecision, TABS, type DecisionKey, type DecisionPlan, type QueueTab, type SortDir, type SortKey } from './model';
import { Age, KindBadge } from './parts';
import './approvals.css';

const GRID = 'approvals';

/** The approval queue (F6): approvers, managers and administrators only. */
export function QueueScreen() {
  const { t } = useTranslation();
  const user = useSession((s) => s.user);
  if (!hasRole(user, APPROVERS)) {
    return (
      <section className="screen">
        <div className="form-error" role="alert">
          {t('common.notAllowed')}
        </div>
      </section>
    );
  }
  return <Queue />;
}

/** Holds a value back until it has stopped changing for `ms`: J held down does not fetch every order it passes. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return settled;
}

/** Move the grid's cursor as the arrow keys would (the grid owns its active row). */
function stepGrid(key: 'ArrowDown' | 'ArrowUp') {
  const grid = document.querySelector<HTMLElement>(`[role="grid"][aria-label="${GRID}"]`);
  if (!grid) return;
  grid.focus();
  grid.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
}

interface OpenDialog {
  target: DecisionTarget;
  plan: DecisionPlan;
  key: string;
}

/**
 * Left: the holds, grouped by kind (tabs 1–5), sorted by age, amount or customer (S cycles,
 * Shift+S reverses), J/K move. Right: the active order in full. A / R / C decide.
 */
function Queue() {
  const { t } = useTranslation();
  const go = useNav((s) => s.go);
  const [tab, setTab] = useState<QueueTab>('all');
  const [order, setOrder] = useState<{ sort: SortKey; dir: SortDir }>({ sort: 'age', dir: DEFAULT_DIR.age });
  const list = usePagedRows<'approvals.queue', QueueRow>('approvals.queue', { kind: tab === 'all' ? undefined : tab, sort: order.sort, dir: order.dir });
  const summary = useQuery('approvals.queue', { limit: 1 });
  const counts = summary.data?.counts;

  const [activeIndex, setActiveIndex] = useState(0);
  const activeRow = list.total > 0 ? list.getRow(Math.min(activeIndex, list.total - 1)) : undefined;
  const orderId = useSettled(activeRow?.orderId, 120);
  const detail = useQuery('approvals.detail', { orderId: orderId ?? '' }, { enabled: Boolean(orderId) });
  const current = detail.data && activeRow && detail.data.order.id === activeRow.orderId ? detail.data : undefined;

  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const [drafts, setDrafts] = useState<Record<string, DecisionDraft>>({});
  const activeHolds = current?.holds ?? activeRow?.reasons;
  const changeMode = activeHolds ? isChangeMode(tab, activeHolds) : tab === 'change_request';

  const openDecision = (key: DecisionKey) => {
    if (!activeRow) return;
    // The detail when it is in; until then the queue row (same holds, same version) so a quick A is not lost.
    const holds = current?.holds ?? activeRow.reasons;
    const plan = planDecision(key, tab, holds);
    if (!plan) {
      if (key === 'askChange') toast.info(t('approvals.askChangeNotForChange'));
      return;
    }
    const rowVersion = current?.order.rowVersion ?? activeRow.rowVersion;
    const total = current?.order.total ?? activeRow.amount;
    // A change request is decided against the larger of the order now and after the change (as the desk does).
    const delta = plan.decision === 'approve_change' ? Math.max(0, ...plan.holds.map((h) => Number(h.params.delta) || 0)) : 0;
    const draftKey = `${activeRow.orderId}:${plan.decision}`;
    const kept = drafts[draftKey];
    const stillOpen = kept?.checked.filter((id) => plan.holds.some((h) => h.holdId === id)) ?? [];
    setDrafts((d) => ({ ...d, [draftKey]: kept ? { ...kept, checked: stillOpen.length ? stillOpen : plan.checked } : newDraft(plan) }));
    setDialog({
      key: draftKey,
      plan,
      target: { orderId: activeRow.orderId, number: activeRow.number, customerName: activeRow.customerName, amount: total + delta, rowVersion },
    });
  };

  const done = (d: OpenDialog, result: Result<'approvals.decide'>) => {
    const number = d.target.number;
    if (d.plan.decision === 'release' && result.holds.length) {
      toast.error(t('approvals.done.reheld', { number, reason: t(result.holds[0].code, result.holds[0].params) }));
    } else if (d.plan.decision === 'release' && result.openHolds > 0) {
      toast.info(t('approvals.done.partial', { number, n: result.openHolds }));
    } else {
      toast.success(t(`approvals.done.${d.plan.decision}`, { number }));
    }
    setDrafts(({ [d.key]: _gone, ...rest }) => rest);
    setDialog(null);
  };

  const switchTab = useCallback((next: QueueTab) => setTab(next), []);
  const open = () => {
    if (activeRow) go('orders.detail', { id: activeRow.orderId });
  };
  const reload = () => {
    list.reload();
    summary.reload();
    detail.reload();
  };

  // Keys that act on an order are shown only while there is one.
  const any = list.total > 0;
  const shown = (label: string) => (any ? label : undefined);
  const keys: KeyBinding[] = [
    { key: 'j', label: shown('approvals.key.next'), run: () => stepGrid('ArrowDown') },
    { key: 'k', label: shown('approvals.key.prev'), run: () => stepGrid('ArrowUp') },
    { key: 'Enter', label: shown('approvals.key.open'), run: open },
    { key: 'a', label: shown(changeMode ? 'approvals.key.approveChange' : 'approvals.key.release'), run: () => openDecision('approve') },
    { key: 'r', label: shown(changeMode ? 'approvals.key.rejectChange' : 'approvals.key.reject'), run: () => openDecision('reject') },
    { key: 'c', label: changeMode ? undefined : shown('approvals.key.askChange'), run: () => openDecision('askChange') },
    { key: 's', label: 'approvals.key.sort', run: () => setOrder((o) => nextSort(o.sort)) },
    { key: 'S', label: 'approvals.key.flip', run: () => setOrder((o) => ({ ...o, dir: o.dir === 'asc' ? 'desc' : 'asc' })) },
    { key: 'F5', label: 'common.refresh', run: reload, inInputs: true },
    ...TABS.flatMap((k, i) => [
      { key: String(i + 1), run: () => switchTab(k) },
      { key: `Ctrl+${i + 1}`, run: () => switchTab(k), inInputs: true },
    ]),
  ];
  useKeys(keys);

  const arrow = (key: SortKey) => (order.sort === key ? (order.dir === 'desc' ? ' ▼' : ' ▲') : '');
  const columns: Column<QueueRow>[] = [
    { key: 'number', header: t('approvals.col.number'), width: '168px', render: (r) => <code>{r.number}</code> },
    {
      key: 'customer',
      header: t('approvals.col.customer') + arrow('customer'),
      width: 'minmax(140px, 1fr)',
      render: (r) => <span title={`${r.customerCode} ${r.customerName}`}>{r.customerName}</span>,
    },
    { key: 'amount', header: t('approvals.col.amount') + arrow('amount'), width: '116px', align: 'right', render: (r) => formatMoney(r.amount) },
    { key: 'age', header: t('approvals.col.age') + arrow('age'), width: '76px', align: 'right', render: (r) => <Age minutes={r.ageMinutes} /> },
    {
      key: 'reasons',
      header: t('approvals.col.reasons'),
      width: '196px',
      render: (r) => (
        <>
          {r.kinds.map((k) => (
            <KindBadge key={k} kind={k} />
          ))}
          {r.awaitingChange ? <span className="badge warn">{t('approvals.awaitingChange')}</span> : null}
          {r.changedFlag ? <span className="badge">{t('approvals.changed')}</span> : null}
        </>
      ),
    },
  ];

  const countOf = (k: QueueTab) => (counts ? counts[k] : undefined);
  const draft = dialog ? drafts[dialog.key] : undefined;

  return (
    <section className="screen ap-screen">
      <header className="screen-head">
        <h1>{t('screen.approvals.queue')}</h1>
        <div className="toolbar ap-toolbar">
          <span className="muted ap-sort" aria-live="polite">
            {t(`approvals.sort.${order.sort}.${order.dir}`)} <kbd>S</kbd> <kbd>Shift+S</kbd>
          </span>
          <Button onClick={reload} keyHint="F5">
            {t('common.refresh')}
          </Button>
        </div>
      </header>
      <div className="ap-tabs" role="tablist" aria-label={t('approvals.groups')}>
        {TABS.map((k, i) => (
          <button
            key={k}
            type="button"
            role="tab"
            aria-selected={k === tab}
            className={k === tab ? 'active' : undefined}
            onClick={() => switchTab(k)}
            tabIndex={-1}
            title={String(i + 1)}
          >
            <span>{t(`approvals.kind.${k}`)}</span>
            <span className="ap-count">{countOf(k) === undefined ? '…' : formatInt(countOf(k)!)}</span>
          </button>
        ))}
        <span className="ap-tabs-hint muted">
          <kbd>1</kbd>–<kbd>5</kbd> {t('approvals.tabsHint')}
        </span>
      </div>
      <div className="ap-split">
        <div className="ap-list" role="tabpanel">
          <DataGrid
            key={`${tab}:${order.sort}:${order.dir}`}
            label={GRID}
            columns={columns}
            rowCount={list.total}
            getRow={list.getRow}
            onRangeChange={list.onRangeChange}
            onActiveChange={(i) => setActiveIndex(i)}
            rowKey={(r) => r.orderId}
            rowClass={(r) => (r.awaitingChange ? 'flag-muted' : undefined)}
            onOpen={(r) => go('orders.detail', { id: r.orderId })}
            emptyText={list.loading ? t('common.loading') : tab === 'all' ? t('approvals.empty') : t('approvals.emptyKind')}
            autoFocus
          />
          <div className="ap-list-foot muted">{list.loading ? t('common.loading') : t('approvals.count', { n: formatInt(list.total) })}</div>
        </div>
        <div className="ap-detail-pane">
          {list.total === 0 && !list.loading ? (
            <p className="ap-placeholder muted">{counts && counts.all > 0 ? t('approvals.detail.elsewhere', { n: formatInt(counts.all) }) : t('approvals.detail.none')}</p>
          ) : detail.error && !current ? (
            <div className="form-error" role="alert">
              {detail.error.message}
            </div>
          ) : detail.data ? (
            <DetailPanel detail={detail.data} stale={!current} />
          ) : (
            <p className="ap-placeholder muted">{list.loading || detail.loading ? t('common.loading') : t('approvals.detail.pick')}</p>
          )}
        </div>
      </div>
      {dialog && draft ? (
        <DecisionDialog
          target={dialog.target}
          plan={dialog.plan}
          draft={draft}
          onDraft={(d) => setDrafts((all) => ({ ...all, [dialog.key]: d }))}
          myLimit={current?.myLimit ?? detail.data?.myLimit ?? null}
          latestRowVersion={detail.data?.order.id === dialog.target.orderId ? detail.data.order.rowVersion : undefined}
          onDone={(r) => done(dialog, r)}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </section>
  );
}
