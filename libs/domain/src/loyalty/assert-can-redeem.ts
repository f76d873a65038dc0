import { InsufficientPoints } from '../errors/insufficient-points';
import { InvalidInput } from '../errors/invalid-input';

/**
 * `availableBalance` must be a true balance (read from a store, not the cache): the caller
 * refuses redemptions in CACHE_ONLY for that reason.
 */
export function assertCanRedeem(availableBalance: number, points: number): void {
  if (!Number.isSafeInteger(points) || points <= 0) {
    throw new InvalidInput([{ field: 'points', message: 'must be a positive integer' }]);
  }
  if (points > availableBalance) throw new InsufficientPoints(availableBalance, points);
}
