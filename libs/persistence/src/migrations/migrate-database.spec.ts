import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { loadConfig } from '@karmabot/common';
import { withDatabase } from '../db/with-database';
import { ALL_MIGRATIONS } from './all-migrations';
import { migrateDatabase } from './migrate-database';

const run = promisify(execFile);
const REPO_ROOT = resolve(__dirname, '../../../..');
const RUNNER = resolve(REPO_ROOT, 'dist/libs/persistence/src/migrations/run-migrations.js');
const serverUrl = loadConfig().DATABASE_URL;

function freshName(): string {
  return `kb_test_${randomBytes(6).toString('hex')}`;
}

async function onMaintenanceDb<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const databaseExists = (name: string) =>
  onMaintenanceDb(
    async (client) =>
      (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1,
  );

const dropDatabase = (name: string) =>
  onMaintenanceDb((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));

async function tablesOf(url: string): Promise<string[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
    );
    return rows.map((row) => row.table_name);
  } finally {
    await client.end();
  }
}

describe('migrateDatabase', () => {
  const created: string[] = [];
  afterAll(async () => {
    for (const name of created) await dropDatabase(name);
  });

  it('creates a missing database and every table', async () => {
    const name = freshName();
    created.push(name);
    const url = withDatabase(serverUrl, name);

    const report = await migrateDatabase(url);

    expect(await databaseExists(name)).toBe(true);
    expect(report.databaseCreated).toBe(true);
    expect(report.applied).toEqual(ALL_MIGRATIONS.map((migration) => migration.name));
    expect(await tablesOf(url)).toEqual(
      expect.arrayContaining([
        'api_keys',
        'customers',
        'identities',
        'link_codes',
        'loyalty_ledger',
        'ops',
        'orders',
        'replication_state',
        'conflicts',
      ]),
    );
  });

  it('is a no-op when run again on a current schema', async () => {
    const name = freshName();
    created.push(name);
    const url = withDatabase(serverUrl, name);
    await migrateDatabase(url);

    const again = await migrateDatabase(url);

    expect(again).toEqual({ databaseCreated: false, applied: [] });
  });

  it('lets runners started together create and migrate one database once', async () => {
    const name = freshName();
    created.push(name);
    const url = withDatabase(serverUrl, name);

    const reports = await Promise.all([migrateDatabase(url), migrateDatabase(url), migrateDatabase(url)]);

    expect(reports.filter((report) => report.databaseCreated)).toHaveLength(1);
    expect(reports.flatMap((report) => report.applied)).toHaveLength(ALL_MIGRATIONS.length);
  });
});

describe('run-migrations (the compiled `npm run migrate`)', () => {
  beforeAll(() => {
    if (!existsSync(RUNNER)) {
      throw new Error(`Build output missing: ${RUNNER}. Run \`npm run build\` first (npm test does it).`);
    }
  });

  it('creates and migrates the databases DATABASE_URL and BACKUP_DATABASE_URL name, then exits 0', async () => {
    const primary = freshName();
    const backup = freshName();
    try {
      const { stdout } = await run(process.execPath, [RUNNER], {
        env: {
          ...process.env,
          DATABASE_URL: withDatabase(serverUrl, primary),
          BACKUP_DATABASE_URL: withDatabase(serverUrl, backup),
        },
      });
      const done = stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line))
        .filter((line) => line.msg === 'migrations.done');
      expect(done).toEqual([
        expect.objectContaining({ store: 'primary', database: primary, database_created: true }),
        expect.objectContaining({ store: 'backup', database: backup, database_created: true }),
      ]);
      expect(await databaseExists(primary)).toBe(true);
      expect(await databaseExists(backup)).toBe(true);
    } finally {
      await dropDatabase(primary);
      await dropDatabase(backup);
    }
  });

  it('migrates one database once when both URLs name it', async () => {
    const name = freshName();
    try {
      const url = withDatabase(serverUrl, name);
      const { stdout } = await run(process.execPath, [RUNNER], {
        env: { ...process.env, DATABASE_URL: url, BACKUP_DATABASE_URL: url },
      });
      expect(
        stdout
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line).store),
      ).toEqual(['primary']);
    } finally {
      await dropDatabase(name);
    }
  });

  it('exits 1 with the reason when the server cannot be reached', async () => {
    const unreachable = 'postgres://postgres@127.0.0.1:1/kb_test_unreachable';
    const failure = await run(process.execPath, [RUNNER], {
      env: { ...process.env, DATABASE_URL: unreachable, BACKUP_DATABASE_URL: unreachable },
    }).catch((error: { code: number; stderr: string }) => error);

    expect(failure).toMatchObject({ code: 1 });
    expect((failure as { stderr: string }).stderr).toMatch(/migrations failed: .*ECONNREFUSED/);
  });
});
