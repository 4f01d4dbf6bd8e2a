export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export type MessageBundle = Record<Locale, Record<string, string>>;

export function interpolate(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => (key in params ? String(params[key]) : `{{${key}}}`));
}

export function mergeBundles(...bundles: MessageBundle[]): MessageBundle {
  const out: MessageBundle = { 'zh-CN': {}, en: {} };
  for (const b of bundles) {
    for (const locale of LOCALES) {
      for (const [k, v] of Object.entries(b[locale])) {
        if (k in out[locale]) throw new Error(`Duplicate message key ${k}`);
        out[locale][k] = v;
      }
    }
  }
  return out;
}
