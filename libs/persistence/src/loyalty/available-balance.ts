import { Sql } from '../db/sql';
import { toSafeNumber } from '../rows/to-safe-number';

/**
 * The customer's redeemable points: the sum of the `available` bucket. Only meaningful while
 * the customer row is locked, which is what keeps two redemptions from both seeing the same points.
 */
export async function availableBalance(tx: Sql, customerId: string): Promise<number> {
  const { rows } = await tx.query<{ balance: string }>(
    `SELECT COALESCE(SUM(points), 0)::bigint AS balance
       FROM loyalty_ledger WHERE customer_id = $1 AND bucket = 'available'`,
    [customerId],
  );
  return toSafeNumber(rows[0].balance, 'loyalty balance');
}
