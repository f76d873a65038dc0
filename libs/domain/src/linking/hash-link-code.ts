import { createHmac } from 'node:crypto';

/**
 * Only this hash is stored, so a leaked table yields no usable code; the pepper (kept out of
 * the database) stops anyone with the table from hashing all 2^40 codes offline.
 * Case and surrounding spaces are dropped because people retype codes.
 */
export function hashLinkCode(code: string, pepper: string): string {
  if (pepper === '') throw new RangeError('link code pepper must not be empty');
  return createHmac('sha256', pepper).update(code.trim().toUpperCase()).digest('hex');
}
