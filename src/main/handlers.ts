import type { Implementations } from './dispatcher/types';
import { authHandlers } from './system/auth.handlers';
import { systemHandlers } from './system/system.handlers';
import { demoHandlers } from './demo/demo.handlers';
import { mastersHandlers } from './masters/masters.handlers';
import { ordersHandlers } from './orders/orders.handlers';
import { reviewHandlers } from './review/review.handlers';

/** Every handler of the contract, implemented once; the type refuses a missing one. */
export const implementations: Implementations = {
  ...authHandlers,
  ...systemHandlers,
  ...demoHandlers,
  ...mastersHandlers,
  ...ordersHandlers,
  ...reviewHandlers,
};
