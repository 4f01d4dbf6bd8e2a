import type { AuthTables } from './auth.table';
import type { MastersTables } from './masters.table';
import type { OrdersTables } from './orders.table';
import type { ReviewTables } from './review.table';
import type { SystemTables } from './system.table';

/** Every table the desk store holds; the hub holds the same domain tables plus version columns. */
export interface DB extends SystemTables, AuthTables, MastersTables, OrdersTables, ReviewTables {}

export type TableName = keyof DB & string;
