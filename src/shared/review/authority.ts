import { DeskError } from '../errors';
import { formatMoney } from '../money';
import type { MutatorEnv } from '../mutators/env';
import { APPROVERS, type Role } from '../roles';
import type { Settings } from '../settings';

/** The largest order amount (fen) the actor may decide: their own limit if set, else their role's; null = no limit. */
export function effectiveLimit(env: Pick<MutatorEnv, 'role' | 'approvalLimit'>, settings: Settings): number | null {
  if (env.approvalLimit !== null && env.approvalLimit !== undefined) return env.approvalLimit;
  if (!env.role) return 0;
  return settings.approvalLimits[env.role] ?? null;
}

/** Roles whose default limit covers the amount (for "who may do it instead"). */
export function rolesThatMay(amount: number, settings: Settings): Role[] {
  return APPROVERS.filter((r) => {
    const limit = settings.approvalLimits[r];
    return limit === null || limit >= amount;
  });
}

/** Refuse with authority.overLimit { limit, amount, who } when the amount is beyond the actor's authority. */
export function assertAuthority(env: Pick<MutatorEnv, 'role' | 'approvalLimit'>, settings: Settings, amount: number): void {
  const limit = effectiveLimit(env, settings);
  if (limit === null || amount <= limit) return;
  const who = rolesThatMay(amount, settings);
  throw new DeskError('authority.overLimit', {
    limit,
    amount,
    limitText: formatMoney(limit),
    amountText: formatMoney(amount),
    who: who.length ? who.join(', ') : '-',
  });
}
