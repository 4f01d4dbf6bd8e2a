import type { PartialImplementations } from '../dispatcher/types';

export const demoHandlers: PartialImplementations<'demo.load'> = {
  'demo.load': {
    mutate: async () => ({ result: { customers: 0, products: 0, orders: 0 }, audit: [] }),
  },
};
