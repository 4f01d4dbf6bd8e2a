import { useTranslation } from 'react-i18next';

/** Placeholder until this screen is built. */
export function OrdersListScreen() {
  const { t } = useTranslation();
  return <section className="screen"><p className="muted">{t('common.loading')}</p></section>;
}
