import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { ALL_MIGRATIONS } from './all-migrations';
import { createDatabaseIfMissing } from './create-database-if-missing';

/** Key of the advisory lock that lets one runner at a time migrate a given database. */
const MIGRATION_LOCK_KEY = 4_815_162_342;

export interface MigrationReport {
  databaseCreated: boolean;
  /** Names of the migrations this call ran, oldest first; empty when the schema was current. */
  applied: string[];
}

/**
 * Brings the database at `url` to the current schema: creates it when missing, then runs the
 * pending migrations (TypeORM, never `synchronize`), each in its own transaction.
 * Runners on several processes serialize on a PostgreSQL advisory lock, because TypeORM's
 * runner checks its table and then migrates without a lock of its own. The lock is held on a
 * separate session, which is enough: advisory locks exclude other sessions, whichever
 * connection TypeORM's pool hands the migration.
 * Call it once per store: the backup database is one more call with its URL.
 */
export async function migrateDatabase(url: string): Promise<MigrationReport> {
  const databaseCreated = await createDatabaseIfMissing(url);
  const lock = new Client({ connectionString: url, application_name: 'karmabot-migrations' });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const dataSource = new DataSource({
      type: 'postgres',
      url,
      migrations: ALL_MIGRATIONS,
      migrationsTableName: 'schema_migrations',
      migrationsTransactionMode: 'each',
      synchronize: false,
      logging: false,
      extra: { max: 2, application_name: 'karmabot-migrations' },
    });
    await dataSource.initialize();
    try {
      const ran = await dataSource.runMigrations({ transaction: 'each' });
      return { databaseCreated, applied: ran.map((migration) => migration.name) };
    } finally {
      await dataSource.destroy();
    }
  } finally {
    // Ending the session releases the advisory lock even if unlocking is never reached.
    await lock.end();
  }
}
