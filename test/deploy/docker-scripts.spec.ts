import { createHmac, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { loadConfig } from '@karmabot/common/config/load-config';
import { APPS, portVariableOf } from './support/app-ports';
import { startHttpStub } from './support/http-stub';
import { REPO_ROOT } from './support/repo-files';
import { runNode } from './support/run-node';

/** The PostgreSQL server the suite's tests use (DATABASE_URL, or the schema's local default). */
const LOCAL_POSTGRES = loadConfig({ DATABASE_URL: process.env.DATABASE_URL }).DATABASE_URL;

describe('docker/healthcheck.mjs', () => {
  it.each(APPS)('asks %s on the port its own setting names', async (app) => {
    const stub = await startHttpStub(200);
    try {
      const run = await runNode(['docker/healthcheck.mjs', app, '/readyz'], {
        cwd: REPO_ROOT,
        env: { [portVariableOf(app)]: String(stub.port) },
      });
      expect(run).toEqual(expect.objectContaining({ code: 0 }));
      expect(stub.requests).toEqual(['/readyz']);
    } finally {
      await stub.close();
    }
  });

  it('reports unhealthy when the app answers 503', async () => {
    const stub = await startHttpStub(503);
    try {
      const run = await runNode(['docker/healthcheck.mjs', 'persistence', '/readyz'], {
        cwd: REPO_ROOT,
        env: { PERSISTENCE_HTTP_PORT: String(stub.port) },
      });
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/answered 503/);
    } finally {
      await stub.close();
    }
  });

  it('reports unhealthy when nothing listens', async () => {
    const stub = await startHttpStub(200);
    await stub.close();
    const run = await runNode(['docker/healthcheck.mjs', 'monitor'], {
      cwd: REPO_ROOT,
      env: { MONITOR_HTTP_PORT: String(stub.port) },
    });
    expect(run.code).toBe(1);
  });

  it('refuses an unknown app instead of probing something else', async () => {
    const run = await runNode(['docker/healthcheck.mjs', 'gateway'], { cwd: REPO_ROOT });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/unknown app gateway/);
  });
});

describe('docker/mint-service-role-key.mjs', () => {
  it('mints an HS256 service_role JWT that PostgREST verifies with SUPABASE_JWT_SECRET', async () => {
    const secret = randomUUID() + randomUUID();
    const run = await runNode(['docker/mint-service-role-key.mjs'], {
      cwd: REPO_ROOT,
      env: { SUPABASE_JWT_SECRET: secret },
    });
    expect(run.code).toBe(0);
    const [header, payload, signature] = run.stdout.trim().split('.');
    expect(createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url')).toBe(signature);
    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({ alg: 'HS256', typ: 'JWT' });
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    expect(claims).toEqual(expect.objectContaining({ role: 'service_role', iss: 'supabase' }));
    expect(claims.exp).toBeGreaterThan(Date.now() / 1000 + 365 * 24 * 3600);
  });

  it('refuses a secret PostgREST would refuse (under 32 characters)', async () => {
    const run = await runNode(['docker/mint-service-role-key.mjs'], {
      cwd: REPO_ROOT,
      env: { SUPABASE_JWT_SECRET: 'short' },
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
  });
});

describe('docker/migrate-all.mjs', () => {
  const suffix = randomUUID().replace(/-/g, '').slice(0, 12);
  const primary = `kb_test_${suffix}_primary`;
  const backup = `kb_test_${suffix}_backup`;
  const urlOf = (database: string) => {
    const url = new URL(LOCAL_POSTGRES);
    url.pathname = `/${database}`;
    return url.toString();
  };

  async function onServer<T>(work: (client: Client) => Promise<T>, database = 'postgres'): Promise<T> {
    const client = new Client({ connectionString: urlOf(database) });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }

  afterAll(async () => {
    await onServer(async (client) => {
      for (const name of [primary, backup])
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    });
  });

  it('migrates the primary, then the backup, each created when missing', async () => {
    const run = await runNode(['docker/migrate-all.mjs'], {
      cwd: REPO_ROOT,
      env: { DATABASE_URL: urlOf(primary), BACKUP_DATABASE_URL: urlOf(backup) },
      timeoutMs: 60_000,
    });
    expect(run).toEqual(expect.objectContaining({ code: 0 }));
    for (const database of [primary, backup]) {
      const applied = await onServer(
        (client) => client.query('SELECT count(*)::int AS n FROM schema_migrations'),
        database,
      );
      expect([database, applied.rows[0].n]).toEqual([database, expect.any(Number)]);
      expect(applied.rows[0].n).toBeGreaterThan(0);
    }
  });

  it('is a no-op the second time', async () => {
    const run = await runNode(['docker/migrate-all.mjs'], {
      cwd: REPO_ROOT,
      env: { DATABASE_URL: urlOf(primary), BACKUP_DATABASE_URL: urlOf(backup) },
      timeoutMs: 60_000,
    });
    expect(run.code).toBe(0);
    const reports = run.stdout
      .split('\n')
      .filter((line) => line.includes('migrations.done'))
      .map((line) => JSON.parse(line) as { applied: string[] });
    expect(reports.length).toBeGreaterThanOrEqual(2);
    for (const report of reports) expect(report.applied).toEqual([]);
  });

  it('stops with a non-zero exit when a database cannot be reached', async () => {
    const run = await runNode(['docker/migrate-all.mjs'], {
      cwd: REPO_ROOT,
      env: { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/karmabot', BACKUP_DATABASE_URL: urlOf(backup) },
      timeoutMs: 60_000,
    });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/migrating the primary database failed/);
  });
});
