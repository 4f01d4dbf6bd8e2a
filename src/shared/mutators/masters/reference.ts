import type { z } from 'zod';
import type {
  carrierSaveInput,
  priceGroupSaveInput,
  regionSaveInput,
  salesRepSaveInput,
} from '../../contract/masters';
import { changedFields, type AuditEntry, type Mutator, type Tx } from '../env';
import { codeTaken, flag, notFound, unknownChoice } from './common';

type RegionInput = z.output<typeof regionSaveInput>;
type SalesRepInput = z.output<typeof salesRepSaveInput>;
type CarrierInput = z.output<typeof carrierSaveInput>;
type PriceGroupInput = z.output<typeof priceGroupSaveInput>;

type CodedTable = 'regions' | 'sales_reps' | 'carriers' | 'price_groups' | 'warehouses';

/** Refuse a code another row already has (the column is COLLATE NOCASE, so case does not matter). */
export async function assertCodeFree(tx: Tx, table: CodedTable, entity: string, code: string, id: string | undefined): Promise<void> {
  const clash = await tx.selectFrom(table).select('id').where('code', '=', code).executeTakeFirst();
  if (clash && clash.id !== id) throw codeTaken(entity, 'code', code);
}

export async function assertRegion(tx: Tx, regionId: string | undefined, path = 'regionId'): Promise<void> {
  if (!regionId) return;
  const found = await tx.selectFrom('regions').select('id').where('id', '=', regionId).executeTakeFirst();
  if (!found) throw unknownChoice(path);
}

/** The audit entry of a create or an update; null when an update changed nothing. */
export function auditOf(
  entity: string,
  id: string,
  label: string,
  before: Record<string, unknown> | undefined,
  after: Record<string, unknown>,
): AuditEntry | null {
  const params = { entity, label };
  if (!before) return { entity, entityId: id, code: 'audit.master.created', params, summary: `create ${label}`, after };
  const diff = changedFields(before, after);
  return diff ? { entity, entityId: id, code: 'audit.master.updated', params, summary: `update ${label}`, ...diff } : null;
}

const one = (a: AuditEntry | null): AuditEntry[] => (a ? [a] : []);

export const saveRegion: Mutator<RegionInput, { id: string }> = async (tx, input, env) => {
  const before = input.id ? await tx.selectFrom('regions').selectAll().where('id', '=', input.id).executeTakeFirst() : undefined;
  if (input.id && !before) throw notFound('region', input.id);
  await assertCodeFree(tx, 'regions', 'region', input.code, input.id);
  const id = before?.id ?? env.ids.next();
  const row = { id, code: input.code, name: input.name, active: flag(input.active), updated_at: env.now };
  if (before) await tx.updateTable('regions').set(row).where('id', '=', id).execute();
  else await tx.insertInto('regions').values(row).execute();
  return { result: { id }, audit: one(auditOf('region', id, input.code, before, row)) };
};

export const saveSalesRep: Mutator<SalesRepInput, { id: string }> = async (tx, input, env) => {
  const before = input.id ? await tx.selectFrom('sales_reps').selectAll().where('id', '=', input.id).executeTakeFirst() : undefined;
  if (input.id && !before) throw notFound('salesRep', input.id);
  await assertCodeFree(tx, 'sales_reps', 'salesRep', input.code, input.id);
  await assertRegion(tx, input.regionId);
  const id = before?.id ?? env.ids.next();
  const row = {
    id,
    code: input.code,
    name: input.name,
    mobile: input.mobile ?? null,
    email: input.email ?? null,
    region_id: input.regionId ?? null,
    active: flag(input.active),
    updated_at: env.now,
  };
  if (before) await tx.updateTable('sales_reps').set(row).where('id', '=', id).execute();
  else await tx.insertInto('sales_reps').values(row).execute();
  return { result: { id }, audit: one(auditOf('salesRep', id, input.code, before, row)) };
};

export const saveCarrier: Mutator<CarrierInput, { id: string }> = async (tx, input, env) => {
  const before = input.id ? await tx.selectFrom('carriers').selectAll().where('id', '=', input.id).executeTakeFirst() : undefined;
  if (input.id && !before) throw notFound('carrier', input.id);
  await assertCodeFree(tx, 'carriers', 'carrier', input.code, input.id);
  const id = before?.id ?? env.ids.next();
  const row = { id, code: input.code, name: input.name, phone: input.phone ?? null, active: flag(input.active), updated_at: env.now };
  if (before) await tx.updateTable('carriers').set(row).where('id', '=', id).execute();
  else await tx.insertInto('carriers').values(row).execute();
  return { result: { id }, audit: one(auditOf('carrier', id, input.code, before, row)) };
};

export const savePriceGroup: Mutator<PriceGroupInput, { id: string }> = async (tx, input, env) => {
  const before = input.id ? await tx.selectFrom('price_groups').selectAll().where('id', '=', input.id).executeTakeFirst() : undefined;
  if (input.id && !before) throw notFound('priceGroup', input.id);
  await assertCodeFree(tx, 'price_groups', 'priceGroup', input.code, input.id);
  const id = before?.id ?? env.ids.next();
  const row = { id, code: input.code, name: input.name, updated_at: env.now };
  if (before) await tx.updateTable('price_groups').set(row).where('id', '=', id).execute();
  else await tx.insertInto('price_groups').values(row).execute();
  return { result: { id }, audit: one(auditOf('priceGroup', id, input.code, before, row)) };
};
