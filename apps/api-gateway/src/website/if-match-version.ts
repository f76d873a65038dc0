import { AppError } from '@karmabot/contracts';

const ENTITY_TAG = /^(?:W\/)?"([\x21\x23-\x7e]*)"$/;

/**
 * The version an If-Match header asks a write to apply to. Absent or `*` asks nothing (last
 * writer wins). A tag that is not one of our versions can never match, so it fails the
 * precondition at once; a header that is not an entity tag at all is a malformed request.
 * Weak tags (`W/"3"`) are accepted because proxies weaken ETags on the way back.
 */
export function ifMatchVersion(header: string | undefined): number | undefined {
  const value = header?.trim();
  if (value === undefined || value === '' || value === '*') return undefined;
  const match = ENTITY_TAG.exec(value);
  if (!match) {
    throw new AppError('VALIDATION_FAILED', 'If-Match must be one entity tag, e.g. "3"', [
      { field: 'If-Match', message: 'must be one entity tag as sent in ETag, e.g. "3"' },
    ]);
  }
  if (!/^\d{1,15}$/.test(match[1])) {
    throw new AppError('PRECONDITION_FAILED', `If-Match ${value} does not match the current version`);
  }
  return Number(match[1]);
}
