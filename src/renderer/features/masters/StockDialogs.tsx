import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { stockMoveInput, stockSetInput, type ProductHit, type StockRow } from '@shared/contract/masters';
import { api, ApiError, type Input } from '../../api/client';
import { useMutation } from '../../api/hooks';
import { toast } from '../../app/toasts';
import { Combobox } from '../../ui/Combobox';
import { SelectField, TextField } from '../../ui/Field';
import { formatInt } from '../../ui/format';
import { EditDialog } from './components/EditDialog';
import { FormNotices } from './components/FormNotices';
import { focusFirstError } from './focus';
import { opt, parseWhole, schemaIssues, type Issues } from './forms';
import { useOptions, useWarehouses } from './refs';
import { useFormErrors } from './useFormErrors';

/** Bins up to this many are offered in a list; beyond it the clerk types the code. */
const BIN_SELECT_MAX = 500;

interface SetDraft {
  onHand: string;
  inTransit: string;
  inTransitEta: string;
  safetyStock: string;
  binCode: string;
}

const count = (n: number | undefined) => (n === undefined ? '' : String(n));

/**
 * Counted figures of one product in one warehouse (stock.set). Editing a row sends only what
 * changed, so a receipt booked meanwhile by someone else is not overwritten with a stale figure.
 * Without a row, the clerk picks the product and warehouse (the row is created).
 */
