import { FieldError } from '@karmabot/contracts/errors/field-error';
import { InvalidInput } from '../errors/invalid-input';
import { LedgerEntryDraft } from './ledger-entry-draft';
import { OrderPlacedPoints } from './order-placed-points';

/**
 * Earned points wait in `pending` until the order is paid; redeemed points leave `available`
 * at once, so they cannot be spent twice while the order is open.
 */
export function entriesForOrderPlaced({
  orderId,
  earnPoints,
  redeemPoints = 0,
}: OrderPlacedPoints): LedgerEntryDraft[] {
  const errors: FieldError[] = [];
  if (!Number.isSafeInteger(earnPoints) || earnPoints < 0) {
    errors.push({ field: 'earn_points', message: 'must be a non-negative integer' });
  }
  if (!Number.isSafeInteger(redeemPoints) || redeemPoints < 0) {
    errors.push({ field: 'redeem_points', message: 'must be a non-negative integer' });
  }
  if (errors.length > 0) throw new InvalidInput(errors);

  const entries: LedgerEntryDraft[] = [];
  if (earnPoints > 0) {
    entries.push({ kind: 'earn', bucket: 'pending', points: earnPoints, orderId, reason: 'order placed' });
  }
  if (redeemPoints > 0) {
    entries.push({
      kind: 'redeem',
      bucket: 'available',
      points: -redeemPoints,
      orderId,
      reason: 'order placed',
    });
  }
  return entries;
}
