export const ordersHandlers = {};
