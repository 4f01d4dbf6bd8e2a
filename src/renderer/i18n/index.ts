import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { MESSAGES } from '@shared/i18n/messages';
import { LOCALES, type Locale, type MessageBundle } from '@shared/i18n/translate';
import { BUNDLES } from './bundles';

const LOCALE_KEY = 'order-desk.locale';

/** One flat namespace: keys are dotted strings (no nesting), the same style as the error codes. */
function resources() {
  const out: Record<Locale, { translation: Record<string, string> }> = { 'zh-CN': { translation: {} }, en: { translation: {} } };
  const all: MessageBundle[] = [MESSAGES, ...BUNDLES];
  for (const bundle of all) for (const l of LOCALES) Object.assign(out[l].translation, bundle[l]);
  return out;
}

export function initialLocale(): Locale {
  const saved = localStorage.getItem(LOCALE_KEY);
  return saved === 'en' || saved === 'zh-CN' ? saved : 'zh-CN';
}

export function saveLocale(locale: Locale) {
  localStorage.setItem(LOCALE_KEY, locale);
}

export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: resources(),
  lng: initialLocale(),
  fallbackLng: 'en',
  keySeparator: false,
  nsSeparator: false,
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});
