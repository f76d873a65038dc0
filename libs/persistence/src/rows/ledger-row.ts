import { LedgerBucket, LedgerKind } from '@karmabot/contracts';

export interface LedgerRow {
  id: string;
  customer_id: string;
  order_id: string | null;
  kind: LedgerKind;
  bucket: LedgerBucket;
  points: number;
  reason: string | null;
  op_id: string;
  at: Date;
}
