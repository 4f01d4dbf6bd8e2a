import { auditText } from './audit';
import { audit } from './messages/audit';
import { common } from './messages/common';
import { masters } from './messages/masters';
import { orders } from './messages/orders';
import { review } from './messages/review';
import { interpolate, mergeBundles, type Locale } from './translate';

/** All coded messages (errors, validation, hold reasons, audit rows) in every locale. */
export const MESSAGES = mergeBundles(common, masters, orders, review, audit);

const ROLE_NAMES: Record<Locale, Record<string, string>> = {
  'zh-CN': { clerk: '录单员', approver: '审批人', warehouse: '仓管', manager: '经理', admin: '管理员' },
  en: { clerk: 'clerk', approver: 'approver', warehouse: 'warehouse', manager: 'manager', admin: 'admin' },
};
/** Params that carry role ids ("manager, admin") are shown with the roles' names. */
const ROLE_PARAMS = new Set(['role', 'allowed', 'who']);

function localizeParams(locale: Locale, params: Record<string, string | number> = {}): Record<string, string | number> {
  const out: Record<string, string | number> = { ...params };
  for (const key of Object.keys(out)) {
    const value = out[key];
    if (!ROLE_PARAMS.has(key) || typeof value !== 'string') continue;
    out[key] = value
      .split(/\s*,\s*/)
      .map((r) => ROLE_NAMES[locale][r] ?? r)
      .join(locale === 'zh-CN' ? '、' : ', ');
  }
  return out;
}

export function translate(locale: Locale, code: string, params?: Record<string, string | number>): string {
  if (code.startsWith('audit.')) {
    const lookup = (key: string, p?: Record<string, string | number>) => {
      const t = MESSAGES[locale][key] ?? MESSAGES.en[key];
      return t === undefined ? undefined : interpolate(t, p);
    };
    return auditText(lookup, code, params);
  }
  const template = MESSAGES[locale][code] ?? MESSAGES.en[code] ?? code;
  return interpolate(template, localizeParams(locale, params));
}
