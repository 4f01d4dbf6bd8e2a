/**
 * The approval queue's small rules, kept out of the components: which decision a key means for an
 * order, which holds it decides by default, how an age reads, and the desk-time inputs.
 */
import type { HoldReason } from '@shared/contract/review';
import { HOLD_KINDS } from '@shared/contract/review';

export type HoldKind = (typeof HOLD_KINDS)[number];
export type QueueTab = 'all' | HoldKind;
export const TABS: readonly QueueTab[] = ['all', ...HOLD_KINDS];

export type Decision = 'release' | 'reject' | 'ask_change' | 'approve_change' | 'reject_change';
export type DecisionKey = 'approve' | 'reject' | 'askChange';

export type SortKey = 'age' | 'amount' | 'customer';
export type SortDir = 'asc' | 'desc';
export const SORTS: readonly SortKey[] = ['age', 'amount', 'customer'];
/** The natural direction of each sort: oldest first, largest first, A→Z. */
export const DEFAULT_DIR: Record<SortKey, SortDir> = { age: 'desc', amount: 'desc', customer: 'asc' };

export function nextSort(sort: SortKey): { sort: SortKey; dir: SortDir } {
  const next = SORTS[(SORTS.indexOf(sort) + 1) % SORTS.length];
  return { sort: next, dir: DEFAULT_DIR[next] };
}

/**
 * A change request is decided with approve/reject_change; every other hold with release, reject or
 * ask_change. The change-request tab, or an order waiting only for a change request, means change mode.
 */
export function isChangeMode(tab: QueueTab, holds: readonly Pick<HoldReason, 'kind'>[]): boolean {
  if (tab === 'change_request') return holds.some((h) => h.kind === 'change_request');
  return holds.length > 0 && holds.every((h) => h.kind === 'change_request');
}

export interface DecisionPlan {
  decision: Decision;
  /** Holds the decision may apply to (shown in the dialog). */
  holds: HoldReason[];
  /** Those ticked when the dialog opens. */
  checked: string[];
  /** Whether the approver may untick some (release and ask_change only). */
  selectable: boolean;
}

/**
 * What a key does to an order's open holds, or null when it does not apply (C on a change request).
 * Release and ask-for-change start with the holds of the group being worked (all of them in "all"):
 * a credit approver does not release a custom review by accident.
 */
export function planDecision(key: DecisionKey, tab: QueueTab, holds: readonly HoldReason[]): DecisionPlan | null {
  if (holds.length === 0) return null;
  const change = isChangeMode(tab, holds);
  const changeHolds = holds.filter((h) => h.kind === 'change_request');
  const otherHolds = holds.filter((h) => h.kind !== 'change_request');
  if (change) {
    if (key === 'askChange') return null;
    const decision: Decision = key === 'approve' ? 'approve_change' : 'reject_change';
    return { decision, holds: changeHolds, checked: changeHolds.map((h) => h.holdId), selectable: false };
  }
  if (key === 'reject') return { decision: 'reject', holds: [...holds], checked: holds.map((h) => h.holdId), selectable: false };
  const ofTab = tab === 'all' ? otherHolds : otherHolds.filter((h) => h.kind === tab);
  const checked = (ofTab.length ? ofTab : otherHolds).map((h) => h.holdId);
  return { decision: key === 'approve' ? 'release' : 'ask_change', holds: otherHolds, checked, selectable: otherHolds.length > 1 };
}

/** A comment is required where the desk requires one. */
export function commentRequired(decision: Decision): boolean {
  return decision === 'reject' || decision === 'ask_change' || decision === 'reject_change';
}

/** Releasing a custom-review hold needs the customer's confirmation (double sign-off). */
export function needsConfirmation(decision: Decision, holds: readonly HoldReason[], checked: readonly string[]): boolean {
  return decision === 'release' && holds.some((h) => h.kind === 'custom_review' && checked.includes(h.holdId));
}

/** Age as an approver says it: 刚刚, 25 分钟, 2 小时, 3 天 (rounded down). */
export function ageParts(minutes: number): { key: 'now' | 'minutes' | 'hours' | 'days'; n: number } {
  if (minutes < 1) return { key: 'now', n: 0 };
  if (minutes < 60) return { key: 'minutes', n: minutes };
  if (minutes < 24 * 60) return { key: 'hours', n: Math.floor(minutes / 60) };
  return { key: 'days', n: Math.floor(minutes / (24 * 60)) };
}

// The desk shows times in China Standard Time (UTC+8, no daylight saving), as ui/format.ts does.
const DESK_OFFSET_MINUTES = 8 * 60;

/** "YYYY-MM-DD HH:mm" in desk time: what the approver sees and types. */
export function toDeskInput(date: Date): string {
  return new Date(date.getTime() + DESK_OFFSET_MINUTES * 60_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** "YYYY-MM-DD HH:mm" read as desk time → ISO instant; null when it is not a real time. */
export function fromDeskInput(value: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{1,2}):(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const text = `${m[1]} ${m[2].padStart(2, '0')}:${m[3]}`;
  const ms = Date.parse(`${m[1]}T${m[2].padStart(2, '0')}:${m[3]}:00+08:00`);
  // Reading it back catches 2026-02-30 and 25:00, which Date.parse would roll over or refuse.
  if (Number.isNaN(ms) || toDeskInput(new Date(ms)) !== text) return null;
  return new Date(ms).toISOString();
}

/** Basis points → percent text with at most one decimal (7500 → "75", 6250 → "62.5"). */
export function percent(bp: number): string {
  const tenths = Math.floor(bp / 10);
  return tenths % 10 === 0 ? String(tenths / 10) : (tenths / 10).toFixed(1);
}
