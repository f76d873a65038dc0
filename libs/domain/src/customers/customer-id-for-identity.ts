import { PLATFORMS, Platform } from '@karmabot/contracts/platforms';
import { v5 as uuidv5 } from 'uuid';
import { InvalidInput } from '../errors/invalid-input';
import { IDENTITY_NAMESPACE } from './identity-namespace';
import { normalizeEmail } from './normalize-email';

/**
 * The id of a customer first created from this identity. Deterministic, so the primary, the
 * backup and a deferred replay all mint the same id without talking to each other.
 * A website identity is its email, normalized here so no caller can mint a second id for
 * `Ann@x.io`.
 */
export function customerIdForIdentity(platform: Platform, externalId: string): string {
  if (!(PLATFORMS as readonly string[]).includes(platform)) {
    throw new InvalidInput([{ field: 'platform', message: `must be one of ${PLATFORMS.join(', ')}` }]);
  }
  if (typeof externalId !== 'string' || externalId.trim() === '') {
    throw new InvalidInput([{ field: 'external_id', message: 'must be a non-empty string' }]);
  }
  const id = platform === 'website' ? normalizeEmail(externalId) : externalId;
  return uuidv5(`${platform}:${id}`, IDENTITY_NAMESPACE);
}
