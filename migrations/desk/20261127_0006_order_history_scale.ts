/**
 * What a desk with a large order history needs: credit exposure from one index range, a covering
 * index for the order list's product search, and an order search index that never rewrites itself
 * inside a clerk's save.
 *
 * orders.billed_at: when the order's settlement document was issued (null: not billed yet).
 * Credit exposure counts an approved order until it is billed; after that its settlement's unpaid
 * balance counts instead. Keeping the fact on the order lets exposure read one index range per
 * customer instead of probing the settlements of every delivered order it ever had.
 */
export const orderHistoryScale = {
  name: '20261127_0006_order_history_scale',
  statements: [
    `ALTER TABLE orders ADD COLUMN billed_at TEXT`,
    `UPDATE orders SET billed_at = (
       SELECT min(s.issued_at) FROM settlements s WHERE s.order_id = orders.id AND s.status != 'void')
     WHERE id IN (SELECT order_id FROM settlements WHERE order_id IS NOT NULL AND status != 'void')`,
    // Same index, one more equality column: "open and not billed" of one customer is a direct range.
    `DROP INDEX orders_customer_status`,
    `CREATE INDEX orders_customer_status ON orders (customer_id, status, billed_at, total)`,
    // The order list's product search reads a product's orders newest first: order ids are UUIDv7
    // of the creation time, so (product, order) walks them in that order without a sort and without
    // visiting the line rows. Allocation's lookups by (product, warehouse) read warehouse_id from the
    // same index entries.
    `DROP INDEX order_lines_product`,
    `CREATE INDEX order_lines_product ON order_lines (product_id, order_id, warehouse_id)`,
    // FTS5 rewrites every segment of a level once 16 pile up there ("crisis merge"). After a bulk
    // load the whole order index is one segment on level 0, so the 15th order saved afterwards
    // rewrote all of it inside a clerk's save (7 MB at 30,000 orders). Incremental automerge keeps
    // levels small without that cliff; the crisis threshold is only a last resort now.
    `INSERT INTO orders_fts (orders_fts, rank) VALUES ('crisismerge', 2000)`,
  ],
};
