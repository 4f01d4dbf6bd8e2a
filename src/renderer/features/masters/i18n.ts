import type { MessageBundle } from '@shared/i18n/translate';

export const mastersText: MessageBundle = {
  'zh-CN': {},
  en: {},
};
