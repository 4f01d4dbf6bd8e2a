import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../ui/Field';

export type ActiveFilterValue = 'active' | 'inactive' | 'all';

/** The status badge every master-data list shows. */
export function ActiveBadge({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return active ? <span className="badge ok">{t('common.active')}</span> : <span className="badge">{t('common.inactive')}</span>;
}

/** Active / inactive / all, as the lists filter them. */
export function ActiveFilter({ value, onChange }: { value: ActiveFilterValue; onChange: (v: ActiveFilterValue) => void }) {
  const { t } = useTranslation();
  return (
    <SelectField
      label={t('masters.status')}
      value={value}
      onChange={(v) => onChange(v as ActiveFilterValue)}
      options={[
        { value: 'active', label: t('masters.filter.active') },
        { value: 'inactive', label: t('masters.filter.inactive') },
        { value: 'all', label: t('masters.filter.all') },
      ]}
    />
  );
}
