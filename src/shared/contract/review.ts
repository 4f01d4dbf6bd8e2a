export const reviewHandlers = [] as const;
