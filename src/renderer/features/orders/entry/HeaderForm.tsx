import { useTranslation } from 'react-i18next';
import type { CustomerHit } from '@shared/contract/masters';
import { DELIVERY_METHODS, ORDER_CHANNELS, ORDER_LIMITS, ORDER_PRIORITIES, ORDER_TYPES, PAYMENT_METHODS } from '@shared/orders/schema';
import { api } from '../../../api/client';
import { focusNext } from '../../../app/keyboard';
import { CheckField, Field, SelectField, TextField } from '../../../ui/Field';
import { formatMoney } from '../../../ui/format';
import { useFieldError } from './errors';
import type { KeyBuffer } from './keybuffer';
import { Lookup } from './Lookup';
import { addressFields, customerLabel, HEADER_PATHS, type CustomerPick, type Header, type HeaderKey } from './model';
import { useEntry, useEntryStore } from './store';

interface Props {
  buffer: KeyBuffer;
  warehouses: { id: string; code: string; name: string }[];
  /** The customer was taken from the list (the screen fills the defaults and moves on); null: Enter on the same one. */
  onCustomer(c: CustomerPick | null): Promise<void>;
  /** Enter on the last header field. */
  onLeaveHeader(): void;
  onCommit(): void;
}

/** Fields that only a new order may change (an amendment keeps them). */
const NEW_ONLY: ReadonlySet<HeaderKey> = new Set(['customer', 'channel', 'orderType', 'priority', 'termsDays', 'warehouseId']);

