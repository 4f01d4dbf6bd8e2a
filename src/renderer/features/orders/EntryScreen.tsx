import { useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { OrderListRow } from '@shared/contract/orders';
import { api, ApiError } from '../../api/client';
import { useQuery } from '../../api/hooks';
import { useKeys, type KeyBinding } from '../../app/keyboard';
import { useNav } from '../../app/nav';
import type { ScreenProps } from '../../app/screens';
import { useSession } from '../../app/session';
import { toast } from '../../app/toasts';
import { Button } from '../../ui/Button';
import { formatInt } from '../../ui/format';
import { DraftSaver, type SaveState } from './entry/autosave';
import { DuplicateDialog, ResumeDialog, type DuplicateMatch } from './entry/dialogs';
import { IssuesContext } from './entry/errors';
import { localDate, localTime, parseQuantity } from './entry/fields';
import { focusFirstError, focusLine, focusPath, focusScreen, focusSubmit, activeLineKey } from './entry/focus';
import { HeaderForm } from './entry/HeaderForm';
import { createKeyBuffer } from './entry/keybuffer';
import { LinesTable } from './entry/LinesTable';
import {
  amendInput,
  amendScreenPath,
  checkOrder,
  customerBillTo,
  customerDefaults,
  customerLabel,
  draftInput,
  fromDocument,
  isBlankLine,
  withBillTo,
  type CustomerPick,
  type ProductPick,
} from './entry/model';
import { OutcomeBanner } from './entry/OutcomeBanner';
import { SidePanel } from './entry/SidePanel';
import { blankEntry, createEntryStore, EntryContext, useEntry, useEntryStore } from './entry/store';
import { PrintPreview } from './print/PrintPreview';
import { StatusBadge } from './status';
import './orders.css';

/** Days from today the requested and promised dates default to. */
const DEFAULT_LEAD_DAYS = 3;

/**
 * Order entry (F2). Keyboard contract: Enter advances; after the customer Enter goes straight to
 * the lines when its defaults are complete; after a quantity Enter starts the next line; Enter on an
 * empty line goes to Submit; Ctrl+S saves, Ctrl+Enter submits; Esc leaves a field and never
 * discards; Ctrl+Delete (or Delete in an empty product cell) removes a line, Ctrl+Z brings it back.
 */
export function EntryScreen({ params }: ScreenProps) {
  const [store] = useState(() => createEntryStore());
  return (
    <EntryContext.Provider value={store}>
      <Entry params={params} />
    </EntryContext.Provider>
  );
}

function Entry({ params }: ScreenProps) {
  const { t } = useTranslation();
  const store = useEntryStore();
  const user = useSession((s) => s.user);
  const go = useNav((s) => s.go);
  const [buffer] = useState(() => createKeyBuffer());
  const [drafts, setDrafts] = useState<OrderListRow[] | null>(null);
  const [duplicates, setDuplicates] = useState<DuplicateMatch[] | null>(null);
  const [printing, setPrinting] = useState(false);
  const [busy, setBusy] = useState(false);
  const lastKeys = useRef<string[]>([]);
  const newPressed = useRef(0);

  const settings = useQuery('settings.get', {});
  const warehousesQ = useQuery('warehouses.list', { activeOnly: true });
  const warehouses = useMemo(() => warehousesQ.data?.rows ?? [], [warehousesQ.data]);

  const mode = useEntry((s) => s.mode);
  const id = useEntry((s) => s.id);
  const number = useEntry((s) => s.number);
  const status = useEntry((s) => s.status);
  const header = useEntry((s) => s.header);
  const lines = useEntry((s) => s.lines);
  const outcome = useEntry((s) => s.outcome);
  const removed = useEntry((s) => s.removed);
  const locked = !!outcome;

  const role = user?.role ?? null;
  const limit = settings.data && role ? settings.data.discountLimitsBp[role] : null;
  const issues = useMemo(
    () => checkOrder(header, lines, { role, discountLimitBp: mode === 'amend' ? null : limit, mode }),
    [header, lines, role, limit, mode],
  );

  const [saver] = useState(
    () =>
      new DraftSaver({
        build: () => {
          const s = store.getState();
          return s.mode === 'new' && !s.outcome ? draftInput(s.header, s.lines) : null;
        },
        id: () => store.getState().id,
        rowVersion: () => store.getState().rowVersion,
        saved: (result, keys) => {
          lastKeys.current = keys;
          store.getState().saved(result, keys);
        },
        state: (state: SaveState) => {
          const s = store.getState();
          s.setSave(state);
          if (state.kind === 'refused') s.setServer(state.error.fields, state.keys);
        },
      }),
  );

  useEffect(() => buffer.attach(), [buffer]);
  useEffect(() => {
    if (!store.getState().outcome) saver.start();
    return () => {
      // Leaving the screen: what is on it goes to the desk (the request is on its way before stop).
      void saver.flush();
      saver.stop();
    };
  }, [saver, store]);

  // ------------------------------------------------------------------ opening

  /** A draft continues where it was left; a submitted order opens for a change (orders.amend). */
  const loadOrder = async (orderId: string) => {
    try {
      const got = await api.invoke('orders.get', { id: orderId });
      const c = await api.invoke('customers.get', { id: got.order.customer.id });
      const customer: CustomerPick = c;
      const isDraft = got.order.status === 'draft';
      const asAmend = !isDraft;
      const products = got.lines.map((l) => ({
        product: {
          id: l.productId,
          sku: l.sku,
          name: l.name,
          spec: l.spec,
          unit: l.unit,
          listPrice: l.listPrice,
          price: l.priceManual ? l.listPrice : l.unitPrice,
          taxRateBp: l.taxRateBp,
        } satisfies ProductPick,
        lineId: asAmend ? l.id : undefined,
        delivered: asAmend ? l.deliveredQty : undefined,
      }));
      const doc = fromDocument(got.document, customer, products);
      flushSync(() => {
        store.getState().load({
          mode: asAmend ? 'amend' : 'new',
          id: got.order.id,
          number: got.order.number,
          status: got.order.status,
          rowVersion: got.order.rowVersion,
          header: doc.header,
          lines: doc.lines,
          addresses: c.addresses,
          // The stored bill-to counts as filled in when it is the customer's default one.
          billToFilled: doc.header.billTo && doc.header.billTo === customerBillTo(c) ? doc.header.billTo : '',
          original: asAmend ? { header: doc.header, lines: doc.lines } : null,
        });
        store.getState().addLine();
      });
      saver.reset();
      const blank = store.getState().lines.find(isBlankLine);
      if (blank) focusLine(blank.key);
      // The desk's figures for the loaded draft (prices of the customer's group, discount issues).
      if (isDraft) void saver.flush();
    } catch (e) {
      toast.error(t('orders.entry.loadFailed', { message: e instanceof Error ? e.message : String(e) }));
    }
  };

  const offerDrafts = async () => {
    if (!user) return;
    const list = await api.invoke('orders.list', { status: ['draft'], mine: true, limit: 10, sort: 'created_desc' }).catch(() => null);
    const mine = list?.rows ?? [];
    const s = store.getState();
    if (mine.length && !s.header.customer && !s.header.customerText.trim()) setDrafts(mine);
  };

  useEffect(() => {
    if (params.id) void loadOrder(params.id);
    else void offerDrafts();
    // Once per opening of the screen.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const startNew = async () => {
    const s = store.getState();
    if (s.mode === 'amend' && !s.outcome) {
      const change = s.original ? amendInput(s.original, s.header, s.lines) : null;
      if (change && (change.header || change.lines) && Date.now() - newPressed.current > 3000) {
        newPressed.current = Date.now();
        toast.info(t('orders.entry.save.amend'));
        return;
      }
    }
    if (s.mode === 'new' && !s.outcome && s.header.customer) {
      await saver.flush();
      const number = store.getState().number;
      if (number) toast.info(t('orders.entry.draftKept', { number }));
    }
    setDuplicates(null);
    setDrafts(null);
    flushSync(() => store.getState().load(blankEntry()));
    saver.reset();
    lastKeys.current = [];
    focusPath('customerId');
  };

  // ------------------------------------------------------------------ moving through the form

  const focusOpenLine = () => {
    const s = store.getState();
    const blank = s.lines.find(isBlankLine);
    if (blank) {
      focusLine(blank.key);
      return;
    }
    let key = '';
    flushSync(() => {
      key = s.addLine();
    });
    focusLine(key);
  };

  const onCustomer = async (c: CustomerPick | null) => {
    const s = store.getState();
    const complete = () => {
      const h = store.getState().header;
      return !!(h.customer && h.recipient.trim() && h.shipPhone.trim() && h.street.trim() && h.warehouseId);
    };
    if (c) {
      s.setHeader({ customer: c, customerText: customerLabel(c) });
      const [detail, whs] = await Promise.all([
        api.invoke('customers.get', { id: c.id }).catch(() => null),
        // The defaults need the warehouses; a fast clerk may get here before they arrived.
        warehouses.length ? warehouses : api.invoke('warehouses.list', { activeOnly: true }).then((r) => r.rows, () => []),
      ]);
      if (detail) {
        const d = customerDefaults(detail, whs, localDate(DEFAULT_LEAD_DAYS, settings.data?.timeZone));
        flushSync(() => {
          const now = store.getState();
          // A bill-to the clerk typed stays; a blank one or the previous customer's is replaced.
          const next = withBillTo(d.header, now.header.billTo, now.billToFilled);
          store.setState({ addresses: d.addresses, billToFilled: next.filled });
          store.getState().setHeader(next.patch);
        });
      }
      saver.schedule();
    }
    if (complete()) focusOpenLine();
    else {
      const h = store.getState().header;
      const missing = !h.recipient.trim() ? 'shipTo.recipient' : !h.shipPhone.trim() ? 'shipTo.phone' : !h.street.trim() ? 'shipTo.street' : !h.warehouseId ? 'warehouseId' : 'contact.name';
      focusPath(missing);
    }
  };

  const onNextLine = (key: string) => {
    const s = store.getState();
    const i = s.lines.findIndex((l) => l.key === key);
    const next = s.lines[i + 1];
    if (next) {
      focusLine(next.key);
      return;
    }
    let added = '';
    flushSync(() => {
      added = s.addLine(key);
    });
    focusLine(added);
  };

  const onLinesDone = () => {
    if (store.getState().lines.some((l) => l.product)) focusSubmit();
  };

  const removeLine = (key: string) => {
    const s = store.getState();
    if (s.outcome) return;
    const index = s.lines.findIndex((l) => l.key === key);
    const line = s.lines[index];
    if (!line) return;
    let removed: ReturnType<typeof s.removeLine> = null;
    flushSync(() => {
      removed = s.removeLine(key);
    });
    if (!removed) return;
    const after = store.getState().lines;
    focusLine(after[Math.min(index, after.length - 1)].key);
    if (isBlankLine(line)) {
      store.setState({ removed: null });
      return;
    }
    toast.info(t('orders.entry.lineRemoved', { n: index + 1, sku: line.product?.sku ?? line.text }));
    saver.schedule();
  };

  const undoRemove = () => {
    const s = store.getState();
    const index = s.removed?.index ?? 0;
    let line: ReturnType<typeof s.undoRemove> = null;
    flushSync(() => {
      line = s.undoRemove();
    });
    if (!line) return;
    focusLine((line as { key: string }).key);
    toast.info(t('orders.entry.lineRestored', { n: index + 1 }));
    saver.schedule();
  };

  const suggestions = useSuggestions(id, lines);

  const addSuggestion = async (n: number) => {
    const sug = suggestions[n];
    const s = store.getState();
    if (!sug || s.outcome || !s.header.customer) return;
    buffer.hold();
    try {
      const found = await api.invoke('search.products', {
        q: sug.sku,
        limit: 5,
        priceGroupId: s.header.customer.priceGroupId ?? undefined,
        warehouseId: s.header.warehouseId || undefined,
      });
      const product = found.rows.find((p) => p.id === sug.productId);
      if (!product) return;
      const blank = store.getState().lines.find(isBlankLine);
      let key = blank?.key ?? '';
      flushSync(() => {
        if (blank) store.getState().setLine(blank.key, { product, text: product.sku });
        else key = store.getState().addLine(undefined, { product, text: product.sku });
      });
      focusLine(key, 'qty');
      saver.schedule();
    } finally {
      buffer.release();
    }
  };

  // ------------------------------------------------------------------ save and submit

  const save = async () => {
    const s = store.getState();
    if (s.outcome) return;
    if (s.mode === 'amend') {
      toast.info(t('orders.entry.amendHint'));
      return;
    }
    if (!s.header.customer) {
      toast.info(t('orders.entry.needCustomer'));
      focusPath('customerId');
      return;
    }
    if (s.save.kind === 'conflict') await saver.overwrite();
    else await saver.flush();
  };

  const showProblems = (count: number) => {
    toast.error(t('orders.entry.fixFirst', { count }));
    focusFirstError();
  };

  const submit = async (confirmDuplicate = false) => {
    const s = store.getState();
    if (busy || s.outcome) return;
    s.attempt();
    const problems = Object.keys(issues).length;
    if (problems) {
      showProblems(problems);
      return;
    }
    setBusy(true);
    try {
      if (s.mode === 'amend') await submitAmend();
      else await submitDraft(confirmDuplicate);
    } finally {
      setBusy(false);
    }
  };

  const submitDraft = async (confirmDuplicate: boolean) => {
    const saved = await saver.flush();
    const s = store.getState();
    if (!saved || s.rowVersion === undefined) {
      if (s.save.kind === 'refused') showProblems(s.save.error.fields.length);
      else if (s.save.kind === 'offline' || s.save.kind === 'conflict') toast.error(s.save.kind === 'offline' ? s.save.message : s.save.error.message);
      return;
    }
    try {
      const result = await api.invoke('orders.submit', { id: s.id, rowVersion: s.rowVersion, confirmDuplicate });
      setDuplicates(null);
      saver.stop();
      flushSync(() => store.getState().finish({ kind: 'submitted', result }));
      document.querySelector<HTMLElement>('.o-outcome')?.focus();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.code === 'order.duplicate') {
        const found = await api.invoke('orders.checkDuplicates', { id: s.id }).catch(() => null);
        setDuplicates(found?.duplicates.length ? found.duplicates : [{ id: '-', number: String(e.params.numbers ?? ''), status: 'submitted', reason: 'lines', submittedAt: null, total: 0, customerPo: null }]);
      } else if (e.code === 'validation.failed') {
        store.getState().setServer(e.fields, lastKeys.current);
        showProblems(e.fields.length);
      } else toast.error(e.message);
    }
  };

  const submitAmend = async () => {
    const s = store.getState();
    if (!s.original || s.rowVersion === undefined) return;
    const change = amendInput(s.original, s.header, s.lines);
    const keys = s.lines.filter((l) => l.product).map((l) => l.key);
    try {
      const result = await api.invoke('orders.amend', { orderId: s.id, rowVersion: s.rowVersion, ...change });
      flushSync(() => store.getState().finish({ kind: 'amended', result, number: s.number ?? '' }));
      document.querySelector<HTMLElement>('.o-outcome')?.focus();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.code === 'validation.failed') {
        store.getState().setServer(e.fields, keys, amendScreenPath);
        showProblems(e.fields.length);
      } else toast.error(e.message);
    }
  };

  // ------------------------------------------------------------------ keys

  const inEntry = () => !!(document.activeElement as HTMLElement | null)?.closest('.o-entry');
  // Once the order is submitted only the keys that lead on are shown.
  const editing = (label: string) => (locked ? undefined : label);
  const keys: KeyBinding[] = [
    { key: 'F2', label: 'orders.entry.key.new', run: () => void startNew(), inInputs: true },
    { key: 'Ctrl+S', label: mode === 'new' ? editing('orders.entry.key.save') : undefined, run: () => void save(), inInputs: true },
    { key: 'Ctrl+Enter', label: editing('orders.entry.key.submit'), run: () => void submit(), inInputs: true },
    { key: 'F4', label: editing('orders.entry.key.dropdown'), run: () => openSelect(), inInputs: true },
    { key: 'Alt+H', label: editing('orders.entry.key.header'), run: () => focusPath(mode === 'amend' ? 'contact.name' : 'customerId'), inInputs: true },
    { key: 'Alt+L', label: editing('orders.entry.key.lines'), run: focusOpenLine, inInputs: true },
    {
      key: 'Ctrl+Delete',
      label: editing('orders.entry.key.removeLine'),
      run: () => {
        const key = activeLineKey();
        if (key) removeLine(key);
      },
      inInputs: true,
    },
    ...(removed ? [{ key: 'Ctrl+Z', label: 'orders.entry.key.undo', run: undoRemove, inInputs: true }] : []),
    { key: 'Alt+1…5', label: editing('orders.entry.key.suggest'), run: () => {} },
    ...[1, 2, 3, 4, 5].map((n) => ({ key: `Alt+${n}`, run: () => void addSuggestion(n - 1), inInputs: true })),
    {
      key: 'Escape',
      label: editing('orders.entry.key.leave'),
      run: () => {
        if (inEntry()) focusScreen();
      },
      inInputs: true,
    },
    ...(number ? [{ key: 'Ctrl+P', label: 'orders.entry.key.print', run: () => void openPrint(), inInputs: true }] : []),
    ...(outcome ? [{ key: 'Alt+D', label: 'orders.entry.key.detail', run: () => go('orders.detail', { id }), inInputs: true }] : []),
  ];
  useKeys(keys);

  const openPrint = async () => {
    if (!store.getState().outcome) await saver.flush();
    setPrinting(true);
  };

  const summary = useMemo(() => {
    const withProduct = lines.filter((l) => l.product);
    return { count: withProduct.length, qty: withProduct.reduce((n, l) => n + (parseQuantity(l.qty).value ?? 0), 0) };
  }, [lines]);

  return (
    <IssuesContext.Provider value={issues}>
      <section
        className={`screen o-entry${locked ? ' o-locked' : ''}`}
        tabIndex={-1}
        aria-label={t('screen.orders.entry')}
        onBlur={() => {
          if (store.getState().mode === 'new' && !store.getState().outcome) saver.schedule();
        }}
      >
        <header className="screen-head o-head">
          <div className="o-title">
            <h1>{mode === 'amend' ? t('orders.entry.amendTitle') : t('screen.orders.entry')}</h1>
            <span className={`o-number mono${number ? '' : ' muted'}`} data-number="">
              {number ?? t('orders.entry.numberPending')}
            </span>
            {status ? <StatusBadge status={status} /> : null}
            <SaveStatus />
          </div>
          <div className="toolbar">
            {mode === 'new' ? (
              <Button onClick={() => void save()} keyHint="Ctrl+S" disabled={locked}>
                {t('orders.entry.saveDraft')}
              </Button>
            ) : null}
            <Button variant="primary" onClick={() => void submit()} keyHint="Ctrl+Enter" disabled={locked || busy}>
              {mode === 'amend' ? t('orders.entry.submitAmend') : t('orders.entry.submit')}
            </Button>
          </div>
        </header>
        {outcome ? <OutcomeBanner /> : null}
        {mode === 'amend' && !outcome ? <p className="notice o-notice">{t('orders.entry.amendHint')}</p> : null}
        <div className="o-body">
          <div className="o-main">
            <fieldset className="o-form" disabled={locked}>
              <HeaderForm
                buffer={buffer}
                warehouses={warehouses}
                onCustomer={onCustomer}
                onLeaveHeader={focusOpenLine}
                onCommit={() => saver.schedule()}
              />
              <LinesTable buffer={buffer} onNextLine={onNextLine} onLinesDone={onLinesDone} onRemove={removeLine} />
            </fieldset>
            <footer className="o-foot">
              <span className="o-hint">{t('orders.entry.hint')}</span>
              <span className="o-foot-count">{t('orders.lines.count', { n: summary.count, qty: formatInt(summary.qty) })}</span>
              <Button
                variant="primary"
                data-submit=""
                keyHint="Ctrl+Enter"
                disabled={locked || busy}
                onClick={() => void submit()}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && !e.altKey) {
                    // Enter here submits without a synthetic click.
                    e.preventDefault();
                    e.stopPropagation();
                    void submit();
                  }
                }}
              >
                {busy ? t('orders.entry.submitting') : mode === 'amend' ? t('orders.entry.submitAmend') : t('orders.entry.submit')}
              </Button>
            </footer>
          </div>
          <SidePanel suggestions={suggestions} />
        </div>
        {drafts ? (
          <ResumeDialog
            drafts={drafts}
            onResume={(orderId) => {
              setDrafts(null);
              void loadOrder(orderId);
            }}
            onNew={() => {
              setDrafts(null);
              setTimeout(() => focusPath('customerId'), 0);
            }}
          />
        ) : null}
        {duplicates ? (
          <DuplicateDialog
            matches={duplicates}
            onConfirm={() => {
              setDuplicates(null);
              void submit(true);
            }}
            onBack={() => setDuplicates(null)}
          />
        ) : null}
        {printing ? <PrintPreview orderId={id} onClose={() => setPrinting(false)} /> : null}
      </section>
    </IssuesContext.Provider>
  );
}

