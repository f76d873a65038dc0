// Development secrets that `npm start` makes once and keeps in .karmabot/ (git-ignored, mode 0600).
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT } from './paths.mjs';

export const SECRETS_DIR = resolve(ROOT, '.karmabot');

/** The secret kept in `.karmabot/<file>`, created (32 random bytes, base64url) when missing. */
export function localSecret(file) {
  const path = resolve(SECRETS_DIR, file);
  if (existsSync(path)) {
    const kept = readFileSync(path, 'utf8').trim();
    if (kept) return { value: kept, path, created: false };
  }
  mkdirSync(SECRETS_DIR, { recursive: true, mode: 0o700 });
  const value = randomBytes(32).toString('base64url');
  writeFileSync(path, value + '\n', { mode: 0o600 });
  chmodSync(path, 0o600); // the mode above applies only when the file is new
  return { value, path, created: true };
}
