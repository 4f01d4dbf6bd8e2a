import { combine } from './define';
import { mastersHandlers } from './masters';
import { ordersHandlers } from './orders';
import { reviewHandlers } from './review';
import { systemHandlers } from './system';

/** The whole API: handler name -> definition. Both transports and docs/API.md are built from it. */
export const contract = combine(...systemHandlers, ...mastersHandlers, ...ordersHandlers, ...reviewHandlers);
export type Contract = typeof contract;
export type HandlerName = keyof Contract & string;
export * from './define';
