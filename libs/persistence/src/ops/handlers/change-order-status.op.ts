import { entriesForOrderTransition } from '@karmabot/domain';
import { availableBalance } from '../../loyalty/available-balance';
import { insertLedgerEntries } from '../../loyalty/insert-ledger-entries';
import { orderLedgerPostings } from '../../loyalty/order-ledger-postings';
import { lockOrder } from '../../orders/lock-order';
import { OrderRow } from '../../rows/order-row';
import { toOrderView } from '../../views/to-order-view';
import { OpHandler } from '../op-handler';

/**
 * Moves an order along its state machine and writes the points that move with it: paid makes
 * the pending earn available; cancelled or refunded reverses what was earned and gives back
 * what was redeemed (never taking the balance below zero). The domain decides from the order's
 * own ledger entries, so what was already settled is never settled twice.
 */
export const changeOrderStatus: OpHandler<'order.status_change'> = async (tx, op) => {
  const { orderId, status, reason } = op.payload;
  const order = await lockOrder(tx, orderId);
  const drafts = entriesForOrderTransition({
    orderId,
    from: order.status,
    to: status,
    orderEntries: await orderLedgerPostings(tx, orderId),
    availableBalance: await availableBalance(tx, order.customer_id),
  });
  const { rows } = await tx.query<OrderRow>(
    `UPDATE orders SET status = $2, updated_at = GREATEST(updated_at, $3) WHERE id = $1 RETURNING *`,
    [orderId, status, op.at],
  );
  await insertLedgerEntries(tx, {
    opId: op.opId,
    customerId: order.customer_id,
    at: op.at,
    // The client's reason (e.g. why it was cancelled) goes with the domain's, on each entry.
    entries: reason
      ? drafts.map((draft) => ({ ...draft, reason: `${draft.reason ?? ''}: ${reason}` }))
      : drafts,
  });
  return { order: toOrderView(rows[0]) };
};
