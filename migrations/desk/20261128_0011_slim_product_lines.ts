/**
 * order_lines_product drops warehouse_id: (product_id, order_id) is all the order list's SKU walk
 * reads, and no query is covered by the warehouse column (allocation reads line rows for their
 * quantities anyway). With it in the index, allocating a line (its warehouse set at approval) moved
 * the line's index entry: three more pages to sync in every submit. The entries are also a third
 * smaller, which a bulk load that builds the index at its end notices.
 */
export const slimProductLines = {
  name: '20261128_0011_slim_product_lines',
  statements: [`DROP INDEX order_lines_product`, `CREATE INDEX order_lines_product ON order_lines (product_id, order_id)`],
};
