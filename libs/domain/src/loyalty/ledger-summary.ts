import { LoyaltyTier } from '@karmabot/contracts/loyalty';

export interface LedgerSummary {
  /** Points the customer can redeem now: the sum of the `available` bucket. */
  balance: number;
  /** Points waiting for their orders to be paid: the sum of the `pending` bucket. */
  pending: number;
  /** Every point that ever became available by an `earn`; reversals do not lower it. */
  lifetimeEarned: number;
  tier: LoyaltyTier;
}
