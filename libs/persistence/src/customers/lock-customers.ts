import { Sql } from '../db/sql';
import { CUSTOMER_COLUMNS } from '../rows/customer-columns';
import { CustomerRow } from '../rows/customer-row';

/**
 * Locks the given customers FOR UPDATE, always in ascending id order (the rows are locked as
 * the sorted result is read), so two ops that touch the same customers cannot deadlock.
 * Every op locks customers before it locks any order. Missing ids are simply absent from the map.
 */
export async function lockCustomers(tx: Sql, ids: readonly string[]): Promise<Map<string, CustomerRow>> {
  const unique = [...new Set(ids)];
  const { rows } = await tx.query<CustomerRow>(
    `SELECT ${CUSTOMER_COLUMNS} FROM customers WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
    [unique],
  );
  return new Map(rows.map((row) => [row.id, row]));
}
