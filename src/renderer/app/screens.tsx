import { lazy, type ComponentType } from 'react';
import type { ScreenId } from './nav';
import { HomeScreen } from './HomeScreen';

export interface ScreenProps {
  params: Record<string, string>;
}

const named = <K extends string>(load: () => Promise<Record<K, ComponentType<ScreenProps>>>, name: K) =>
  lazy(() => load().then((m) => ({ default: m[name] })));

/** Screen id -> component; each feature folder owns its screens. */
export const SCREEN_COMPONENTS: Record<ScreenId, ComponentType<ScreenProps>> = {
  home: HomeScreen,
  'orders.entry': named(() => import('../features/orders/EntryScreen'), 'EntryScreen'),
  'orders.list': named(() => import('../features/orders/OrdersListScreen'), 'OrdersListScreen'),
  'orders.detail': named(() => import('../features/orders/OrderDetailScreen'), 'OrderDetailScreen'),
  'approvals.queue': named(() => import('../features/approvals/QueueScreen'), 'QueueScreen'),
  'masters.customers': named(() => import('../features/masters/CustomersScreen'), 'CustomersScreen'),
  'masters.products': named(() => import('../features/masters/ProductsScreen'), 'ProductsScreen'),
  'masters.stock': named(() => import('../features/masters/StockScreen'), 'StockScreen'),
  'masters.warehouses': named(() => import('../features/masters/WarehousesScreen'), 'WarehousesScreen'),
  'masters.reference': named(() => import('../features/masters/ReferenceScreen'), 'ReferenceScreen'),
  'masters.import': named(() => import('../features/masters/ImportScreen'), 'ImportScreen'),
  'system.users': named(() => import('../features/system/UsersScreen'), 'UsersScreen'),
  'system.settings': named(() => import('../features/system/SettingsScreen'), 'SettingsScreen'),
  'system.backup': named(() => import('../features/system/BackupScreen'), 'BackupScreen'),
  'system.audit': named(() => import('../features/system/AuditScreen'), 'AuditScreen'),
};
