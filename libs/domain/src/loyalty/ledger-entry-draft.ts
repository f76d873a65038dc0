import { LedgerBucket, LedgerKind } from '@karmabot/contracts/loyalty';

/**
 * A ledger entry before persistence gives it an id and a time. The ledger is append-only:
 * every change of state is new entries, so `points` is signed and the balance is a sum.
 */
export interface LedgerEntryDraft {
  kind: LedgerKind;
  bucket: LedgerBucket;
  points: number;
  orderId?: string;
  reason?: string;
}
