import { CustomerView, IdentityView } from '@karmabot/contracts';
import { Sql } from '../db/sql';
import { CustomerRow } from '../rows/customer-row';
import { IdentityRow } from '../rows/identity-row';

/**
 * Customer views for `rows`, in the same order, each with its identities: one query for all
 * the identities, however many customers a search page holds.
 */
export async function loadCustomerViews(sql: Sql, rows: readonly CustomerRow[]): Promise<CustomerView[]> {
  if (rows.length === 0) return [];
  const { rows: identities } = await sql.query<IdentityRow>(
    `SELECT platform, external_id, customer_id, username, linked_at
       FROM identities WHERE customer_id = ANY($1::uuid[])
      ORDER BY linked_at, platform, external_id`,
    [rows.map((row) => row.id)],
  );
  const byCustomer = new Map<string, IdentityView[]>();
  for (const identity of identities) {
    const list = byCustomer.get(identity.customer_id) ?? [];
    list.push({
      platform: identity.platform,
      externalId: identity.external_id,
      username: identity.username,
      linkedAt: identity.linked_at.toISOString(),
    });
    byCustomer.set(identity.customer_id, list);
  }
  return rows.map((row) => ({
    id: row.id,
    displayName: row.display_name,
    email: row.email,
    phone: row.phone,
    locale: row.locale,
    version: row.version,
    mergedInto: row.merged_into,
    identities: byCustomer.get(row.id) ?? [],
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  }));
}
