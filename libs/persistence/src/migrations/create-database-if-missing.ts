import { Client } from 'pg';
import { databaseNameOf } from '../db/database-name-of';
import { quoteIdentifier } from '../db/quote-identifier';
import { withDatabase } from '../db/with-database';

/** SQLSTATEs of CREATE DATABASE losing a race with another runner creating the same database. */
const ALREADY_CREATED = new Set([
  '42P04', // duplicate_database: the other CREATE committed before ours started
  '23505', // unique_violation on pg_database's name index: both were in flight at once
]);

/**
 * Creates the database `url` names unless it exists, connecting to the server's `postgres`
 * maintenance database. Returns whether this call created it. Two runners starting together
 * (two replicas, a test and a dev server) are both fine: the loser of the race sees the
 * database as already there.
 */
export async function createDatabaseIfMissing(url: string, connectTimeoutMs = 10_000): Promise<boolean> {
  const name = databaseNameOf(url);
  const client = new Client({
    connectionString: withDatabase(url, 'postgres'),
    connectionTimeoutMillis: connectTimeoutMs,
    application_name: 'karmabot-migrations',
  });
  await client.connect();
  try {
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (existing.rowCount) return false;
    try {
      await client.query(`CREATE DATABASE ${quoteIdentifier(name)}`);
      return true;
    } catch (error) {
      if (ALREADY_CREATED.has((error as { code?: string }).code ?? '')) return false;
      throw error;
    }
  } finally {
    await client.end();
  }
}
