import { saveCarrier, savePriceGroup, saveRegion, saveSalesRep, saveWarehouse } from '../../shared/mutators/masters';
import { withFields } from '../../shared/objects';
import type { PartialImplementations } from '../dispatcher/types';
import { all } from './sql';

type Names =
  | 'regions.list'
  | 'regions.save'
  | 'salesReps.list'
  | 'salesReps.save'
  | 'carriers.list'
  | 'carriers.save'
  | 'priceGroups.list'
  | 'priceGroups.save'
  | 'warehouses.list'
  | 'warehouses.save';

const activeOnly = (on: boolean, alias = '') => (on ? ` WHERE ${alias}active = 1` : '');

export const referenceHandlers: PartialImplementations<Names> = {
  'regions.list': async (ctx, input) => {
    const rows = all<{ id: string; code: string; name: string; active: number }>(
      ctx.desk.store.raw,
      `SELECT id, code, name, active FROM regions${activeOnly(input.activeOnly)} ORDER BY code`,
    );
    return { rows: rows.map((r) => withFields(r, { active: Boolean(r.active) })) };
  },
  'regions.save': { mutate: saveRegion },

  'salesReps.list': async (ctx, input) => {
    const rows = all<{ id: string; code: string; name: string; mobile: string | null; email: string | null; regionId: string | null; regionName: string | null; active: number }>(
      ctx.desk.store.raw,
      `SELECT s.id, s.code, s.name, s.mobile, s.email, s.region_id AS regionId, r.name AS regionName, s.active
       FROM sales_reps s LEFT JOIN regions r ON r.id = s.region_id${activeOnly(input.activeOnly, 's.')} ORDER BY s.code`,
    );
    return { rows: rows.map((r) => withFields(r, { active: Boolean(r.active) })) };
  },
  'salesReps.save': { mutate: saveSalesRep },

  'carriers.list': async (ctx, input) => {
    const rows = all<{ id: string; code: string; name: string; phone: string | null; active: number }>(
      ctx.desk.store.raw,
      `SELECT id, code, name, phone, active FROM carriers${activeOnly(input.activeOnly)} ORDER BY code`,
    );
    return { rows: rows.map((r) => withFields(r, { active: Boolean(r.active) })) };
  },
  'carriers.save': { mutate: saveCarrier },

  'priceGroups.list': async (ctx) => ({
    rows: all<{ id: string; code: string; name: string }>(ctx.desk.store.raw, 'SELECT id, code, name FROM price_groups ORDER BY code'),
  }),
  'priceGroups.save': { mutate: savePriceGroup },

  'warehouses.list': async (ctx, input) => {
    const db = ctx.desk.store.raw;
    const rows = all<{ id: string; code: string; name: string; regionId: string | null; regionName: string | null; address: string | null; active: number }>(
      db,
      `SELECT w.id, w.code, w.name, w.region_id AS regionId, r.name AS regionName, w.address, w.active
       FROM warehouses w LEFT JOIN regions r ON r.id = w.region_id${activeOnly(input.activeOnly, 'w.')} ORDER BY w.code`,
    );
    // All bins in one query, grouped here: no query per warehouse.
    const bins = new Map<string, string[]>();
    for (const b of all<{ warehouse_id: string; code: string }>(db, 'SELECT warehouse_id, code FROM bins ORDER BY warehouse_id, code')) {
      const list = bins.get(b.warehouse_id) ?? [];
      list.push(b.code);
      bins.set(b.warehouse_id, list);
    }
    return { rows: rows.map((r) => withFields(r, { active: Boolean(r.active), bins: bins.get(r.id) ?? [] })) };
  },
  'warehouses.save': { mutate: saveWarehouse },
};
