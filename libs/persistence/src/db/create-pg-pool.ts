import { Pool } from 'pg';
import { PgPoolSettings } from './pg-pool-settings';

/**
 * A pg pool that fails fast instead of hanging: connecting gives up after connectTimeoutMs,
 * the server cancels any statement after statementTimeoutMs, the client gives up a little
 * later in case the server is unreachable (a cut network never answers), and a transaction
 * left idle (a crashed handler) is ended by the server so it cannot hold row locks forever.
 * TCP keep-alive finds dead connections that sit idle in the pool. A store going away mid-
 * transaction never crashes the process (see the 'connect' listener below).
 */
export function createPgPool(settings: PgPoolSettings): Pool {
  const pool = new Pool({
    connectionString: settings.url,
    max: settings.poolSize,
    connectionTimeoutMillis: settings.connectTimeoutMs,
    statement_timeout: settings.statementTimeoutMs,
    query_timeout: settings.statementTimeoutMs + 1000,
    idle_in_transaction_session_timeout: settings.statementTimeoutMs * 2,
    keepAlive: true,
    idleTimeoutMillis: 30_000,
    application_name: settings.applicationName ?? 'karmabot-persistence',
    // A session setting, not a query parameter: triggers and column defaults read it too.
    ...(settings.storeName ? { options: `-c karma.store=${settings.storeName}` } : {}),
  });
  // pg-pool listens for errors only on idle clients: a checked-out client whose server dies
  // between two queries (a crash mid-transaction) would emit an unhandled 'error' and kill the
  // process. The query in flight, or the next one, still fails with the error.
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
}
