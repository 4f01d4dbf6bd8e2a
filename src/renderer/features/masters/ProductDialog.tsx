import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { productSaveInput, type ProductDetail } from '@shared/contract/masters';
import { MASTER_EDITORS } from '@shared/roles';
import { ApiError, type Input } from '../../api/client';
import { useMutation, useQuery } from '../../api/hooks';
import { hasRole, useSession } from '../../app/session';
import { toast } from '../../app/toasts';
import { Dialog } from '../../ui/Dialog';
import { CheckField, TextArea, TextField } from '../../ui/Field';
import { EditDialog } from './components/EditDialog';
import { FormNotices } from './components/FormNotices';
import { CellInput, CellSelect, SubTable } from './components/SubTable';
import { useDrafts, useStoredDraft } from './drafts';
import { focusFirstError } from './focus';
import { bpText, opt, parsePercentBp, parseYuan, schemaIssues, yuanText, type Issues } from './forms';
import { useOptions, usePriceGroups } from './refs';
import { useFormErrors } from './useFormErrors';

interface PriceDraft {
  priceGroupId: string;
  price: string;
}

export interface ProductDraft {
  id?: string;
  sku: string;
  name: string;
  spec: string;
  unit: string;
  category: string;
  /** Yuan, as typed. */
  listPrice: string;
  /** Percent, as typed ("13"). */
  taxRate: string;
  barcode: string;
  makeToOrder: boolean;
  bomNote: string;
  active: boolean;
  prices: PriceDraft[];
}

const emptyProduct = (): ProductDraft => ({
  sku: '',
  name: '',
  spec: '',
  unit: '',
  category: '',
  listPrice: '',
  taxRate: '13',
  barcode: '',
  makeToOrder: false,
  bomNote: '',
  active: true,
  prices: [],
});

function fromDetail(p: ProductDetail): ProductDraft {
  return {
    id: p.id,
    sku: p.sku,
    name: p.name,
    spec: p.spec ?? '',
    unit: p.unit,
    category: p.category ?? '',
    listPrice: yuanText(p.listPrice),
    taxRate: bpText(p.taxRateBp),
    barcode: p.barcode ?? '',
    makeToOrder: p.makeToOrder,
    bomNote: p.bomNote ?? '',
    active: p.active,
    prices: p.prices.map((x) => ({ priceGroupId: x.priceGroupId, price: yuanText(x.price) })),
  };
}

/** The save input of a draft and every problem in it, by path. */
export function productIssues(d: ProductDraft): { input: Input<'products.save'>; issues: Issues } {
  const conv: Issues = {};
  const list = parseYuan(d.listPrice);
  if (list.issue) conv.listPrice = list.issue;
  const tax = parsePercentBp(d.taxRate);
  if (tax.issue) conv.taxRateBp = tax.issue;
  const prices = d.prices.map((p, i) => {
    const v = parseYuan(p.price);
    if (v.issue) conv[`prices.${i}.price`] = v.issue;
    return { priceGroupId: p.priceGroupId, price: v.value as number };
  });
  const input = {
    id: d.id,
    sku: d.sku,
    name: d.name,
    spec: opt(d.spec),
    unit: d.unit,
    category: opt(d.category),
    listPrice: list.value as number,
    taxRateBp: tax.value,
    barcode: opt(d.barcode),
    makeToOrder: d.makeToOrder,
    bomNote: opt(d.bomNote),
    active: d.active,
    prices,
  };
  return { input, issues: { ...schemaIssues(productSaveInput, input), ...conv } };
}

const FIELD_PATH = /^(sku|name|spec|unit|category|listPrice|taxRateBp|barcode|bomNote|prices|prices\.\d+\.\w+)$/;

