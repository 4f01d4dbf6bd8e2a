import { common } from './messages/common';
import { masters } from './messages/masters';
import { orders } from './messages/orders';
import { review } from './messages/review';
import { interpolate, mergeBundles, type Locale } from './translate';

/** All coded messages (errors, validation, hold reasons) in every locale. */
export const MESSAGES = mergeBundles(common, masters, orders, review);

export function translate(locale: Locale, code: string, params?: Record<string, string | number>): string {
  const template = MESSAGES[locale][code] ?? MESSAGES.en[code] ?? code;
  return interpolate(template, params);
}
