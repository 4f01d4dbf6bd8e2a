import { system } from './20261127_0001_system';
import { auth } from './20261127_0002_auth';
import { masters } from './20261127_0003_masters';
import { orders } from './20261127_0004_orders';
import { review } from './20261127_0005_review';
import { orderHistoryScale } from './20261127_0006_order_history_scale';
import { auditCodes } from './20261127_0007_audit_codes';
import { creditFigures } from './20261127_0008_credit_figures';
import { deferredIndexes } from './20261128_0009_deferred_indexes';
import { customerListFilters } from './20261128_0010_customer_list_filters';
import { slimProductLines } from './20261128_0011_slim_product_lines';
import { deliveryMethod } from './20261128_0012_delivery_method';

export interface DeskMigration {
  /** Timestamp-named; the list below must stay in ascending order. */
  name: string;
  /** Frozen in time: editing an applied migration makes the store refuse to open. */
  statements: readonly string[];
}

/** Static list (no readdir: that breaks inside a packaged app). Append only. */
export const DESK_MIGRATIONS: readonly DeskMigration[] = [system, auth, masters, orders, review, orderHistoryScale, auditCodes, creditFigures, deferredIndexes, customerListFilters, slimProductLines, deliveryMethod];
