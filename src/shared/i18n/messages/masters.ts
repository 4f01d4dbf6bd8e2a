import type { MessageBundle } from '../translate';

export const masters: MessageBundle = {
  'zh-CN': {},
  en: {},
};
