import { CustomerView } from '@karmabot/contracts';
import { Sql } from '../db/sql';
import { CUSTOMER_COLUMNS } from '../rows/customer-columns';
import { CustomerRow } from '../rows/customer-row';
import { loadCustomerViews } from './load-customer-views';

/** One customer with its identities, tombstone or not; null when there is no such row. */
export async function findCustomerView(sql: Sql, customerId: string): Promise<CustomerView | null> {
  const { rows } = await sql.query<CustomerRow>(`SELECT ${CUSTOMER_COLUMNS} FROM customers WHERE id = $1`, [
    customerId,
  ]);
  const [view] = await loadCustomerViews(sql, rows);
  return view ?? null;
}
