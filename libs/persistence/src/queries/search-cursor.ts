import { AppError } from '@karmabot/contracts';
import { isUuid } from '../db/is-uuid';

/**
 * The keyset cursor of customer search: the last id of a page, base64url-encoded so clients
 * treat it as opaque (and we may change what is inside without breaking them).
 */
export const SearchCursor = {
  encode(lastId: string): string {
    return Buffer.from(JSON.stringify({ id: lastId })).toString('base64url');
  },

  decode(cursor: string): string {
    let id: unknown;
    try {
      id = (JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { id?: unknown })?.id;
    } catch {
      id = undefined; // not JSON: reported below like any other cursor we did not issue
    }
    if (!isUuid(id)) {
      throw new AppError('VALIDATION_FAILED', 'The cursor is not one this API issued', [
        { field: 'cursor', message: 'is invalid' },
      ]);
    }
    return id;
  },
};
