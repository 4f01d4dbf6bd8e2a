export const mastersHandlers = [] as const;
