export const ORDER_STATUSES = [
  'draft',
  'submitted',
  'on_hold',
  'approved',
  'allocated',
  'picking',
  'partly_shipped',
  'shipped',
  'delivered',
  'settled',
  'closed',
  'cancelled',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
