import { isUuid } from '../db/is-uuid';
import { OrderRow } from '../rows/order-row';
import { toOrderView } from '../views/to-order-view';
import { QueryHandler } from './query-handler';

export const orderById: QueryHandler<'query.order.by-id'> = async (sql, { orderId }) => {
  if (!isUuid(orderId)) return null;
  const { rows } = await sql.query<OrderRow>(`SELECT * FROM orders WHERE id = $1`, [orderId]);
  return rows[0] ? toOrderView(rows[0]) : null;
};
