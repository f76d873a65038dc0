import { Platform } from '@karmabot/contracts';
import { Sql } from '../db/sql';
import { CustomerRow } from '../rows/customer-row';
import { IdentityRow } from '../rows/identity-row';
import { findIdentity } from './find-identity';
import { lockCustomers } from './lock-customers';

export interface LockedIdentity {
  identity: IdentityRow;
  /** The customer that owns the identity, locked. */
  owner: CustomerRow;
  /** The other customers asked for, locked in the same ascending-id pass (absent when missing). */
  others: Map<string, CustomerRow>;
}

/** Each retry means a merge moved the identity between our read and our lock; more is a bug. */
const MAX_ATTEMPTS = 4;

/**
 * Locks the owner of an identity together with `alsoLock` (one pass, ascending ids, so the
 * lock order holds), then checks the identity still belongs to the customer it locked: a
 * concurrent merge may have moved it, in which case it starts over with the new owner.
 * Returns null, with `alsoLock` locked, when the identity does not exist.
 */
export async function lockIdentityOwner(
  tx: Sql,
  platform: Platform,
  externalId: string,
  alsoLock: readonly string[] = [],
): Promise<LockedIdentity | { identity: null; others: Map<string, CustomerRow> }> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const seen = await findIdentity(tx, platform, externalId);
    const locked = await lockCustomers(tx, seen ? [seen.customer_id, ...alsoLock] : alsoLock);
    const identity = await findIdentity(tx, platform, externalId);
    if (!identity && !seen) return { identity: null, others: locked };
    if (identity && seen && identity.customer_id === seen.customer_id) {
      const owner = locked.get(identity.customer_id);
      if (owner) return { identity, owner, others: locked };
    }
  }
  throw new Error(`Identity ${platform}:${externalId} kept changing owner while being locked`);
}
