import { AppError } from '@karmabot/contracts';

/** Node socket errors meaning the server cannot be reached. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'EAI_AGAIN',
]);

/**
 * SQLSTATEs meaning "the store cannot serve now", not "this request is wrong": connection
 * exceptions (08…), shutdown or restart in progress (57P0x), a cancelled statement (57014,
 * our statement_timeout), too many connections or out of resources (53…), and a database
 * that does not exist (3D000, it was dropped or not migrated yet).
 */
function isUnavailableState(code: string): boolean {
  return (
    code.startsWith('08') ||
    code.startsWith('57P') ||
    code === '57014' ||
    code.startsWith('53') ||
    code === '3D000'
  );
}

/** Messages pg raises without a code when a connection cannot be made or dies mid-query. */
const CONNECTION_MESSAGES = [
  'timeout exceeded when trying to connect',
  'Connection terminated',
  'connection error',
  'Query read timeout',
  'Client was closed',
  'Cannot use a pool after calling end',
];

/**
 * Turns an error from pg into what callers act on: an outage becomes STORE_UNAVAILABLE (503,
 * the failover repository's signal to switch stores); an AppError passes through; anything
 * else (a bug, a constraint we did not expect) is returned unchanged and surfaces as INTERNAL.
 */
export function toStoreError(error: unknown, store = 'primary'): unknown {
  if (error instanceof AppError) return error;
  const code = String((error as { code?: unknown })?.code ?? '');
  const message = error instanceof Error ? error.message : String(error);
  if (
    NETWORK_CODES.has(code) ||
    isUnavailableState(code) ||
    CONNECTION_MESSAGES.some((m) => message.includes(m))
  ) {
    return new AppError('STORE_UNAVAILABLE', `The ${store} store is unavailable: ${message}`);
  }
  return error;
}
