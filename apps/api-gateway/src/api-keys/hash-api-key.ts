import { createHmac } from 'node:crypto';

/**
 * What is stored for a key: HMAC-SHA-256 of the whole key under the server's pepper, in hex.
 * The secret has 256 bits, so no slow hash is needed; the pepper (never in the database) means
 * a leaked table alone does not even let anyone test a guessed key.
 */
export function hashApiKey(key: string, pepper: string): string {
  return createHmac('sha256', pepper).update(key).digest('hex');
}
