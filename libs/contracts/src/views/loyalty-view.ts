import { Sourced } from '../failover/store-mode';
import { LedgerBucket, LedgerKind, LoyaltyTier } from '../loyalty';

export interface LedgerEntryView {
  id: string;
  kind: LedgerKind;
  bucket: LedgerBucket;
  points: number;
  orderId: string | null;
  reason: string | null;
  at: string;
}

export interface LoyaltySummaryView extends Sourced {
  customerId: string;
  balance: number;
  pending: number;
  lifetimeEarned: number;
  tier: LoyaltyTier;
  recentEntries: LedgerEntryView[];
}
