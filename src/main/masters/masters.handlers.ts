import type { PartialImplementations } from '../dispatcher/types';
import { customersHandlers } from './customers.handlers';
import { ioHandlers } from './io/io.handlers';
import { productsHandlers } from './products.handlers';
import { referenceHandlers } from './reference.handlers';
import { searchHandlers } from './search.handlers';
import { stockHandlers } from './stock.handlers';

type MastersNames =
  | keyof typeof referenceHandlers
  | keyof typeof customersHandlers
  | keyof typeof productsHandlers
  | keyof typeof stockHandlers
  | keyof typeof searchHandlers
  | keyof typeof ioHandlers;

/** Every master-data handler: reference lists, customers, products, stock, search, import/export. */
export const mastersHandlers: PartialImplementations<MastersNames> = {
  ...referenceHandlers,
  ...customersHandlers,
  ...productsHandlers,
  ...stockHandlers,
  ...searchHandlers,
  ...ioHandlers,
};
