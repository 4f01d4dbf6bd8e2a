import type { ProductDetail, ProductListRow } from '../../shared/contract/masters';
import { saveProduct, setProductActive } from '../../shared/mutators/masters';
import { notFound } from '../../shared/mutators/masters/common';
import { withFields } from '../../shared/objects';
import type { PartialImplementations } from '../dispatcher/types';
import { PRODUCTS, textFilter } from './search';
import { all, get, type Params } from './sql';

type Names = 'products.list' | 'products.get' | 'products.save' | 'products.setActive';

export const PRODUCT_COLUMNS = `p.id, p.sku, p.name, p.name_pinyin AS pinyin, p.spec, p.unit, p.category,
  p.list_price AS listPrice, p.tax_rate_bp AS taxRateBp, p.barcode, p.make_to_order AS makeToOrder,
  p.bom_note AS bomNote, p.active, p.created_at AS createdAt, p.updated_at AS updatedAt`;

type Flags = { active: number; makeToOrder: number };
function flags<T extends Flags>(r: T): Omit<T, keyof Flags> & { active: boolean; makeToOrder: boolean } {
  return withFields(r, { active: Boolean(r.active), makeToOrder: Boolean(r.makeToOrder) });
}

export const productsHandlers: PartialImplementations<Names> = {
  'products.list': async (ctx, input) => {
    const db = ctx.desk.store.raw;
    const params: Params = {};
    const where: string[] = [];
    const text = textFilter(PRODUCTS, input.q, params);
    if (text) where.push(text);
    if (input.active !== 'all') where.push(`p.active = ${input.active === 'active' ? 1 : 0}`);
    if (input.category) {
      params.category = input.category;
      where.push('p.category = @category');
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = get<{ n: number }>(db, `SELECT count(*) AS n FROM products p ${clause}`, params)?.n ?? 0;
    // Page first, then the stock totals of that page only.
    const rows = all<Omit<ProductListRow, 'active' | 'makeToOrder'> & Flags>(
      db,
      `SELECT x.*, coalesce(sum(s.on_hand), 0) AS onHand, coalesce(sum(s.allocated), 0) AS allocated,
         coalesce(sum(s.on_hand - s.allocated), 0) AS available, coalesce(sum(s.in_transit), 0) AS inTransit
       FROM (SELECT ${PRODUCT_COLUMNS} FROM products p ${clause} ORDER BY p.sku LIMIT @limit OFFSET @offset) x
       LEFT JOIN stock s ON s.product_id = x.id
       GROUP BY x.id ORDER BY x.sku`,
      Object.assign({}, params, { limit: input.limit, offset: input.offset }),
    );
    return { rows: rows.map(flags), total };
  },

  'products.get': async (ctx, input) => {
    const db = ctx.desk.store.raw;
    const p = get<Omit<ProductDetail, 'prices' | 'active' | 'makeToOrder'> & Flags>(
      db,
      `SELECT ${PRODUCT_COLUMNS} FROM products p WHERE p.id = @id`,
      { id: input.id },
    );
    if (!p) throw notFound('product', input.id);
    const prices = all<ProductDetail['prices'][number]>(
      db,
      `SELECT pp.price_group_id AS priceGroupId, g.code AS priceGroupCode, g.name AS priceGroupName, pp.price
       FROM product_prices pp JOIN price_groups g ON g.id = pp.price_group_id
       WHERE pp.product_id = @id ORDER BY g.code`,
      { id: input.id },
    );
    return Object.assign({}, flags(p), { prices });
  },

  'products.save': { mutate: saveProduct },
  'products.setActive': { mutate: setProductActive },
};
