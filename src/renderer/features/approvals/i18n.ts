import type { MessageBundle } from '@shared/i18n/translate';

export const approvalsText: MessageBundle = {
  'zh-CN': {},
  en: {},
};
