import type { Pool, PoolClient } from 'pg';
import { isConnectionBroken } from './is-connection-broken';

/**
 * Runs `work` in one transaction on one pooled connection: COMMIT when it resolves, ROLLBACK
 * when it throws (the error is rethrown as is). A connection whose ROLLBACK failed is broken
 * and is destroyed rather than returned to the pool, as is one that died or went silent (no
 * ROLLBACK is even tried on it: the server rolls back when the session ends).
 */
export async function inTransaction<T>(pool: Pool, work: (tx: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const value = await work(client);
    await client.query('COMMIT');
    return value;
  } catch (error) {
    if (isConnectionBroken(error)) {
      // A dead or silent connection: a ROLLBACK would only wait for another query timeout.
      broken = error as Error;
      throw error;
    }
    await client.query('ROLLBACK').catch((rollbackError: Error) => {
      broken = rollbackError;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}
