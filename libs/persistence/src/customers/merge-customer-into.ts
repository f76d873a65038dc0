import { Sql } from '../db/sql';
import { CUSTOMER_COLUMNS } from '../rows/customer-columns';
import { CustomerRow } from '../rows/customer-row';

/**
 * Merges `absorbed` into `survivor` (both locked by the caller): identities, orders and ledger
 * entries move to the survivor, profile fields the survivor lacks are copied over, and the
 * absorbed customer stays as a tombstone (`merged_into`) so its old id still resolves.
 * Balances add up because the ledger entries move as they are: nothing is re-posted.
 * The email is not copied: the tombstone keeps it (and so keeps it taken), because moving a
 * unique value between rows is what a concurrent registration could race.
 * Both versions go up by one: both rows changed.
 */
export async function mergeCustomerInto(
  tx: Sql,
  absorbed: CustomerRow,
  survivor: CustomerRow,
  at: string,
): Promise<CustomerRow> {
  await tx.query(`UPDATE identities SET customer_id = $2 WHERE customer_id = $1`, [absorbed.id, survivor.id]);
  await tx.query(`UPDATE orders SET customer_id = $2 WHERE customer_id = $1`, [absorbed.id, survivor.id]);
  await tx.query(`UPDATE loyalty_ledger SET customer_id = $2 WHERE customer_id = $1`, [
    absorbed.id,
    survivor.id,
  ]);
  await tx.query(
    `UPDATE customers SET merged_into = $2, version = version + 1, updated_at = GREATEST(updated_at, $3) WHERE id = $1`,
    [absorbed.id, survivor.id, at],
  );
  const { rows } = await tx.query<CustomerRow>(
    `UPDATE customers
        SET display_name = COALESCE(display_name, $2),
            phone = COALESCE(phone, $3),
            locale = COALESCE(locale, $4),
            version = version + 1,
            updated_at = GREATEST(updated_at, $5)
      WHERE id = $1
      RETURNING ${CUSTOMER_COLUMNS}`,
    [survivor.id, absorbed.display_name, absorbed.phone, absorbed.locale, at],
  );
  return rows[0];
}
