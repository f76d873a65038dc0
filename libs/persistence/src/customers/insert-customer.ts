import { Sql } from '../db/sql';
import { CUSTOMER_COLUMNS } from '../rows/customer-columns';
import { CustomerRow } from '../rows/customer-row';
import { NewCustomer } from './new-customer';

export async function insertCustomer(tx: Sql, customer: NewCustomer): Promise<CustomerRow> {
  const { rows } = await tx.query<CustomerRow>(
    `INSERT INTO customers (id, display_name, email, phone, locale, password_hash, version, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $7)
     RETURNING ${CUSTOMER_COLUMNS}`,
    [
      customer.id,
      customer.displayName ?? null,
      customer.email ?? null,
      customer.phone ?? null,
      customer.locale ?? null,
      customer.passwordHash ?? null,
      customer.at,
    ],
  );
  return rows[0];
}