export function StockSetDialog({ row, warehouseId, onClose }: { row?: StockRow; warehouseId?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const s = (k: string) => t(`masters.stock.${k}`);
  const warehouses = useWarehouses();
  const warehouseOptions = useOptions(warehouses?.filter((w) => w.active || w.id === row?.warehouseId), t('masters.choose'));
  const [product, setProduct] = useState<ProductHit | null>(null);
  const [pair, setPair] = useState({ warehouseId: row?.warehouseId ?? warehouseId ?? '' });
  const original: SetDraft = {
    onHand: count(row?.onHand),
    inTransit: count(row?.inTransit),
    inTransitEta: row?.inTransitEta ?? '',
    safetyStock: count(row?.safetyStock),
    binCode: row?.binCode ?? '',
  };
  const [draft, setDraft] = useState<SetDraft>(original);
  const save = useMutation('stock.set');

  const { input, issues } = useMemo(() => {
    const conv: Issues = {};
    const num = (k: 'onHand' | 'inTransit' | 'safetyStock') => {
      if (row && draft[k] === original[k]) return undefined;
      const r = parseWhole(draft[k], 'stock.count');
      if (r.issue) conv[k] = r.issue;
      return r.value;
    };
    const changed = (k: 'inTransitEta' | 'binCode') => (!row || draft[k] !== original[k] ? (draft[k].trim() ? draft[k].trim() : row ? null : undefined) : undefined);
    const value: Input<'stock.set'> = {
      productId: row?.productId ?? product?.id ?? '',
      warehouseId: pair.warehouseId,
      onHand: num('onHand'),
      inTransit: num('inTransit'),
      inTransitEta: changed('inTransitEta'),
      safetyStock: num('safetyStock'),
      binCode: changed('binCode'),
    };
    return { input: value, issues: { ...schemaIssues(stockSetInput, value), ...conv } };
    // original is derived from row.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draft, row, product, pair]);
  const form = useFormErrors(issues);

  const warehouse = warehouses?.find((w) => w.id === pair.warehouseId);
  const bins = warehouse?.bins ?? [];
  const field = (k: keyof SetDraft) => ({
    value: draft[k],
    onChange: (v: string) => {
      setDraft({ ...draft, [k]: v });
      form.edited(k);
    },
    onBlur: () => form.blur(k),
    error: form.error(k),
  });

  const submit = async () => {
    if (save.busy) return;
    if (!form.submit()) {
      focusFirstError();
      return;
    }
    try {
      const r = await save.run(input);
      toast.success(t('masters.stock.saved', { sku: r.sku, warehouse: r.warehouseName }));
      onClose();
    } catch (e) {
      if (e instanceof ApiError) {
        form.fromServer(e);
        focusFirstError();
      } else toast.error(String(e));
    }
  };

  const searchProducts = async (q: string) => (q.trim() ? (await api.invoke('search.products', { q, limit: 20 })).rows : []);
  const unplaced = form.unplaced((p) => /^(productId|warehouseId|onHand|inTransit|inTransitEta|safetyStock|binCode)$/.test(p));

  return (
    <EditDialog
      title={row ? s('setTitle') : s('newTitle')}
      onClose={onClose}
      onSave={submit}
      saving={save.busy}
      top={
        <>
          {row ? <StockFacts row={row} /> : null}
          <FormNotices error={save.error} unplaced={unplaced} />
        </>
      }
    >
      <div className="form-grid cols-2">
        {row ? null : (
          <>
            <Combobox<ProductHit>
              label={s('product')}
              value={product}
              display={(p) => `${p.sku} ${p.name}`}
              itemKey={(p) => p.id}
              search={searchProducts}
              onSelect={(p) => {
                setProduct(p);
                form.edited('productId');
              }}
              renderOption={(p) => (
                <span className="opt">
                  <code>{p.sku}</code>
                  <span>{p.name}</span>
                  <span className="muted">{p.spec ?? ''}</span>
                </span>
              )}
              error={form.error('productId')}
              required
              span={2}
              placeholder={t('masters.product.searchHint')}
              emptyText={t('masters.noMatchShort')}
            />
            <SelectField
              label={s('warehouse')}
              value={pair.warehouseId}
              onChange={(v) => {
                setPair({ warehouseId: v });
                form.edited('warehouseId');
              }}
              onBlur={() => form.blur('warehouseId')}
              options={warehouseOptions}
              error={form.error('warehouseId')}
              required
              span={2}
            />
          </>
        )}
        <TextField label={s('onHand')} {...field('onHand')} inputMode="numeric" className="num" data-autofocus={row ? '' : undefined} />
        <TextField label={s('safetyStock')} {...field('safetyStock')} inputMode="numeric" className="num" />
        <TextField label={s('inTransit')} {...field('inTransit')} inputMode="numeric" className="num" />
        <TextField label={s('eta')} {...field('inTransitEta')} placeholder="YYYY-MM-DD" className="mono" />
        {bins.length && bins.length <= BIN_SELECT_MAX ? (
          <SelectField
            label={s('bin')}
            value={draft.binCode}
            onChange={(v) => field('binCode').onChange(v)}
            options={[{ value: '', label: t('masters.none') }, ...bins.map((b) => ({ value: b, label: b }))]}
            error={form.error('binCode')}
          />
        ) : (
          <TextField label={s('bin')} {...field('binCode')} className="mono" hint={warehouse ? t('masters.stock.binCount', { n: bins.length }) : undefined} />
        )}
      </div>
    </EditDialog>
  );
}

/** The row's figures, so the clerk sees what a count or a move changes. */
function StockFacts({ row, after }: { row: StockRow; after?: number | null }) {
  const { t } = useTranslation();
  const s = (k: string) => t(`masters.stock.${k}`);
  const available = after === undefined || after === null ? null : after - row.allocated;
  return (
    <dl className="facts">
      <div className="wide">
        <dt>{s('product')}</dt>
        <dd>
          <code>{row.sku}</code> {row.productName} <span className="muted">{row.spec ?? ''}</span>
        </dd>
      </div>
      <div>
        <dt>{s('warehouse')}</dt>
        <dd>{row.warehouseName}</dd>
      </div>
      <div>
        <dt>{s('onHand')}</dt>
        <dd className="num">
          {formatInt(row.onHand)}
          {after !== undefined && after !== null ? <span className={after < row.allocated ? 'neg' : 'next'}> → {formatInt(after)}</span> : null}
        </dd>
      </div>
      <div>
        <dt>{s('allocated')}</dt>
        <dd className="num">{formatInt(row.allocated)}</dd>
      </div>
      <div>
        <dt>{s('available')}</dt>
        <dd className={`num${row.short ? ' neg' : ''}`}>
          {formatInt(row.available)}
          {available !== null ? <span className={available < 0 ? 'neg' : 'next'}> → {formatInt(available)}</span> : null}
        </dd>
      </div>
    </dl>
  );
}

const MOVE_KINDS = ['receipt', 'issue', 'adjust'] as const;
type MoveKind = (typeof MOVE_KINDS)[number];

/**
 * Receipt, issue or adjustment of one stock row (stock.move). The desk refuses an issue that would
 * leave less on hand than is allocated; the refusal is shown here, with nothing lost.
 */
export function StockMoveDialog({ row, onClose }: { row: StockRow; onClose: () => void }) {
  const { t } = useTranslation();
  const s = (k: string) => t(`masters.stock.${k}`);
  const [kind, setKind] = useState<MoveKind>('receipt');
  const [quantity, setQuantity] = useState('');
  const [reference, setReference] = useState('');
  const move = useMutation('stock.move');

  const { input, issues, after } = useMemo(() => {
    const conv: Issues = {};
    const q = parseWhole(quantity, 'v.quantity', kind === 'adjust');
    if (q.issue) conv.quantity = q.issue;
    // An adjustment must say why: the audit trail is only as good as its reasons.
    if (kind === 'adjust' && !reference.trim()) conv.reference = { code: 'v.required' };
    const value: Input<'stock.move'> = { productId: row.productId, warehouseId: row.warehouseId, kind, quantity: q.value as number, reference: opt(reference) };
    const delta = q.value === undefined ? null : kind === 'issue' ? -q.value : q.value;
    return {
      input: value,
      issues: { ...schemaIssues(stockMoveInput, value), ...conv },
      after: delta === null ? null : row.onHand + delta,
    };
  }, [kind, quantity, reference, row]);
  const form = useFormErrors(issues);

  const submit = async () => {
    if (move.busy) return;
    if (!form.submit()) {
      focusFirstError();
      return;
    }
    try {
      const r = await move.run(input);
      toast.success(t('masters.stock.moved', { sku: r.sku, onHand: formatInt(r.onHand) }));
      onClose();
    } catch (e) {
      if (e instanceof ApiError) {
        form.fromServer(e);
        focusFirstError();
      } else toast.error(String(e));
    }
  };

  return (
    <EditDialog
      title={s('moveTitle')}
      onClose={onClose}
      onSave={submit}
      saving={move.busy}
      saveLabel={s(`move.${kind}`)}
      top={
        <>
          <StockFacts row={row} after={after} />
          <FormNotices error={move.error} unplaced={form.unplaced((p) => /^(kind|quantity|reference)$/.test(p))} />
        </>
      }
    >
      <div className="form-grid cols-2">
        <SelectField
          label={s('moveKind')}
          value={kind}
          onChange={(v) => {
            setKind(v as MoveKind);
            form.edited('kind');
            form.edited('quantity');
          }}
          options={MOVE_KINDS.map((k) => ({ value: k, label: s(`move.${k}`) }))}
          error={form.error('kind')}
        />
        <TextField
          label={kind === 'adjust' ? s('adjustQuantity') : s('quantity')}
          value={quantity}
          onChange={(v) => {
            setQuantity(v);
            form.edited('quantity');
          }}
          onBlur={() => form.blur('quantity')}
          error={form.error('quantity')}
          inputMode="numeric"
          className="num"
          hint={kind === 'adjust' ? s('adjustHint') : undefined}
        />
        <TextField
          label={kind === 'adjust' ? s('reason') : s('reference')}
          value={reference}
          onChange={(v) => {
            setReference(v);
            form.edited('reference');
          }}
          onBlur={() => form.blur('reference')}
          error={form.error('reference')}
          required={kind === 'adjust'}
          span={2}
          placeholder={s(kind === 'adjust' ? 'reasonHint' : 'referenceHint')}
        />
      </div>
    </EditDialog>
  );
}
