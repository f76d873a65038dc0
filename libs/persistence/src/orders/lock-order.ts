import { AppError } from '@karmabot/contracts';
import { lockCustomers } from '../customers/lock-customers';
import { isUuid } from '../db/is-uuid';
import { Sql } from '../db/sql';
import { OrderRow } from '../rows/order-row';

/** Each retry means a merge moved the order between our read and our lock; more than this is a bug. */
const MAX_ATTEMPTS = 4;

/**
 * Locks an order FOR UPDATE after its customer, keeping the store's lock order (customers,
 * then orders). The customer comes from an unlocked read first; if a merge moved the order to
 * another customer meanwhile, the new owner is locked and the order read again.
 * Throws ORDER_NOT_FOUND (not a decision: a retry may find it) when there is no such order.
 */
export async function lockOrder(tx: Sql, orderId: string): Promise<OrderRow> {
  const notFound = () => new AppError('ORDER_NOT_FOUND', `Order ${String(orderId)} does not exist`);
  if (!isUuid(orderId)) throw notFound();
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const { rows } = await tx.query<{ customer_id: string }>(`SELECT customer_id FROM orders WHERE id = $1`, [
      orderId,
    ]);
    if (!rows[0]) throw notFound();
    await lockCustomers(tx, [rows[0].customer_id]);
    const locked = await tx.query<OrderRow>(`SELECT * FROM orders WHERE id = $1 FOR UPDATE`, [orderId]);
    const order = locked.rows[0];
    if (!order) throw notFound();
    if (order.customer_id === rows[0].customer_id) return order;
  }
  throw new Error(`Order ${orderId} kept moving between customers while being locked`);
}
