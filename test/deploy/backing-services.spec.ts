import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { Client } from 'pg';
import { freePort } from '../support/free-port';
import { PrivatePostgres, startPrivatePostgres } from './support/private-postgres';
import { REPO_ROOT, repoPath } from './support/repo-files';
import { runNode } from './support/run-node';

/**
 * The compose stack's own configuration files, run by the real programs this machine has:
 * redis-server with docker/redis/redis.conf, and PostgreSQL with the Supabase stand-in's init
 * script followed by the migration job.
 */
describe('compose backing services, run for real', () => {
  it('redis-server accepts docker/redis/redis.conf: AOF, appendfsync always, noeviction', async () => {
    const port = await freePort();
    const dir = mkdtempSync(join(tmpdir(), 'kbtest-redis-conf-'));
    // Only where it listens and writes is overridden; every durability setting comes from the file.
    const server = spawn(
      'redis-server',
      [repoPath('docker/redis/redis.conf'), '--port', String(port), '--bind', '127.0.0.1', '--dir', dir],
      { stdio: 'ignore' },
    );
    const redis = new Redis({ host: '127.0.0.1', port, maxRetriesPerRequest: 20, retryStrategy: () => 100 });
    try {
      const settings: Record<string, string> = {};
      for (const name of ['appendonly', 'appendfsync', 'maxmemory-policy']) {
        const [, value] = (await redis.config('GET', name)) as string[];
        settings[name] = value;
      }
      expect(settings).toEqual({
        appendonly: 'yes',
        appendfsync: 'always',
        'maxmemory-policy': 'noeviction',
      });
    } finally {
      redis.disconnect();
      server.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('the Supabase stand-in database (docker/backup-db/initdb)', () => {
    const authenticatorPassword = 'kb-test-authenticator';
    let cluster: PrivatePostgres;

    beforeAll(async () => {
      cluster = startPrivatePostgres(await freePort());
      cluster.runAsOwner('psql', ['-d', 'postgres', '-c', 'CREATE DATABASE karmabot_backup']);
      cluster.runAsOwner('sh', [repoPath('docker/backup-db/initdb/10-supabase-roles.sh')], {
        POSTGRES_USER: 'postgres',
        POSTGRES_DB: 'karmabot_backup',
        POSTGREST_AUTHENTICATOR_PASSWORD: authenticatorPassword,
      });
    });
    afterAll(() => cluster?.stop());

    async function connect(user = 'postgres', password?: string): Promise<Client> {
      const client = new Client({
        host: '127.0.0.1',
        port: cluster.port,
        database: 'karmabot_backup',
        user,
        password,
      });
      await client.connect();
      return client;
    }

    it('has the roles PostgREST and the migrations expect, as on Supabase', async () => {
      const client = await connect();
      try {
        const { rows } = await client.query(
          `SELECT rolname, rolcanlogin, rolinherit, rolbypassrls FROM pg_roles
            WHERE rolname IN ('anon', 'authenticated', 'service_role', 'authenticator') ORDER BY rolname`,
        );
        expect(rows).toEqual([
          { rolname: 'anon', rolcanlogin: false, rolinherit: false, rolbypassrls: false },
          { rolname: 'authenticated', rolcanlogin: false, rolinherit: false, rolbypassrls: false },
          { rolname: 'authenticator', rolcanlogin: true, rolinherit: false, rolbypassrls: false },
          { rolname: 'service_role', rolcanlogin: false, rolinherit: false, rolbypassrls: true },
        ]);
      } finally {
        await client.end();
      }
    });

    it('takes the migration job on top, primary and backup, after which service_role reads the tables', async () => {
      const run = await runNode(['docker/migrate-all.mjs'], {
        cwd: REPO_ROOT,
        env: { DATABASE_URL: cluster.url('karmabot'), BACKUP_DATABASE_URL: cluster.url('karmabot_backup') },
        timeoutMs: 60_000,
      });
      expect(run).toEqual(expect.objectContaining({ code: 0 }));

      // What PostgREST does with a service_role JWT: log in as authenticator, switch role.
      const client = await connect('authenticator', authenticatorPassword);
      try {
        await client.query('SET ROLE service_role');
        const { rows } = await client.query('SELECT count(*)::int AS n FROM customers');
        expect(rows).toEqual([{ n: 0 }]);
      } finally {
        await client.end();
      }
    });

    it('tells PostgREST to reload its schema cache when a migration changes the schema', async () => {
      const listener = await connect();
      const ddl = await connect();
      try {
        await listener.query('LISTEN pgrst');
        const heard = new Promise<string | undefined>((resolve) =>
          listener.on('notification', (message) => resolve(message.payload)),
        );
        await ddl.query('CREATE TABLE kb_test_schema_change (id int)');
        await expect(heard).resolves.toBe('reload schema');
      } finally {
        await ddl.query('DROP TABLE IF EXISTS kb_test_schema_change');
        await Promise.all([listener.end(), ddl.end()]);
      }
    });
  });
});
