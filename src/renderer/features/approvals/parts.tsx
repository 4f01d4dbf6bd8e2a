import { useTranslation } from 'react-i18next';
import { ageParts, type HoldKind } from './model';

const KIND_CLASS: Record<HoldKind, string> = {
  credit: 'ap-kind-credit',
  stock: 'ap-kind-stock',
  custom_review: 'ap-kind-custom',
  change_request: 'ap-kind-change',
};

/** A hold kind as a small coloured badge: 信用 / 库存 / 定制审核 / 变更申请. */
export function KindBadge({ kind }: { kind: HoldKind }) {
  const { t } = useTranslation();
  return <span className={`badge ap-kind ${KIND_CLASS[kind]}`}>{t(`approvals.kind.${kind}`)}</span>;
}

/** How long an order has waited: 刚刚, 25 分钟, 2 小时, 3 天. */
export function Age({ minutes }: { minutes: number }) {
  const { t } = useTranslation();
  const { key, n } = ageParts(minutes);
  return <span className={minutes >= 24 * 60 ? 'ap-age old' : 'ap-age'}>{t(`approvals.age.${key}`, { n })}</span>;
}
