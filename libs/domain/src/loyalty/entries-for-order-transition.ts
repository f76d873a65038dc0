import { assertOrderTransition } from '../orders/assert-order-transition';
import { LedgerEntryDraft } from './ledger-entry-draft';
import { LedgerPosting } from './ledger-posting';
import { OrderTransitionPoints } from './order-transition-points';

/**
 * The ledger entries an order's status change writes. What is still owed is computed from the
 * order's own entries rather than from the order row, so running this again after its entries
 * were written (a retry, a replay on the other store) yields nothing more.
 */
export function entriesForOrderTransition({
  orderId,
  from,
  to,
  orderEntries,
  availableBalance,
}: OrderTransitionPoints): LedgerEntryDraft[] {
  assertOrderTransition(from, to);
  if (!Number.isSafeInteger(availableBalance)) {
    throw new RangeError(`availableBalance must be a safe integer, got ${availableBalance}`);
  }
  const owed = outstandingPoints(orderEntries);
  const entry = (draft: Omit<LedgerEntryDraft, 'orderId'>): LedgerEntryDraft => ({ ...draft, orderId });
  const entries: LedgerEntryDraft[] = [];

  switch (to) {
    case 'paid':
      if (owed.pendingEarned > 0) {
        const points = owed.pendingEarned;
        entries.push(
          entry({ kind: 'earn', bucket: 'pending', points: -points, reason: 'order paid' }),
          entry({ kind: 'earn', bucket: 'available', points, reason: 'order paid' }),
        );
      }
      break;

    case 'fulfilled':
      break;

    case 'cancelled':
    case 'refunded': {
      const reason = `order ${to}`;
      // After `paid` nothing should be pending; reversing a leftover keeps the order fully settled.
      if (owed.pendingEarned > 0) {
        entries.push(entry({ kind: 'reverse', bucket: 'pending', points: -owed.pendingEarned, reason }));
      }
      if (owed.redeemed > 0) {
        entries.push(entry({ kind: 'reverse', bucket: 'available', points: owed.redeemed, reason }));
      }
      if (owed.availableEarned > 0) {
        entries.push(
          ...earnedReversal(owed.availableEarned, availableBalance + owed.redeemed, reason, entry),
        );
      }
      break;
    }
  }
  return entries;
}

/**
 * Reverses `earned` points without taking the balance below zero. When the customer already
 * spent some of them, the shortfall is written off by an `adjust` entry placed before the
 * full reversal: the balance lands on 0 (never below, even between entries), the reason
 * records the amount written off, and the reversal still sums to `earned`, which is what
 * keeps a second run from reversing the written-off part again.
 */
function earnedReversal(
  earned: number,
  balanceAfterRestore: number,
  reason: string,
  entry: (draft: Omit<LedgerEntryDraft, 'orderId'>) => LedgerEntryDraft,
): LedgerEntryDraft[] {
  const writtenOff = Math.min(earned, Math.max(0, earned - balanceAfterRestore));
  if (writtenOff === 0) return [entry({ kind: 'reverse', bucket: 'available', points: -earned, reason })];
  const clampNote = `${reason}: ${writtenOff} of ${earned} earned points already spent, clamped at 0`;
  return [
    entry({ kind: 'adjust', bucket: 'available', points: writtenOff, reason: clampNote }),
    entry({ kind: 'reverse', bucket: 'available', points: -earned, reason: clampNote }),
  ];
}

/**
 * What the order still holds, read from its entries by kind, bucket and sign: a positive
 * `reverse` in `available` gives back a redemption, a negative one takes back earned points.
 */
function outstandingPoints(entries: readonly LedgerPosting[]): {
  pendingEarned: number;
  availableEarned: number;
  redeemed: number;
} {
  let pending = 0;
  let earned = 0;
  let earnReversed = 0;
  let redeemed = 0;
  let restored = 0;
  for (const { kind, bucket, points } of entries) {
    if (bucket === 'pending') {
      pending += points;
      continue;
    }
    if (kind === 'earn') earned += points;
    else if (kind === 'redeem') redeemed -= points;
    else if (kind === 'reverse' && points > 0) restored += points;
    else if (kind === 'reverse') earnReversed -= points;
  }
  return {
    pendingEarned: Math.max(0, pending),
    availableEarned: Math.max(0, earned - earnReversed),
    redeemed: Math.max(0, redeemed - restored),
  };
}
