import { loadConfig } from '@karmabot/common';
import { databaseNameOf } from '../db/database-name-of';
import { migrateDatabase } from './migrate-database';

/**
 * `npm run migrate`: migrates the primary database (DATABASE_URL) and the backup
 * (BACKUP_DATABASE_URL, also when the backup is reached through supabase-js at run time: the
 * schema and its functions are installed through its Postgres URL), creating each first when
 * missing. One URL for both is migrated once. Exits 0 when both schemas are current, 1 with the
 * reason otherwise. Logs go to stdout as JSON lines, like the apps', one `migrations.done` per store.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const stores = [{ store: 'primary', url: config.DATABASE_URL }];
  if (config.BACKUP_DATABASE_URL !== config.DATABASE_URL) {
    stores.push({ store: 'backup', url: config.BACKUP_DATABASE_URL });
  }
  for (const { store, url } of stores) {
    const report = await migrateDatabase(url);
    process.stdout.write(
      JSON.stringify({
        time: new Date().toISOString(),
        level: 'info',
        app: 'migrations',
        msg: 'migrations.done',
        store,
        database: databaseNameOf(url),
        database_created: report.databaseCreated,
        applied: report.applied,
      }) + '\n',
    );
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(`migrations failed: ${reason}`);
    process.exit(1);
  },
);
