import type { Role } from '@shared/roles';
import type { ScreenId } from './nav';

export interface ScreenDef {
  id: ScreenId;
  menu: 'orders' | 'approvals' | 'masters' | 'system' | null;
  /** Global shortcut that opens it. */
  key?: string;
  roles?: readonly Role[];
}

const ALL: readonly Role[] = ['clerk', 'approver', 'warehouse', 'manager', 'admin'];

/** Every screen, in menu order; the palette, menus and F-keys are built from this list. */
export const SCREENS: ScreenDef[] = [
  { id: 'orders.entry', menu: 'orders', key: 'F2', roles: ['clerk', 'approver', 'manager', 'admin'] },
  { id: 'orders.list', menu: 'orders', key: 'F3', roles: ALL },
  { id: 'approvals.queue', menu: 'approvals', key: 'F6', roles: ['approver', 'manager', 'admin'] },
  { id: 'masters.customers', menu: 'masters', key: 'F7', roles: ALL },
  { id: 'masters.products', menu: 'masters', key: 'F8', roles: ALL },
  { id: 'masters.stock', menu: 'masters', key: 'F9', roles: ALL },
  { id: 'masters.warehouses', menu: 'masters', roles: ALL },
  { id: 'masters.reference', menu: 'masters', roles: ALL },
  { id: 'masters.import', menu: 'masters', roles: ['clerk', 'warehouse', 'manager', 'admin'] },
  { id: 'system.users', menu: 'system', roles: ['admin'] },
  { id: 'system.settings', menu: 'system', roles: ALL },
  { id: 'system.backup', menu: 'system', roles: ['manager', 'admin'] },
  { id: 'system.audit', menu: 'system', roles: ALL },
];

export const MENUS = [
  { id: 'orders', key: 'Alt+O' },
  { id: 'approvals', key: 'Alt+A' },
  { id: 'masters', key: 'Alt+M' },
  { id: 'system', key: 'Alt+S' },
] as const;
