#!/usr/bin/env node
// One-shot migration job of the image (compose `migrate`, the Kubernetes Job, Railway's
// pre-deploy command): the migration runner against the primary (DATABASE_URL), then once more
// against the backup with DATABASE_URL set to BACKUP_DATABASE_URL (unless it is the same
// database, or the first run already reported the backup). Supabase's SQL functions are installed
// through the backup's Postgres URL, never through supabase-js. Exits non-zero on the first failure.
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RUNNER = resolve(ROOT, 'dist', 'libs', 'persistence', 'src', 'migrations', 'run-migrations.js');

function migrate(store, env) {
  const result = spawnSync(process.execPath, [RUNNER], { cwd: ROOT, env, encoding: 'utf8' });
  process.stdout.write(result.stdout ?? '');
  process.stderr.write(result.stderr ?? '');
  if (result.status !== 0) {
    console.error(
      `migrate-all: migrating the ${store} database failed (exit ${result.status ?? result.signal})`,
    );
    process.exit(1);
  }
  return result.stdout ?? '';
}

const primaryOutput = migrate('primary', process.env);
const backupUrl = process.env.BACKUP_DATABASE_URL;
const backupDone = primaryOutput.includes('"store":"backup"');
if (backupUrl && backupUrl !== process.env.DATABASE_URL && !backupDone) {
  migrate('backup', { ...process.env, DATABASE_URL: backupUrl });
}
