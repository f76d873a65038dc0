import { normalizeEmail } from '@karmabot/domain';
import { CUSTOMER_COLUMNS } from '../rows/customer-columns';
import { CustomerRow } from '../rows/customer-row';
import { loadCustomerViews } from '../views/load-customer-views';
import { clampLimit } from './clamp-limit';
import { likePrefix } from './like-prefix';
import { QueryHandler } from './query-handler';
import { SearchCursor } from './search-cursor';

/**
 * Searches live customers (tombstones are skipped), filters combined with AND, ordered by id
 * and paged by keyset: the cursor is the last id of the previous page, so pages stay stable
 * while customers are added. `query` matches the start of the display name, email, phone or any
 * identity's username, case-insensitively; each branch is its own index scan, hence the UNION.
 * Only the filters given are put in the SQL, so the planner sees no `$n IS NULL OR …`.
 */
export const customerSearch: QueryHandler<'query.customer.search'> = async (sql, request) => {
  const limit = clampLimit(request.limit, 20, 1, 100);
  const params: unknown[] = [];
  const param = (value: unknown) => `$${params.push(value)}`;
  const where = ['c.merged_into IS NULL'];

  if (request.cursor) where.push(`c.id > ${param(SearchCursor.decode(request.cursor))}`);
  if (request.email) where.push(`lower(c.email) = ${param(normalizeEmail(request.email))}`);
  if (request.phone) where.push(`c.phone = ${param(request.phone)}`);
  if (request.telegramId) {
    where.push(
      `EXISTS (SELECT 1 FROM identities i
                WHERE i.customer_id = c.id AND i.platform = 'telegram' AND i.external_id = ${param(request.telegramId)})`,
    );
  }
  if (request.platform) {
    where.push(
      `EXISTS (SELECT 1 FROM identities i WHERE i.customer_id = c.id AND i.platform = ${param(request.platform)})`,
    );
  }
  const text = request.query?.trim();
  if (text) {
    const lower = param(likePrefix(text.toLowerCase()));
    const raw = param(likePrefix(text));
    // Usernames are shown as @name; a search for "@ann" means the username "ann".
    const username = param(likePrefix(text.replace(/^@/, '').toLowerCase()));
    where.push(`c.id IN (
      SELECT id FROM customers WHERE lower(display_name) LIKE ${lower}
      UNION SELECT id FROM customers WHERE lower(email) LIKE ${lower}
      UNION SELECT id FROM customers WHERE phone LIKE ${raw}
      UNION SELECT customer_id FROM identities WHERE lower(username) LIKE ${username})`);
  }

  // One row more than the page tells whether another page follows, without a count.
  const { rows } = await sql.query<CustomerRow>(
    `SELECT ${CUSTOMER_COLUMNS} FROM customers c WHERE ${where.join(' AND ')} ORDER BY c.id LIMIT ${param(limit + 1)}`,
    params,
  );
  const page = rows.slice(0, limit);
  const items = await loadCustomerViews(sql, page);
  const nextCursor = rows.length > limit ? SearchCursor.encode(page[page.length - 1].id) : null;
  return { items, nextCursor };
};
