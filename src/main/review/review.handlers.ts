export const reviewHandlers = {};
