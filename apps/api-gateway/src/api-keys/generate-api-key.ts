import { randomBytes, randomInt } from 'node:crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const PREFIX_LENGTH = 12;
const SECRET_BYTES = 32;

export interface ApiKeyMaterial {
  /** The public half: stored in clear, used to find the key's row. */
  prefix: string;
  /** The whole key as the client sends it; shown once, then only its HMAC exists. */
  key: string;
}

/** A new random API key. `randomInt` draws each prefix character without modulo bias. */
export function generateApiKey(): ApiKeyMaterial {
  let prefix = '';
  for (let i = 0; i < PREFIX_LENGTH; i++) prefix += BASE62[randomInt(BASE62.length)];
  const secret = randomBytes(SECRET_BYTES).toString('base64url');
  return { prefix, key: `kb_${prefix}_${secret}` };
}
