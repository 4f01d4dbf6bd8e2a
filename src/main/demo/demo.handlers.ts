import { readSettings, writeSettings } from '../../shared/mutators/settings';
import type { Settings } from '../../shared/settings';
import type { PartialImplementations } from '../dispatcher/types';
import { loadDemo, type DemoResult } from './load';

/** Company details printed on demo documents, set only where the desk has none yet. */
const DEMO_COMPANY: Partial<Settings> = {
  companyAddress: '上海市浦东新区世纪大道 100 号环球金融中心 28 层',
  companyPhone: '021-68881234',
  companyTaxId: '91310115MA1K3YJ07Y',
  bankAccount: '招商银行上海陆家嘴支行 1219 0888 6610 001',
};

/**
 * demo.load: the bulk generator runs in prepare (outside the dispatcher's transaction: it commits
 * in batches of its own, see load.ts); the mutation then fills empty company details and returns
 * the one audit entry "demo data loaded". The handler is local-only (sync: false): no outbox row.
 */
export const demoHandlers: PartialImplementations<'demo.load'> = {
  'demo.load': {
    prepare: (ctx, input) => loadDemo(ctx.desk, { password: input.password, orders: input.orders }),
    mutate: async (tx, loaded: DemoResult, env) => {
      const settings = await readSettings(tx);
      const missing = Object.fromEntries(
        Object.entries(DEMO_COMPANY).filter(([key]) => !settings[key as keyof Settings]),
      ) as Partial<Settings>;
      await writeSettings(tx, missing, env.now);
      const { ms: _ms, ...summary } = loaded;
      return {
        result: { customers: loaded.customers, products: loaded.products, orders: loaded.orders },
        audit: [
          {
            entity: 'demo',
            entityId: 'desk',
            code: 'audit.demo.loaded',
            params: { customers: loaded.customers, products: loaded.products, orders: loaded.orders },
            summary: 'demo data loaded',
            after: summary,
          },
        ],
        tables: [
          'settings', 'customer_contacts', 'customer_addresses', 'price_groups', 'product_prices', 'bins', 'order_lines',
          'order_status_history', 'order_holds', 'settlements', 'payments', 'customer_balances', 'customer_dues', 'counters',
        ],
      };
    },
  },
};
