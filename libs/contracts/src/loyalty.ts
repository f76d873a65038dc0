export const LEDGER_KINDS = ['earn', 'redeem', 'reverse', 'adjust', 'expire'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/** Points sit in `pending` until their order is paid, then move to `available` by new entries. */
export const LEDGER_BUCKETS = ['pending', 'available'] as const;
export type LedgerBucket = (typeof LEDGER_BUCKETS)[number];

export const LOYALTY_TIERS = ['bronze', 'silver', 'gold', 'platinum'] as const;
export type LoyaltyTier = (typeof LOYALTY_TIERS)[number];
