import { findDuplicates } from '../../shared/orders/duplicates';
import { cancelOrder, saveDraft, submitOrder } from '../../shared/mutators/orders';
import type { PartialImplementations } from '../dispatcher/types';
import { listOrders } from './list';
import { getOrder, stockForProducts, suggestProducts } from './queries';
import { DeskError } from '../../shared/errors';
import { withFields } from '../../shared/objects';

type OrdersNames =
  | 'orders.saveDraft'
  | 'orders.submit'
  | 'orders.cancel'
  | 'orders.get'
  | 'orders.list'
  | 'orders.stockForLines'
  | 'orders.suggestions'
  | 'orders.checkDuplicates';

export const ordersHandlers: PartialImplementations<OrdersNames> = {
  'orders.saveDraft': { mutate: saveDraft },

  'orders.submit': { mutate: submitOrder },

  'orders.cancel': { mutate: cancelOrder },

  'orders.get': (ctx, input) => getOrder(ctx.desk.store.db, input.id),

  'orders.list': async (ctx, input) => {
    const settings = await ctx.desk.settings();
    const { mine, ...rest } = input;
    return listOrders(ctx.desk.store.raw, Object.assign({}, rest, { createdBy: mine ? (ctx.session?.id ?? '') : undefined }), settings.timeZone);
  },

  'orders.stockForLines': async (ctx, input) =>
    stockForProducts(ctx.desk.store.raw, input.productIds, input.warehouseId ?? null),

  'orders.suggestions': async (ctx, input) =>
    suggestProducts(ctx.desk.store.raw, input.productIds, input.orderId ?? null, input.limit),

  'orders.checkDuplicates': async (ctx, input) => {
    const db = ctx.desk.store.db;
    const settings = await ctx.desk.settings();
    let query = {
      orderId: input.id ?? null,
      customerId: input.customerId ?? '',
      customerPo: input.customerPo ?? null,
      lines: (input.lines ?? []).map((l) => ({ productId: l.productId, quantity: l.quantity ?? 0 })),
    };
    if (input.id) {
      const order = await db
        .selectFrom('orders')
        .select(['id', 'customer_id', 'customer_po'])
        .where('id', '=', input.id)
        .executeTakeFirst();
      if (!order) throw new DeskError('order.notFound', { id: input.id });
      // What the screen sends wins over what is stored (the clerk may be typing ahead of the autosave).
      const stored = input.lines
        ? []
        : await db.selectFrom('order_lines').select(['product_id', 'quantity']).where('order_id', '=', order.id).execute();
      query = {
        orderId: order.id,
        customerId: input.customerId ?? order.customer_id,
        customerPo: input.customerPo ?? order.customer_po,
        lines: input.lines ? query.lines : stored.map((l) => ({ productId: l.product_id, quantity: l.quantity })),
      };
    }
    const duplicates = await findDuplicates(db, withFields(query, { now: new Date().toISOString(), windowMinutes: settings.duplicateWindowMinutes }));
    return { duplicates, windowMinutes: settings.duplicateWindowMinutes };
  },
};
