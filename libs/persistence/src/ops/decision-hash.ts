import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/**
 * `ops.result_hash`: SHA-256 of the canonical JSON of what the op decided (its result when
 * applied, its error when rejected). Reconciliation compares it across stores to find an op
 * the two stores decided differently without shipping the results themselves.
 */
export function decisionHash(decided: unknown): string {
  return createHash('sha256').update(canonicalJson(decided)).digest('hex');
}
