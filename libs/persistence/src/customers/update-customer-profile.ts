import { Sql } from '../db/sql';
import { CUSTOMER_COLUMNS } from '../rows/customer-columns';
import { CustomerRow } from '../rows/customer-row';
import { ProfileChanges } from './profile-changes';

/** The only columns this writes; also what keeps column names in the SQL below out of callers' hands. */
const PROFILE_COLUMNS = [
  'display_name',
  'phone',
  'locale',
] as const satisfies readonly (keyof ProfileChanges)[];

/**
 * Writes the columns of `changes` that differ from `current` and bumps the version by one.
 * Returns `current` untouched when nothing differs, so a no-op edit does not change the
 * version that clients send back in If-Match. `updated_at` never moves backwards when an
 * older op (a deferred replay) applies after a newer one.
 */
export async function updateCustomerProfile(
  tx: Sql,
  current: CustomerRow,
  changes: ProfileChanges,
  at: string,
): Promise<CustomerRow> {
  const columns = PROFILE_COLUMNS.filter(
    (column) => changes[column] !== undefined && changes[column] !== current[column],
  );
  if (columns.length === 0) return current;
  const assignments = columns.map((column, i) => `${column} = $${i + 3}`);
  const { rows } = await tx.query<CustomerRow>(
    `UPDATE customers
        SET ${assignments.join(', ')}, version = version + 1, updated_at = GREATEST(updated_at, $2)
      WHERE id = $1
      RETURNING ${CUSTOMER_COLUMNS}`,
    [current.id, at, ...columns.map((column) => changes[column])],
  );
  return rows[0];
}
