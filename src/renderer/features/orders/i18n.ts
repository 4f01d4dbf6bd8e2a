import type { MessageBundle } from '@shared/i18n/translate';

export const ordersText: MessageBundle = {
  'zh-CN': {},
  en: {},
};
