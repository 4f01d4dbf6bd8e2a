import type { MessageBundle } from '../translate';

export const orders: MessageBundle = {
  'zh-CN': {},
  en: {},
};
