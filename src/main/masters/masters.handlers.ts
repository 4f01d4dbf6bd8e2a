export const mastersHandlers = {};
