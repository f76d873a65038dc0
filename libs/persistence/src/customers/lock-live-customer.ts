import { Sql } from '../db/sql';
import { isUuid } from '../db/is-uuid';
import { CUSTOMER_COLUMNS } from '../rows/customer-columns';
import { CustomerRow } from '../rows/customer-row';
import { customerNotFound } from './customer-not-found';
import { lockCustomers } from './lock-customers';

/** A merge chain longer than this means corrupt data, not a real history. */
const MAX_MERGE_HOPS = 8;

/**
 * The live customer `customerId` stands for, locked FOR UPDATE: the customer itself, or the
 * one it was merged into (a client may still hold the old id). Tombstones are followed
 * without locking them: `merged_into` never changes once set. A customer merged while we
 * waited for its lock is followed on the same way.
 */
export async function lockLiveCustomer(tx: Sql, customerId: string): Promise<CustomerRow> {
  if (!isUuid(customerId)) throw customerNotFound(String(customerId));
  let id = customerId;
  for (let hop = 0; hop <= MAX_MERGE_HOPS; hop++) {
    const { rows } = await tx.query<CustomerRow>(`SELECT ${CUSTOMER_COLUMNS} FROM customers WHERE id = $1`, [
      id,
    ]);
    const row = rows[0];
    if (!row) throw customerNotFound(customerId);
    if (row.merged_into) {
      id = row.merged_into;
      continue;
    }
    const locked = (await lockCustomers(tx, [id])).get(id);
    if (!locked) throw customerNotFound(customerId);
    if (!locked.merged_into) return locked;
    id = locked.merged_into;
  }
  throw new Error(`Customer ${customerId} has a merge chain longer than ${MAX_MERGE_HOPS}`);
}
