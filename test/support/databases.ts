import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { loadConfig } from '@karmabot/common';
import { migrateDatabase, withDatabase } from '@karmabot/persistence';

export interface TestDatabase {
  /** postgres:// URL of the fresh, migrated database. */
  url: string;
  /** Drops the database, ending any session still connected to it. */
  drop(): Promise<void>;
}

/**
 * A database of its own for one test or suite, on the server DATABASE_URL points at, named
 * `kb_test_<random>` so parallel runs never share one. It is created and migrated the way
 * production is, by migrateDatabase.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `kb_test_${randomBytes(6).toString('hex')}`;
  const url = withDatabase(loadConfig().DATABASE_URL, name);
  await migrateDatabase(url);
  return { url, drop: () => dropDatabase(url, name) };
}

export interface TestDatabasePair {
  /** DATABASE_URL of the pair. */
  primaryUrl: string;
  /** BACKUP_DATABASE_URL of the pair. */
  backupUrl: string;
  /** Drops both databases. */
  drop(): Promise<void>;
}

/**
 * A primary and a backup database for one test or suite, both fresh and migrated the way
 * production migrates them. If creating either fails, the other is dropped before the error
 * propagates.
 */
export async function createTestDatabasePair(): Promise<TestDatabasePair> {
  const [primary, backup] = await Promise.allSettled([createTestDatabase(), createTestDatabase()]);
  if (primary.status === 'rejected' || backup.status === 'rejected') {
    for (const created of [primary, backup]) if (created.status === 'fulfilled') await created.value.drop();
    throw primary.status === 'rejected' ? primary.reason : (backup as PromiseRejectedResult).reason;
  }
  return {
    primaryUrl: primary.value.url,
    backupUrl: backup.value.url,
    drop: async () => {
      await Promise.all([primary.value.drop(), backup.value.drop()]);
    },
  };
}

async function dropDatabase(url: string, name: string): Promise<void> {
  const client = new Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    // The name is ours (kb_test_ + hex), so quoting is all it needs; WITH (FORCE) ends open sessions.
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