/** F4 on a select opens its list (lookups open their own). */
function openSelect() {
  const el = document.activeElement;
  if (el instanceof HTMLSelectElement) {
    try {
      el.showPicker();
    } catch {
      // Not every engine lets a page open a select's list.
    }
  }
}

/** Frequently bought together for the products on the order (this order's own lines are not history). */
function useSuggestions(id: string, lines: { product: { id: string } | null }[]) {
  const productIds = useMemo(() => [...new Set(lines.flatMap((l) => (l.product ? [l.product.id] : [])))].sort(), [lines]);
  const q = useQuery('orders.suggestions', { productIds, orderId: id, limit: 5 }, { enabled: productIds.length > 0 });
  return productIds.length ? (q.data?.rows ?? []) : [];
}

function SaveStatus() {
  const { t } = useTranslation();
  const save = useEntry((s) => s.save);
  const mode = useEntry((s) => s.mode);
  const outcome = useEntry((s) => s.outcome);
  if (outcome) return null;
  if (mode === 'amend') return <span className="o-save muted">{t('orders.entry.save.amend')}</span>;
  const text = (() => {
    switch (save.kind) {
      case 'idle':
        return t('orders.entry.save.idle');
      case 'pending':
        return t('orders.entry.save.pending');
      case 'saving':
        return t('orders.entry.save.saving');
      case 'saved':
        return t('orders.entry.save.saved', { time: localTime(save.at) });
      case 'offline':
        return t('orders.entry.save.offline', { message: save.message });
      case 'refused':
        return t('orders.entry.save.refused', { count: save.error.fields.length });
      case 'conflict':
        return t('orders.entry.save.conflict');
    }
  })();
  const tone = save.kind === 'saved' ? 'ok' : save.kind === 'offline' || save.kind === 'refused' || save.kind === 'conflict' ? 'bad' : 'muted';
  return (
    <span className={`o-save o-save-${tone}`} role="status" data-save={save.kind}>
      {text}
    </span>
  );
}
