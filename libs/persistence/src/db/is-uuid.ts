import { validate } from 'uuid';

/**
 * Ids arrive over RPC and replays; one that is not a UUID can name no row, and checking here
 * keeps PostgreSQL from failing the whole statement with "invalid input syntax for type uuid".
 */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && validate(value);
}
