/** What pg says when the connection under a query is gone or silent (no SQLSTATE: never reached the server). */
const BROKEN_MESSAGES = [
  'Query read timeout',
  'Connection terminated',
  'connection error',
  'Client was closed',
];
const BROKEN_CODES = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNREFUSED', 'EHOSTUNREACH']);

/**
 * Whether `error` means the connection itself is unusable (reset, closed, or a peer that stopped
 * answering until query_timeout). Sending ROLLBACK on it would only wait for another timeout:
 * the connection is dropped instead, and the server rolls the transaction back when it notices.
 */
export function isConnectionBroken(error: unknown): boolean {
  const code = String((error as { code?: unknown })?.code ?? '');
  const message = error instanceof Error ? error.message : String(error);
  return BROKEN_CODES.has(code) || BROKEN_MESSAGES.some((text) => message.includes(text));
}
