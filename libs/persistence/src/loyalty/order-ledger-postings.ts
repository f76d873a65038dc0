import { LedgerPosting } from '@karmabot/domain';
import { Sql } from '../db/sql';

/** Every ledger entry already written for one order: what its next transition still owes. */
export async function orderLedgerPostings(tx: Sql, orderId: string): Promise<LedgerPosting[]> {
  const { rows } = await tx.query<LedgerPosting>(
    `SELECT kind, bucket, points FROM loyalty_ledger WHERE order_id = $1`,
    [orderId],
  );
  return rows;
}
