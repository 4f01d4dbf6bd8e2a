export const ordersHandlers = [] as const;
