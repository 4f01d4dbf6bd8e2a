export * from './phone';
export * from './postcode';
export * from './email';
export * from './uscc';
export * from './fields';
