import { Platform } from '@karmabot/contracts';
import { Sql } from '../db/sql';
import { IdentityRow } from '../rows/identity-row';

export async function findIdentity(
  sql: Sql,
  platform: Platform,
  externalId: string,
): Promise<IdentityRow | null> {
  const { rows } = await sql.query<IdentityRow>(
    `SELECT platform, external_id, customer_id, username, linked_at
       FROM identities WHERE platform = $1 AND external_id = $2`,
    [platform, externalId],
  );
  return rows[0] ?? null;
}
