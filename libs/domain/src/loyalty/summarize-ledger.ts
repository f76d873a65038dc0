import { LedgerPosting } from './ledger-posting';
import { LedgerSummary } from './ledger-summary';
import { tierFor } from './tier-for';

export function summarizeLedger(entries: readonly LedgerPosting[]): LedgerSummary {
  let balance = 0;
  let pending = 0;
  let lifetimeEarned = 0;
  for (const { kind, bucket, points } of entries) {
    if (bucket === 'available') balance += points;
    else pending += points;
    // Only the available side counts, so a pending earn moved to available is counted once.
    if (kind === 'earn' && bucket === 'available' && points > 0) lifetimeEarned += points;
  }
  return { balance, pending, lifetimeEarned, tier: tierFor(lifetimeEarned) };
}
