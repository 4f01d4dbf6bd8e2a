import type { WarehouseSaveInput } from '../../contract/masters';
import { DeskError } from '../../errors';
import type { Mutator } from '../env';
import { chunks, flag, notFound } from './common';
import { assertCodeFree, assertRegion, auditOf } from './reference';

/** Create or update a warehouse; its bins become exactly those given (a bin still used by stock stays). */
export const saveWarehouse: Mutator<WarehouseSaveInput, { id: string }> = async (tx, input, env) => {
  const before = input.id ? await tx.selectFrom('warehouses').selectAll().where('id', '=', input.id).executeTakeFirst() : undefined;
  if (input.id && !before) throw notFound('warehouse', input.id);
  await assertCodeFree(tx, 'warehouses', 'warehouse', input.code, input.id);
  await assertRegion(tx, input.regionId);
  const id = before?.id ?? env.ids.next();
  const row = {
    id,
    code: input.code,
    name: input.name,
    region_id: input.regionId ?? null,
    address: input.address ?? null,
    active: flag(input.active),
    updated_at: env.now,
  };

  const oldBins = before ? await tx.selectFrom('bins').select(['id', 'code']).where('warehouse_id', '=', id).execute() : [];
  const wanted = new Set(input.bins);
  const removed = oldBins.filter((b) => !wanted.has(b.code));
  if (removed.length) {
    // Removing a bin that stock still points to would leave a pick list without a place.
    const used = await tx
      .selectFrom('stock')
      .select('bin_code')
      .where('warehouse_id', '=', id)
      .where('bin_code', 'in', removed.slice(0, 500).map((b) => b.code))
      .executeTakeFirst();
    if (used?.bin_code) {
      const i = Math.max(0, oldBins.findIndex((b) => b.code === used.bin_code));
      throw new DeskError('warehouse.binInUse', { bin: used.bin_code }, {
        status: 409,
        fields: [{ path: 'bins', code: 'warehouse.binInUse', params: { bin: used.bin_code, index: i } }],
      });
    }
  }
  const have = new Set(oldBins.map((b) => b.code));
  const added = input.bins.filter((code) => !have.has(code)).map((code) => ({ id: env.ids.next(), warehouse_id: id, code }));

  if (before) await tx.updateTable('warehouses').set(row).where('id', '=', id).execute();
  else await tx.insertInto('warehouses').values(row).execute();
  for (const part of chunks(removed.map((b) => b.id))) await tx.deleteFrom('bins').where('id', 'in', part).execute();
  for (const part of chunks(added)) await tx.insertInto('bins').values(part).execute();

  const entry = auditOf(
    'warehouse',
    id,
    input.code,
    before ? Object.assign({}, before, { bins: oldBins.map((b) => b.code).sort() }) : undefined,
    Object.assign({}, row, { bins: [...input.bins].sort() }),
  );
  return { result: { id }, audit: entry ? [entry] : [] };
};
