/** Master-data mutators: deterministic, run by the desk now and replayed by the hub later. */
export * from './common';
export * from './reference';
export * from './customers';
export * from './products';
export * from './warehouses';
export * from './stock';
export * from './import';
