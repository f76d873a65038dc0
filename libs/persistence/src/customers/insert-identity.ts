import { Platform } from '@karmabot/contracts';
import { Sql } from '../db/sql';

export interface NewIdentity {
  platform: Platform;
  externalId: string;
  customerId: string;
  username?: string | null;
  /** The op's `at`. */
  at: string;
}

export async function insertIdentity(tx: Sql, identity: NewIdentity): Promise<void> {
  await tx.query(
    `INSERT INTO identities (platform, external_id, customer_id, username, linked_at) VALUES ($1, $2, $3, $4, $5)`,
    [identity.platform, identity.externalId, identity.customerId, identity.username ?? null, identity.at],
  );
}
