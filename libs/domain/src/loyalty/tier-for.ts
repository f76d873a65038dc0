import { LOYALTY_TIERS, LoyaltyTier } from '@karmabot/contracts/loyalty';
import { LOYALTY_TIER_THRESHOLDS } from './loyalty-tier-thresholds';

export function tierFor(lifetimeEarned: number): LoyaltyTier {
  // LOYALTY_TIERS is ordered lowest first, so the first match from the top is the highest reached.
  for (const tier of [...LOYALTY_TIERS].reverse()) {
    if (lifetimeEarned >= LOYALTY_TIER_THRESHOLDS[tier]) return tier;
  }
  return 'bronze';
}