export function ProductDialog({ id, onClose }: { id?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const key = `product:${id ?? 'new'}`;
  const stored = useStoredDraft<ProductDraft>(key);
  const detail = useQuery('products.get', { id: id ?? '-' }, { enabled: Boolean(id) && !stored });
  const base = useMemo(() => (id ? (detail.data ? fromDetail(detail.data) : null) : emptyProduct()), [id, detail.data]);
  const draft = stored ?? base;
  if (!draft) {
    return (
      <Dialog title={t('masters.product.edit')} onClose={onClose}>
        {detail.error ? <div className="form-error">{detail.error.message}</div> : <p className="muted">{t('common.loading')}</p>}
      </Dialog>
    );
  }
  return <ProductForm draftKey={key} draft={draft} restored={Boolean(stored)} onClose={onClose} />;
}

function ProductForm({ draftKey, draft, restored, onClose }: { draftKey: string; draft: ProductDraft; restored: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const user = useSession((s) => s.user);
  const canEdit = hasRole(user, MASTER_EDITORS);
  const put = useDrafts((s) => s.put);
  const drop = useDrafts((s) => s.drop);
  const save = useMutation('products.save');
  const groups = useOptions(usePriceGroups(), t('masters.choose'));
  const { input, issues } = useMemo(() => productIssues(draft), [draft]);
  const form = useFormErrors(issues);
  const p = (k: string) => t(`masters.product.${k}`);

  const update = (next: ProductDraft, path: string) => {
    put(draftKey, next);
    form.edited(path);
  };
  const set = <K extends keyof ProductDraft>(k: K, v: ProductDraft[K]) => update({ ...draft, [k]: v }, k === 'taxRate' ? 'taxRateBp' : k);
  const text = (k: 'sku' | 'name' | 'spec' | 'unit' | 'category' | 'listPrice' | 'taxRate' | 'barcode' | 'bomNote') => {
    const path = k === 'taxRate' ? 'taxRateBp' : k;
    return { value: draft[k], onChange: (v: string) => set(k, v), onBlur: () => form.blur(path), error: form.error(path) };
  };
  const setPrice = (i: number, patch: Partial<PriceDraft>, field: string) =>
    update({ ...draft, prices: draft.prices.map((x, j) => (j === i ? { ...x, ...patch } : x)) }, `prices.${i}.${field}`);

  const submit = async () => {
    if (save.busy) return;
    if (!form.submit()) {
      focusFirstError();
      return;
    }
    try {
      await save.run(input);
      drop(draftKey);
      toast.success(t('masters.product.saved', { sku: draft.sku.trim() }));
      onClose();
    } catch (e) {
      if (e instanceof ApiError) {
        form.fromServer(e);
        focusFirstError();
      } else toast.error(String(e));
    }
  };
  const unplaced = form.unplaced((x) => FIELD_PATH.test(x));

  return (
    <EditDialog
      title={draft.id ? t('masters.product.editTitle', { sku: draft.sku, name: draft.name }) : t('masters.product.new')}
      wide
      rows
      onClose={onClose}
      onSave={submit}
      saving={save.busy}
      readOnly={!canEdit}
      top={<FormNotices draftKey={draftKey} restored={restored} error={save.error} unplaced={unplaced} />}
    >
      <div className="form-grid cols-4">
        <TextField label={p('sku')} {...text('sku')} required data-autofocus={!draft.id ? '' : undefined} className="mono" />
        <TextField label={p('name')} {...text('name')} required span={2} data-autofocus={draft.id ? '' : undefined} />
        <TextField label={p('category')} {...text('category')} />
        <TextField label={p('spec')} {...text('spec')} span={2} />
        <TextField label={p('unit')} {...text('unit')} required placeholder={p('unitHint')} />
        <TextField label={p('barcode')} {...text('barcode')} className="mono" />
        <TextField label={p('listPrice')} {...text('listPrice')} required inputMode="decimal" className="num" placeholder="0.00" />
        <TextField label={p('taxRate')} {...text('taxRate')} inputMode="decimal" className="num" />
        <CheckField label={p('makeToOrder')} checked={draft.makeToOrder} onChange={(v) => set('makeToOrder', v)} />
        <CheckField label={t('common.active')} checked={draft.active} onChange={(v) => set('active', v)} />
        <TextArea label={p('bomNote')} {...text('bomNote')} span={4} placeholder={p('bomHint')} />
      </div>
      <SubTable<PriceDraft>
        title={p('prices')}
        rows={draft.prices}
        max={100}
        error={form.error('prices')}
        emptyText={p('prices.empty')}
        onAdd={() => update({ ...draft, prices: [...draft.prices, { priceGroupId: '', price: '' }] }, 'prices')}
        onRemove={(i) => {
          form.removedRow('prices', i);
          update({ ...draft, prices: draft.prices.filter((_, j) => j !== i) }, 'prices');
        }}
        columns={[
          {
            key: 'group',
            header: p('priceGroup'),
            width: '50%',
            required: true,
            cell: (row, i) => (
              <CellSelect
                label={`${p('prices')} ${i + 1} ${p('priceGroup')}`}
                value={row.priceGroupId}
                options={groups}
                onChange={(v) => setPrice(i, { priceGroupId: v }, 'priceGroupId')}
                onBlur={() => form.blur(`prices.${i}.priceGroupId`)}
                error={form.error(`prices.${i}.priceGroupId`)}
              />
            ),
          },
          {
            key: 'price',
            header: p('groupPrice'),
            required: true,
            cell: (row, i) => (
              <CellInput
                label={`${p('prices')} ${i + 1} ${p('groupPrice')}`}
                value={row.price}
                align="right"
                inputMode="decimal"
                onChange={(v) => setPrice(i, { price: v }, 'price')}
                onBlur={() => form.blur(`prices.${i}.price`)}
                error={form.error(`prices.${i}.price`)}
              />
            ),
          },
        ]}
      />
    </EditDialog>
  );
}
