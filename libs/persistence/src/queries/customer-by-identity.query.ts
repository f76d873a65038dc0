import { normalizeEmail } from '@karmabot/domain';
import { CUSTOMER_COLUMNS } from '../rows/customer-columns';
import { CustomerRow } from '../rows/customer-row';
import { loadCustomerViews } from '../views/load-customer-views';
import { QueryHandler } from './query-handler';

/**
 * The customer an identity belongs to (identities move on merge, so this is a live customer).
 * A website identity is its email, looked up in its normalized spelling.
 */
export const customerByIdentity: QueryHandler<'query.customer.by-identity'> = async (
  sql,
  { platform, externalId },
) => {
  const { rows } = await sql.query<CustomerRow>(
    `SELECT ${CUSTOMER_COLUMNS} FROM customers
      WHERE id = (SELECT customer_id FROM identities WHERE platform = $1 AND external_id = $2)`,
    [platform, platform === 'website' ? normalizeEmail(String(externalId)) : externalId],
  );
  const [view] = await loadCustomerViews(sql, rows);
  return view ?? null;
};