/** The order header: customer first, then contact, ship-to, bill-to, delivery, terms and dates; Enter walks through them. */
export function HeaderForm({ buffer, warehouses, onCustomer, onLeaveHeader, onCommit }: Props) {
  const { t } = useTranslation();
  const store = useEntryStore();
  const h = useEntry((s) => s.header);
  const addresses = useEntry((s) => s.addresses);
  const mode = useEntry((s) => s.mode);
  const locked = useEntry((s) => !!s.outcome);
  const customerError = useFieldError('customerId');

  const fixed = (k: HeaderKey) => locked || (mode === 'amend' && NEW_ONLY.has(k));
  const set = (patch: Partial<Header>) => store.getState().setHeader(patch);

  /** Props of a text field bound to one header value. */
  const text = (key: HeaderKey, label: string, extra: Record<string, unknown> = {}) => {
    const path = HEADER_PATHS[key] ?? key;
    return {
      label,
      value: String(h[key] ?? ''),
      onChange: (v: string) => set({ [key]: v } as Partial<Header>),
      onBlur: () => store.getState().touch(path),
      'data-path': path,
      readOnly: fixed(key),
      ...extra,
    };
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Enter' || e.ctrlKey || e.altKey || e.metaKey || e.shiftKey) return;
    const el = e.target as HTMLElement;
    if (!el.hasAttribute('data-nav') || el.getAttribute('role') === 'combobox') return;
    e.preventDefault();
    const root = e.currentTarget;
    if (!focusNext(el, root)) onLeaveHeader();
  };

  const searchCustomers = async (q: string) => (await api.invoke('search.customers', { q, limit: 12 })).rows;
  const option = (v: string, label: string) => ({ value: v, label });

  /** Props of a select bound to one header value, each value labelled by the message `${prefix}${value}`. */
  const choice = <K extends 'channel' | 'orderType' | 'priority' | 'deliveryMethod'>(key: K, label: string, values: readonly Header[K][], prefix: string) => ({
    label,
    value: h[key],
    onChange: (v: string) => {
      set({ [key]: v } as Partial<Header>);
      onCommit();
    },
    options: values.map((c) => option(c, t(`${prefix}${c}`))),
    disabled: fixed(key),
  });

  return (
    <div className="o-header" onKeyDown={onKeyDown}>
      <div className="o-hgrid">
        <Field label={t('orders.f.customer')} required error={customerError} span={3}>
          {(id, describedBy) => (
            <Lookup<CustomerHit>
              id={id}
              label={t('orders.f.customer')}
              text={h.customerText}
              onText={(v) => set(h.customer && v !== customerLabel(h.customer) ? { customerText: v, customer: null } : { customerText: v })}
              picked={(h.customer as CustomerHit | null) ?? null}
              display={customerLabel}
              itemKey={(c) => c.id}
              search={searchCustomers}
              renderOption={(c) => (
                <span className="o-opt">
                  <code>{c.code}</code>
                  <span>{c.name}</span>
                  <span className="muted">{c.creditLimit > 0 ? `${t('orders.side.credit')} ${formatMoney(c.creditLimit)}` : ''}</span>
                </span>
              )}
              onPick={(c) => onCustomer(c)}
              onEnterUnchanged={() => void onCustomer(null)}
              onBlur={() => {
                if (store.getState().header.customerText.trim()) store.getState().touch('customerId');
              }}
              buffer={buffer}
              invalid={!!customerError}
              describedBy={describedBy}
              readOnly={fixed('customer')}
              placeholder={t('orders.f.customerHint')}
              emptyText={t('orders.entry.noMatch')}
              data={{ 'data-nav': '', 'data-path': 'customerId' }}
              autoFocus={mode === 'new' && !h.customer}
            />
          )}
        </Field>
        <HText {...text('contactName', t('orders.f.contactName'), { maxLength: ORDER_LIMITS.name })} />
        <HText {...text('contactPhone', t('orders.f.contactPhone'), { maxLength: ORDER_LIMITS.phone, className: 'mono' })} />
        <HText {...text('customerPo', t('orders.f.customerPo'), { maxLength: ORDER_LIMITS.customerPo, className: 'mono' })} />
        <SelectField {...choice('channel', t('orders.f.channel'), ORDER_CHANNELS, 'orders.channel.')} />
        <SelectField {...choice('orderType', t('orders.f.orderType'), ORDER_TYPES, 'orders.type.')} />

        <SelectField
          label={t('orders.f.address')}
          span={3}
          value={h.addressId}
          onChange={(v) => {
            const a = addresses.find((x) => x.id === v) ?? null;
            set(a ? addressFields(a) : { addressId: '', recipient: '', shipPhone: '', province: '', city: '', district: '', street: '', postcode: '' });
            onCommit();
          }}
          options={[
            ...addresses.map((a) =>
              option(
                a.id,
                `${a.isDefault ? `[${t('orders.f.addressDefault')}] ` : ''}${a.label ? `${a.label} · ` : ''}${a.recipient} ${a.phone} ${a.province}${a.city === a.province ? '' : a.city}${a.district}${a.street}`,
              ),
            ),
            option('', t('orders.f.addressNew')),
          ]}
          disabled={locked}
          data-path="shipTo.addressId"
        />
        <HText {...text('recipient', t('orders.f.recipient'), { required: true, maxLength: ORDER_LIMITS.name })} />
        <HText {...text('shipPhone', t('orders.f.shipPhone'), { required: true, maxLength: ORDER_LIMITS.phone, className: 'mono' })} />
        <HText {...text('province', t('orders.f.province'), { required: true, maxLength: ORDER_LIMITS.province })} />
        <HText {...text('city', t('orders.f.city'), { required: true, maxLength: ORDER_LIMITS.city })} />
        <HText {...text('district', t('orders.f.district'), { required: true, maxLength: ORDER_LIMITS.district })} />

        <HText {...text('street', t('orders.f.street'), { required: true, span: 3, maxLength: ORDER_LIMITS.street })} />
        <HText {...text('postcode', t('orders.f.postcode'), { maxLength: ORDER_LIMITS.postcode, className: 'mono' })} />
        <HText {...text('billTo', t('orders.f.billTo'), { span: 3, maxLength: ORDER_LIMITS.billTo, placeholder: t('orders.f.billToHint'), title: t('orders.f.billToHint') })} />
        <SelectField {...choice('deliveryMethod', t('orders.f.deliveryMethod'), DELIVERY_METHODS, 'orders.delivery.')} data-path="deliveryMethod" />
        <SelectField {...choice('priority', t('orders.f.priority'), ORDER_PRIORITIES, 'orders.priority.')} />
        <SelectField
          label={t('orders.f.paymentMethod')}
          value={h.paymentMethod}
          onChange={(v) => {
            const method = v as Header['paymentMethod'];
            const terms = method === 'cash' ? '0' : String(h.customer?.paymentTermsDays || h.termsDays || '0');
            set(mode === 'amend' ? { paymentMethod: method } : { paymentMethod: method, termsDays: terms });
            onCommit();
          }}
          options={PAYMENT_METHODS.map((c) => option(c, t(`orders.payment.${c}`)))}
          disabled={locked}
        />
        <HText {...text('termsDays', t('orders.f.termsDays'), { className: 'num', inputMode: 'numeric', maxLength: 3 })} />
        <SelectField
          label={t('orders.f.warehouse')}
          value={h.warehouseId}
          onChange={(v) => {
            set({ warehouseId: v });
            onCommit();
          }}
          options={[option('', '—'), ...warehouses.map((w) => option(w.id, `${w.code} ${w.name}`))]}
          disabled={fixed('warehouseId')}
          data-path="warehouseId"
        />

        <HText {...text('requestedDate', t('orders.f.requestedDate'), { className: 'mono', placeholder: t('orders.f.datePlaceholder'), maxLength: 10 })} />
        <HText {...text('promisedDate', t('orders.f.promisedDate'), { className: 'mono', placeholder: t('orders.f.datePlaceholder'), maxLength: 10 })} />
        <HText {...text('notes', t('orders.f.notes'), { span: 2, maxLength: ORDER_LIMITS.notes })} />
        <CheckField
          span={2}
          label={t('orders.f.customRequired')}
          checked={h.customRequired}
          onChange={(v) => {
            if (locked) return;
            set({ customRequired: v });
            onCommit();
          }}
        />
        <HText {...text('customText', t('orders.f.customText'), { span: mode === 'amend' ? 2 : 4, maxLength: ORDER_LIMITS.customText, required: h.customRequired })} />
        {mode === 'amend' ? <HText {...text('reason', t('orders.f.reason'), { span: 4, maxLength: 200 })} /> : null}
      </div>
    </div>
  );
}

type HTextProps = Omit<React.ComponentProps<typeof TextField>, 'error'> & { 'data-path': string };

/** A header text field showing the error of its path. */
function HText(props: HTextProps) {
  const error = useFieldError(props['data-path']);
  return <TextField {...props} error={error} />;
}
