import { useTranslation } from 'react-i18next';
import type { Result } from '../../api/client';
import { useQuery } from '../../api/hooks';

type Row = { id: string; code: string; name: string; active?: boolean };

/** Options of a coded reference list, "code name", inactive ones marked; "" is none. */
export function useOptions(rows: Row[] | undefined, noneLabel?: string) {
  const { t } = useTranslation();
  return [
    { value: '', label: noneLabel ?? t('masters.none') },
    ...(rows ?? []).map((r) => ({ value: r.id, label: `${r.code} ${r.name}${r.active === false ? ` (${t('common.inactive')})` : ''}` })),
  ];
}

/** Reference lists forms choose from; each refetches when its table changes. */
export function useRegions() {
  return useQuery('regions.list', { activeOnly: false }).data?.rows;
}
export function useSalesReps() {
  return useQuery('salesReps.list', { activeOnly: false }).data?.rows;
}
export function usePriceGroups() {
  return useQuery('priceGroups.list', {}).data?.rows;
}
export function useWarehouses(): Result<'warehouses.list'>['rows'] | undefined {
  return useQuery('warehouses.list', { activeOnly: false }).data?.rows;
}
