import { AppError, OrderItem, PLATFORMS } from '@karmabot/contracts';
import {
  assertCanRedeem,
  computeOrderTotal,
  currencyExponent,
  deriveId,
  entriesForOrderPlaced,
  pointsEarnedFor,
} from '@karmabot/domain';
import { lockLiveCustomer } from '../../customers/lock-live-customer';
import { availableBalance } from '../../loyalty/available-balance';
import { insertLedgerEntries } from '../../loyalty/insert-ledger-entries';
import { insertOrder } from '../../orders/insert-order';
import { redemptionFor } from '../../orders/redemption-for';
import { toOrderView } from '../../views/to-order-view';
import { OpHandler } from '../op-handler';

/**
 * Places an order for a customer (or, when that customer was merged, for the one it was merged
 * into). The total comes from the items, never from the client. Redeemed points are checked
 * against the true available balance while the customer row is locked, so two orders cannot
 * spend the same points; earned points wait in `pending` until the order is paid.
 */
export const placeOrder: OpHandler<'order.place'> = async (tx, op) => {
  const { platform, partnerId, currency, redeemPoints, pointsPerUnit } = op.payload;
  if (!(PLATFORMS as readonly string[]).includes(platform)) {
    throw new AppError('VALIDATION_FAILED', 'Unknown platform', [
      { field: 'platform', message: `must be one of ${PLATFORMS.join(', ')}` },
    ]);
  }
  const customer = await lockLiveCustomer(tx, op.payload.customerId);
  const subtotalMinor = computeOrderTotal(op.payload.items);
  currencyExponent(currency); // refuses an unsupported currency before anything is written

  let redemption = { points: 0, discountMinor: 0 };
  if (redeemPoints !== undefined && redeemPoints !== 0) {
    assertCanRedeem(await availableBalance(tx, customer.id), redeemPoints);
    redemption = redemptionFor(redeemPoints, subtotalMinor, currency);
  }
  const totalMinor = subtotalMinor - redemption.discountMinor;
  const earnPoints = pointsEarnedFor(totalMinor, currency, pointsPerUnit);

  const orderId = deriveId(op.opId, 'order');
  const row = await insertOrder(tx, {
    id: orderId,
    customerId: customer.id,
    platform,
    partnerId: partnerId ?? null,
    status: 'pending',
    currency,
    // Only the known fields are stored: what a client adds beyond them never reaches a row.
    items: op.payload.items.map(({ sku, name, qty, unitPriceMinor }): OrderItem => ({
      sku,
      name,
      qty,
      unitPriceMinor,
    })),
    subtotalMinor,
    discountMinor: redemption.discountMinor,
    totalMinor,
    pointsEarned: earnPoints,
    pointsRedeemed: redemption.points,
    opId: op.opId,
    at: op.at,
  });
  await insertLedgerEntries(tx, {
    opId: op.opId,
    customerId: customer.id,
    at: op.at,
    entries: entriesForOrderPlaced({ orderId, earnPoints, redeemPoints: redemption.points }),
  });
  return { order: toOrderView(row) };
};
