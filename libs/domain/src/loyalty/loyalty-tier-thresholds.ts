import { LoyaltyTier } from '@karmabot/contracts/loyalty';

/** Lifetime earned points at which each tier starts. */
export const LOYALTY_TIER_THRESHOLDS: Readonly<Record<LoyaltyTier, number>> = Object.freeze({
  bronze: 0,
  silver: 1_000,
  gold: 5_000,
  platinum: 20_000,
});
