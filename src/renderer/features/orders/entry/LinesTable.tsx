import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductHit } from '@shared/contract/masters';
import { ORDER_LIMITS } from '@shared/orders/schema';
import { api } from '../../../api/client';
import { useQuery } from '../../../api/hooks';
import { formatInt, formatMoney } from '../../../ui/format';
import { useFieldError } from './errors';
import { parseQuantity, yuanText } from './fields';
import { focusLine, type LineCol } from './focus';
import type { KeyBuffer } from './keybuffer';
import { Lookup } from './Lookup';
import { isBlankLine, lineFigures, linePath, type Line, type LineField, type ProductPick } from './model';
import { useEntry, useEntryStore } from './store';

interface Props {
  buffer: KeyBuffer;
  /** Enter after the last field of a line: the next line's product (a new line at the end). */
  onNextLine(key: string): void;
  /** Enter on an empty line: the footer (submit). */
  onLinesDone(): void;
  onRemove(key: string): void;
}

export type StockRow = { available: number; allocated: number; inTransit: number; inTransitEta: string | null; elsewhereAvailable: number };

/** The lines grid: product type-ahead, quantity, price, discount, amount and stock in the order's warehouse. */
export function LinesTable({ buffer, onNextLine, onLinesDone, onRemove }: Props) {
  const { t } = useTranslation();
  const lines = useEntry((s) => s.lines);
  const warehouseId = useEntry((s) => s.header.warehouseId);
  const priceGroupId = useEntry((s) => s.header.customer?.priceGroupId ?? null);
  const productIds = useMemo(() => [...new Set(lines.flatMap((l) => (l.product ? [l.product.id] : [])))].sort(), [lines]);
  const stock = useQuery('orders.stockForLines', { productIds, warehouseId: warehouseId || undefined }, { enabled: productIds.length > 0 });
  const byProduct = useMemo(() => new Map((stock.data?.rows ?? []).map((r) => [r.productId, r as StockRow])), [stock.data]);

  const search = async (q: string) =>
    (await api.invoke('search.products', { q, limit: 12, priceGroupId: priceGroupId ?? undefined, warehouseId: warehouseId || undefined })).rows;

  return (
    <div className="o-lines-wrap">
      <table className="o-lines">
        <colgroup>
          <col style={{ width: 34 }} />
          <col style={{ width: 160 }} />
          <col />
          <col style={{ width: 44 }} />
          <col style={{ width: 72 }} />
          <col style={{ width: 96 }} />
          <col style={{ width: 62 }} />
          <col style={{ width: 104 }} />
          <col style={{ width: 190 }} />
          <col style={{ width: 160 }} />
        </colgroup>
        <thead>
          <tr>
            <th className="num">{t('orders.lines.no')}</th>
            <th>{t('orders.lines.product')}</th>
            <th>{t('orders.lines.name')}</th>
            <th>{t('orders.lines.unit')}</th>
            <th className="num">{t('orders.lines.qty')}</th>
            <th className="num">{t('orders.lines.price')}</th>
            <th className="num">{t('orders.lines.discount')}</th>
            <th className="num">{t('orders.lines.amount')}</th>
            <th>{t('orders.lines.stock')}</th>
            <th>{t('orders.lines.params')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l, i) => (
            <LineRow
              key={l.key}
              line={l}
              n={i + 1}
              last={i === lines.length - 1}
              stock={l.product ? byProduct.get(l.product.id) : undefined}
              search={search}
              buffer={buffer}
              onNextLine={onNextLine}
              onLinesDone={onLinesDone}
              onRemove={onRemove}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface RowProps extends Omit<Props, 'onRemove'> {
  line: Line;
  n: number;
  last: boolean;
  stock: StockRow | undefined;
  search(q: string): Promise<ProductHit[]>;
  onRemove(key: string): void;
}

function LineRow({ line: l, n, stock, search, buffer, onNextLine, onLinesDone, onRemove }: RowProps) {
  const { t } = useTranslation();
  const store = useEntryStore();
  const mode = useEntry((s) => s.mode);
  const locked = useEntry((s) => !!s.outcome);
  const set = (patch: Partial<Line>) => store.getState().setLine(l.key, patch);
  const touch = (f: LineField) => store.getState().touch(linePath(l.key, f));
  const err = {
    product: useFieldError(linePath(l.key, 'productId')),
    qty: useFieldError(linePath(l.key, 'quantity')),
    price: useFieldError(linePath(l.key, 'unitPrice')),
    discount: useFieldError(linePath(l.key, 'discountBp')),
    params: useFieldError(linePath(l.key, 'customParams')),
  };
  const figures = lineFigures(l);
  const qty = parseQuantity(l.qty).value ?? 0;
  const short = !!(stock && l.product && qty > stock.available);
  const label = (col: string) => t('orders.lines.label', { n, col });
  const data = (col: LineCol) => ({ 'data-line': l.key, 'data-col': col });

  /** Enter in a plain cell: the next cell, or the next line after the last one. */
  const enter = (e: React.KeyboardEvent<HTMLInputElement>, field: LineField, next: LineCol | 'line') => {
    if (e.key !== 'Enter' || e.ctrlKey || e.altKey || e.metaKey) return;
    e.preventDefault();
    e.stopPropagation();
    touch(field);
    if (field === 'quantity') {
      const q = parseQuantity(e.currentTarget.value);
      if (q.issue || !q.value) {
        e.currentTarget.select();
        return;
      }
    }
    if (next === 'line') onNextLine(l.key);
    else focusLine(l.key, next);
  };

  const cellError = (message: string | null) => (message ? <div className="o-cell-error" role="alert">{message}</div> : null);

  return (
    <tr data-row={l.key} className={short ? 'o-short' : undefined}>
      <td className="num o-no">{n}</td>
      <td className={err.product ? 'has-error' : undefined}>
        <Lookup<ProductHit>
          label={label(t('orders.lines.product'))}
          text={l.text}
          onText={(v) => set(l.product && v !== l.product.sku ? { text: v, product: null } : { text: v })}
          picked={(l.product as ProductHit | null) ?? null}
          display={(p) => p.sku}
          itemKey={(p) => p.id}
          search={search}
          renderOption={(p) => (
            <span className="o-opt o-opt-product">
              <code>{p.sku}</code>
              <span>
                {p.name} <span className="muted">{p.spec ?? ''}</span>
              </span>
              <span className="num">{formatMoney(p.price)}</span>
              <span className={`num${p.available <= 0 ? ' o-neg' : ' muted'}`}>{formatInt(p.available)}</span>
            </span>
          )}
          onPick={(p: ProductPick) => {
            set({ product: p, text: p.sku });
            focusLine(l.key, 'qty');
          }}
          onEnterUnchanged={() => focusLine(l.key, 'qty')}
          onEnterEmpty={() => {
            if (isBlankLine(l)) onLinesDone();
          }}
          onNoMatch={() => touch('productId')}
          onDeleteEmpty={() => onRemove(l.key)}
          onBlur={() => {
            if (l.text.trim()) touch('productId');
          }}
          buffer={buffer}
          invalid={!!err.product}
          readOnly={locked || (mode === 'amend' && !!l.lineId)}
          placeholder={n === 1 ? t('orders.lines.productHint') : undefined}
          emptyText={t('orders.entry.noMatch')}
          data={data('product')}
          className="mono"
        />
        {cellError(err.product)}
      </td>
      <td className="o-name">
        {l.product ? (
          <>
            <span className="o-pname">{l.product.name}</span> <span className="muted">{l.product.spec ?? ''}</span>
          </>
        ) : null}
      </td>
      <td className="o-unit">{l.product?.unit ?? ''}</td>
      <td className={err.qty ? 'has-error' : undefined}>
        <input
          aria-label={label(t('orders.lines.qty'))}
          className="num"
          inputMode="numeric"
          value={l.qty}
          maxLength={9}
          readOnly={locked}
          aria-invalid={err.qty ? true : undefined}
          onChange={(e) => set({ qty: e.target.value })}
          onKeyDown={(e) => enter(e, 'quantity', 'line')}
          onBlur={() => {
            if (l.product) touch('quantity');
          }}
          {...data('qty')}
        />
        {l.delivered ? <div className="o-cell-note">{t('orders.lines.delivered', { n: l.delivered })}</div> : null}
        {cellError(err.qty)}
      </td>
      <td className={err.price ? 'has-error' : undefined}>
        <input
          aria-label={label(t('orders.lines.price'))}
          className="num o-prefilled"
          inputMode="decimal"
          value={l.price}
          placeholder={l.product ? yuanText(l.product.price) : ''}
          title={l.product && l.product.price !== l.product.listPrice ? t('orders.lines.listPrice', { price: formatMoney(l.product.listPrice) }) : undefined}
          readOnly={locked}
          aria-invalid={err.price ? true : undefined}
          onChange={(e) => set({ price: e.target.value })}
          onKeyDown={(e) => enter(e, 'unitPrice', 'discount')}
          onBlur={() => touch('unitPrice')}
          {...data('price')}
        />
        {cellError(err.price)}
      </td>
      <td className={err.discount ? 'has-error' : undefined}>
        <input
          aria-label={label(t('orders.lines.discount'))}
          className="num"
          inputMode="decimal"
          value={l.discount}
          readOnly={locked}
          aria-invalid={err.discount ? true : undefined}
          onChange={(e) => set({ discount: e.target.value })}
          onKeyDown={(e) => enter(e, 'discountBp', 'params')}
          onBlur={() => touch('discountBp')}
          {...data('discount')}
        />
        {cellError(err.discount)}
      </td>
      <td className="num o-amount">{figures && qty ? formatMoney(figures.amount) : ''}</td>
      <td className="o-stock">{l.product ? <StockCell stock={stock} short={short} qty={qty} /> : null}</td>
      <td className={err.params ? 'has-error' : undefined}>
        <input
          aria-label={label(t('orders.lines.params'))}
          value={l.params}
          maxLength={ORDER_LIMITS.customParams}
          readOnly={locked}
          aria-invalid={err.params ? true : undefined}
          onChange={(e) => set({ params: e.target.value })}
          onKeyDown={(e) => enter(e, 'customParams', 'line')}
          onBlur={() => touch('customParams')}
          {...data('params')}
        />
        {cellError(err.params)}
      </td>
    </tr>
  );
}

function StockCell({ stock, short, qty }: { stock: StockRow | undefined; short: boolean; qty: number }) {
  const { t } = useTranslation();
  if (!stock) return <span className="muted">…</span>;
  const title = [
    stock.inTransitEta ? t('orders.lines.eta', { date: stock.inTransitEta }) : '',
    stock.elsewhereAvailable > 0 ? t('orders.lines.elsewhere', { n: formatInt(stock.elsewhereAvailable) }) : '',
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <span className="o-stockfig" title={title || undefined}>
      <b className={short ? 'o-neg' : undefined}>{formatInt(stock.available)}</b>
      <span className="muted">/</span>
      <span>{formatInt(stock.allocated)}</span>
      <span className="muted">/</span>
      <span>{formatInt(stock.inTransit)}</span>
      {short ? <span className="badge danger">{t('orders.lines.short', { n: formatInt(qty - Math.max(0, stock.available)) })}</span> : null}
      {short && stock.elsewhereAvailable > 0 ? <span className="o-elsewhere">{t('orders.lines.elsewhere', { n: formatInt(stock.elsewhereAvailable) })}</span> : null}
    </span>
  );
}
