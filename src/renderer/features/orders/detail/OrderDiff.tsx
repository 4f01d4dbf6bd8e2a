import { useMemo } from 'react';
import type { DiffEntry } from '@shared/review/amend';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../../api/hooks';
import { describeEntry } from './diff-words';
import './diff.css';

/** One entry of an order change, as the desk records it (planAmendment). */
export type { DiffEntry };

/** Warehouse id → "code name", fetched only when some entry moves a line to another warehouse. */
function useWarehouseNames(enabled: boolean): ReadonlyMap<string, string> | undefined {
  const q = useQuery('warehouses.list', { activeOnly: false }, { enabled });
  const rows = q.data?.rows;
  const failed = Boolean(q.error);
  return useMemo(() => (rows ? new Map(rows.map((w) => [w.id, `${w.code} ${w.name}`])) : failed ? new Map<string, string>() : undefined), [rows, failed]);
}

interface Props {
  entries: readonly DiffEntry[];
  /** Extra class names (the approval queue's section styles). */
  className?: string;
}

/**
 * What a change does, one row per entry: the line and field, then before → after in the reader's
 * language (money as money, discounts as percent, warehouses by code and name, yes/no), or one
 * sentence for a line added or removed. The order detail's versions and the approval queue's change
 * requests both show changes with it.
 */
export function OrderDiff({ entries, className }: Props) {
  const { t } = useTranslation();
  const warehouses = useWarehouseNames(entries.some((e) => e.field === 'line.warehouseId'));
  if (entries.length === 0) return null;
  return (
    <table className={className ? `o-diff ${className}` : 'o-diff'} aria-label={t('orders.diff.title')}>
      <colgroup>
        <col className="o-diff-what" />
        <col className="o-diff-side" />
        <col className="o-diff-arrow" />
        <col />
      </colgroup>
      <tbody>
        {entries.map((e, i) => {
          const v = describeEntry(e, t, warehouses);
          return (
            <tr key={i}>
              <th scope="row">
                {v.where ? <span className="o-diff-where">{v.where} </span> : null}
                {v.label}
              </th>
              {'added' in v ? (
                <td colSpan={3} className="o-diff-line">
                  {v.added}
                </td>
              ) : 'removed' in v ? (
                <td colSpan={3} className="o-diff-line o-diff-before">
                  {v.removed}
                </td>
              ) : (
                <>
                  <Side className="o-diff-before" text={v.before} />
                  <td className="o-diff-arrow">→</td>
                  <Side className="o-diff-after" text={v.after} />
                </>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** One side of a change; no value reads (空) / (empty), plainly. */
function Side({ className, text }: { className: string; text: string | null }) {
  const { t } = useTranslation();
  return text === null ? <td className={`${className} o-diff-none`}>{t('orders.diff.empty')}</td> : <td className={className}>{text}</td>;
}
