import type { MessageBundle } from '../translate';

export const review: MessageBundle = {
  'zh-CN': {},
  en: {},
};
