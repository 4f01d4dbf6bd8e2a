import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { reasonText } from '@shared/orders/reasons';

/**
 * A stored status-history or version reason in the screen's language: the desk's own reasons are
 * codes (see @shared/orders/reasons) and are translated; what a person typed, and rows written
 * before the codes, are shown as stored.
 */
export function useReasonText(): (stored: string | null | undefined) => string {
  const { t, i18n } = useTranslation();
  return useCallback(
    (stored: string | null | undefined) => reasonText((key, params) => (i18n.exists(key) ? t(key, params) : undefined), stored),
    [t, i18n],
  );
}
