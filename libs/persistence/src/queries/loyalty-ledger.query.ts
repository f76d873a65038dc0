import { summarizeLedger } from '@karmabot/domain';
import { isUuid } from '../db/is-uuid';
import { LedgerRow } from '../rows/ledger-row';
import { toSafeNumber } from '../rows/to-safe-number';
import { toLedgerEntryView } from '../views/to-ledger-entry-view';
import { clampLimit } from './clamp-limit';
import { QueryHandler } from './query-handler';

/**
 * A customer's balance, pending points, lifetime earned and tier, plus the most recent entries.
 * The summary is summarizeLedger's, fed with one posting per (kind, bucket, sign) summed in SQL
 * rather than every entry: the rules are sums and read only those three fields, so the answer
 * is the same and the transfer stays small however long the history is.
 * An unknown customer has an empty ledger: the caller checks the customer exists.
 */
export const loyaltyLedger: QueryHandler<'query.loyalty.ledger'> = async (
  sql,
  { customerId, recentLimit },
) => {
  if (!isUuid(customerId)) {
    return { customerId, ...summarizeLedger([]), recentEntries: [] };
  }
  const totals = await sql.query<{ kind: LedgerRow['kind']; bucket: LedgerRow['bucket']; points: string }>(
    `SELECT kind, bucket, SUM(points)::bigint AS points
       FROM loyalty_ledger WHERE customer_id = $1
      GROUP BY kind, bucket, points > 0`,
    [customerId],
  );
  const recent = await sql.query<LedgerRow>(
    `SELECT * FROM loyalty_ledger WHERE customer_id = $1 ORDER BY at DESC, id DESC LIMIT $2`,
    [customerId, clampLimit(recentLimit, 10, 0, 100)],
  );
  const summary = summarizeLedger(
    totals.rows.map((row) => ({
      kind: row.kind,
      bucket: row.bucket,
      points: toSafeNumber(row.points, 'ledger sum'),
    })),
  );
  return { customerId, ...summary, recentEntries: recent.rows.map(toLedgerEntryView) };
};
