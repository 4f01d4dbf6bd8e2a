export const ROLES = ['clerk', 'approver', 'warehouse', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who may call a handler: listed roles, any signed-in user, or anyone (sign-in itself). */
export type Access = readonly Role[] | 'signedIn' | 'public';

export const ALL_ROLES: readonly Role[] = ROLES;
export const MASTER_EDITORS: readonly Role[] = ['manager', 'admin'];
export const ORDER_TAKERS: readonly Role[] = ['clerk', 'approver', 'manager', 'admin'];
export const APPROVERS: readonly Role[] = ['approver', 'manager', 'admin'];

export function mayCall(access: Access, role: Role | null): boolean {
  if (access === 'public') return true;
  if (role === null) return false;
  if (access === 'signedIn') return true;
  return access.includes(role);
}
