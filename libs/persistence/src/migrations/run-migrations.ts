import { loadConfig } from '@karmabot/common';
import { databaseNameOf } from '../db/database-name-of';
import { migrateDatabase } from './migrate-database';

/**
 * `npm run migrate`: migrates the primary database (DATABASE_URL), creating it first when
 * missing. Exits 0 when the schema is current, 1 with the reason otherwise. Logs go to stdout
 * as JSON lines, like the apps'.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const stores = [{ store: 'primary', url: config.DATABASE_URL }];
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
