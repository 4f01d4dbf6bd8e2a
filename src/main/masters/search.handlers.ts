import type { PartialImplementations } from '../dispatcher/types';
import { searchCustomers, searchProducts } from './search';

export const searchHandlers: PartialImplementations<'search.customers' | 'search.products'> = {
  'search.customers': async (ctx, input) => ({
    rows: searchCustomers(ctx.desk.store.raw, input.q, input.limit, input.includeInactive),
  }),
  'search.products': async (ctx, input) => ({
    rows: searchProducts(ctx.desk.store.raw, input.q, input.limit, input.includeInactive, input.priceGroupId ?? null, input.warehouseId ?? null),
  }),
};
