import { formatMoney } from '@shared/money';

export { formatMoney };

const TZ = 'Asia/Shanghai';

/** Stored in UTC, shown in the desk's time zone. */
export function formatDateTime(iso: string | null | undefined, locale = 'zh-CN'): string {
  if (!iso) return '';
  const d = new Date(iso);
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: TZ,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(d);
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  return new Intl.DateTimeFormat('sv-SE', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

export function formatInt(n: number): string {
  return n.toLocaleString('en-US');
}
