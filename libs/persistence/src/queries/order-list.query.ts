import { isUuid } from '../db/is-uuid';
import { OrderRow } from '../rows/order-row';
import { toOrderView } from '../views/to-order-view';
import { clampLimit } from './clamp-limit';
import { QueryHandler } from './query-handler';

/** A customer's most recent orders, newest first (served by orders_customer_created_idx). */
export const orderList: QueryHandler<'query.order.list'> = async (sql, { customerId, limit }) => {
  if (!isUuid(customerId)) return [];
  const { rows } = await sql.query<OrderRow>(
    `SELECT * FROM orders WHERE customer_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2`,
    [customerId, clampLimit(limit, 20, 1, 100)],
  );
  return rows.map(toOrderView);
};
