import { randomInt } from 'node:crypto';
import { LINK_CODE_ALPHABET } from './link-code-alphabet';
import { LINK_CODE_LENGTH } from './link-code-length';

export function generateLinkCode(): string {
  let code = '';
  for (let i = 0; i < LINK_CODE_LENGTH; i++) {
    // randomInt rejects out-of-range draws instead of taking a modulo, so every symbol is equally likely.
    code += LINK_CODE_ALPHABET[randomInt(LINK_CODE_ALPHABET.length)];
  }
  return code;
}
