import { LedgerEntryView } from '@karmabot/contracts';
import { LedgerRow } from '../rows/ledger-row';

export function toLedgerEntryView(row: LedgerRow): LedgerEntryView {
  return {
    id: row.id,
    kind: row.kind,
    bucket: row.bucket,
    points: row.points,
    orderId: row.order_id,
    reason: row.reason,
    at: row.at.toISOString(),
  };
}
