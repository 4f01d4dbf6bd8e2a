import type { StockRow } from '../../shared/contract/masters';
import { moveStock, setStock } from '../../shared/mutators/masters';
import { withFields } from '../../shared/objects';
import type { PartialImplementations } from '../dispatcher/types';
import { PRODUCTS, textFilter } from './search';
import { all, get, type Params } from './sql';

type Names = 'stock.list' | 'stock.set' | 'stock.move';

export const STOCK_COLUMNS = `s.product_id AS productId, p.sku, p.name AS productName, p.spec, p.unit,
  s.warehouse_id AS warehouseId, w.code AS warehouseCode, w.name AS warehouseName,
  s.on_hand AS onHand, s.allocated, s.in_transit AS inTransit, s.in_transit_eta AS inTransitEta,
  s.safety_stock AS safetyStock, s.on_hand - s.allocated AS available,
  (s.on_hand - s.allocated) < s.safety_stock AS short, s.bin_code AS binCode, s.updated_at AS updatedAt`;

export const stockHandlers: PartialImplementations<Names> = {
  'stock.list': async (ctx, input) => {
    const db = ctx.desk.store.raw;
    const params: Params = {};
    const where: string[] = [];
    const text = textFilter(PRODUCTS, input.q, params);
    if (text) where.push(text);
    if (input.warehouseId) {
      params.warehouseId = input.warehouseId;
      where.push('s.warehouse_id = @warehouseId');
    }
    if (input.productId) {
      params.productId = input.productId;
      where.push('s.product_id = @productId');
    }
    if (input.shortOnly) where.push('(s.on_hand - s.allocated) < s.safety_stock');
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const from = 'FROM stock s JOIN products p ON p.id = s.product_id JOIN warehouses w ON w.id = s.warehouse_id';
    const total = get<{ n: number }>(db, `SELECT count(*) AS n ${from} ${clause}`, params)?.n ?? 0;
    const rows = all<Omit<StockRow, 'short'> & { short: number }>(
      db,
      `SELECT ${STOCK_COLUMNS} ${from} ${clause} ORDER BY p.sku, w.code LIMIT @limit OFFSET @offset`,
      Object.assign({}, params, { limit: input.limit, offset: input.offset }),
    );
    return { rows: rows.map((r) => withFields(r, { short: Boolean(r.short) })), total };
  },
  'stock.set': { mutate: setStock },
  'stock.move': { mutate: moveStock },
};
