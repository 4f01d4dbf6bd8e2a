/**
 * How the goods reach the customer: delivered by the desk's own van, picked up by the customer,
 * sent by courier (parcel) or by freight (pallets, bulky furniture). The warehouse plans by it and
 * a clerk may change it after the change window under small-change authority. Existing orders are
 * deliveries, which is what they were before the field existed. ADD COLUMN with a constant default
 * does not rewrite the table (instant at a million orders).
 */
export const deliveryMethod = {
  name: '20261128_0012_delivery_method',
  statements: [
    `ALTER TABLE orders ADD COLUMN delivery_method TEXT NOT NULL DEFAULT 'delivery'
       CHECK (delivery_method IN ('delivery', 'pickup', 'courier', 'freight'))`,
  ],
};
