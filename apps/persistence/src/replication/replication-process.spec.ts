import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { Client } from 'pg';
import { loadConfig, RpcClient } from '@karmabot/common';
import { Op, OpOutcome, Patterns } from '@karmabot/contracts';
import { customerIdForIdentity } from '@karmabot/domain';
import { databaseNameOf, PgStore, withDatabase } from '@karmabot/persistence';
import { sampleOps } from '@karmabot/persistence/testing/sample-ops';
import { AppProcess } from '../../../../test/support/app-process';
import { assertBuilt } from '../../../../test/support/build-output';
import { createTestDatabasePair, TestDatabasePair } from '../../../../test/support/databases';
import { expectStoresEqual, storeDifferences } from '../../../../test/support/expect-stores-equal';
import { freePort } from '../../../../test/support/free-port';
import { RedisServer, startRedisServer } from '../../../../test/support/redis-server';
import { waitUntil } from '../../../../test/support/wait-until';

/** Registrations and orders for `customers` new customers: 2 ops each. */
function customerOps(customers: number): Op[][] {
  return Array.from({ length: customers }, () => {
    const registration = sampleOps.registerTelegram();
    const customerId = customerIdForIdentity('telegram', registration.payload.telegramId);
    return [registration, sampleOps.placeOrder(customerId)];
  });
}

/** Applies the ops of each customer in order, `concurrency` customers at a time. */
async function applyConcurrently(store: PgStore, perCustomer: Op[][], concurrency = 16): Promise<void> {
  const queue = [...perCustomer];
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let ops = queue.shift(); ops; ops = queue.shift()) {
        for (const op of ops) await store.applyOp(op);
      }
    }),
  );
}

/** The primary's ops the backup holds (the app may also record mode changes of its own). */
const copiedOps = (dbs: TestDatabasePair) => countOpsDecidedBy(dbs.backupUrl, 'primary');

/** Waits until both databases hold the same data (the app may still be copying its last ops). */
async function waitForEqualStores(dbs: TestDatabasePair, app: AppProcess): Promise<void> {
  await waitUntil(
    async () =>
      Object.keys(await storeDifferences(dbs.primaryUrl, dbs.backupUrl)).length === 0 ? true : undefined,
    { timeoutMs: 20_000, describe: () => `the stores to be equal\n${app.tail(50)}` },
  ).catch(() => undefined);
  await expectStoresEqual(dbs.primaryUrl, dbs.backupUrl);
}

async function copiedTotal(url: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT copied_total FROM replication_state WHERE source = 'primary'`,
    );
    return Number(rows[0]?.copied_total ?? 0);
  } finally {
    await client.end();
  }
}

/**
 * Replication as the persistence process runs it: its position lives in the target database,
 * so neither a Redis wiped clean nor a SIGKILL in the middle of a replay loses or doubles an op.
 * Each test runs the compiled app on a database pair and a Redis of its own.
 */
describe('replication in the persistence process', () => {
  let dbs: TestDatabasePair;
  let redis: RedisServer;
  let primary: PgStore;
  let app: AppProcess;
  let env: Record<string, string>;

  beforeAll(() => assertBuilt(['persistence']));
  beforeEach(async () => {
    dbs = await createTestDatabasePair();
    redis = await startRedisServer();
    primary = PgStore.connect(
      { url: dbs.primaryUrl, poolSize: 16, connectTimeoutMs: 3000, statementTimeoutMs: 10_000 },
      'primary',
    );
    const port = await freePort();
    env = {
      PERSISTENCE_HTTP_PORT: String(port),
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      DATABASE_URL: dbs.primaryUrl,
      BACKUP_DATABASE_URL: dbs.backupUrl,
      REDIS_URL: redis.url,
      REDIS_PREFIX: `kbtest:${randomBytes(6).toString('hex')}:`,
      REPLICATION_BATCH_SIZE: '20',
      REPLICATION_POLL_MS: '20',
      // The streams alone must finish the job: no reconciliation to paper over a gap.
      RECONCILE_INTERVAL_MS: '0',
      ALLOW_VOLATILE_QUEUE: 'true',
    };
    app = new AppProcess('persistence', port, { ...process.env, ...env });
  });
  afterEach(async () => {
    if (app.isRunning) await app.stop('SIGKILL');
    await primary.close();
    await redis.stop();
    await dbs.drop();
  });

  it('keeps replicating after Redis is flushed: it keeps nothing there', async () => {
    app.start();
    await app.waitReady();
    const before = customerOps(50);
    await applyConcurrently(primary, before);
    await waitUntil(async () => ((await copiedOps(dbs)) >= 100 ? true : undefined), {
      timeoutMs: 20_000,
      describe: () => `the first 100 ops on the backup\n${app.tail(50)}`,
    });

    const client = new Redis(redis.url);
    await client.flushall();
    await client.quit();
    const after = customerOps(50);
    await applyConcurrently(primary, after);

    await waitForEqualStores(dbs, app);
    expect(await copiedOps(dbs)).toBeGreaterThanOrEqual(200);
    expect(await copiedTotal(dbs.backupUrl)).toBe(await countOpsDecidedBy(dbs.primaryUrl, 'primary'));
    // The lag is on /metrics, each way (measured about once a second).
    await waitUntil(
      async () => {
        const metrics = await (await fetch(`${app.url}/metrics`)).text();
        return /karmabot_replication_lag_ops\{from="primary",to="backup"\} 0\n/.test(metrics) &&
          /karmabot_replication_lag_seconds\{from="backup",to="primary"\} 0\n/.test(metrics) &&
          /karmabot_replication_copied_total\{from="primary",to="backup"\} \d+/.test(metrics)
          ? true
          : undefined;
      },
      { timeoutMs: 5000, describe: () => 'the replication gauges on /metrics' },
    );
  });

  it('answers a write with WRITE_CONCERN=both once the backup holds it, or says it does not', async () => {
    app = new AppProcess('persistence', app.port, { ...process.env, ...env, WRITE_CONCERN: 'both' });
    app.start();
    await app.waitReady();
    const rpc = new RpcClient(loadConfig({ ...process.env, ...env }));
    try {
      const first = sampleOps.registerTelegram();
      const outcome = await rpc.send<OpOutcome>(Patterns.op.apply, first);
      expect(outcome).toMatchObject({ opId: first.opId, state: 'applied', replicated: true });
      expect(await countOpsDecidedBy(dbs.backupUrl, 'primary')).toBeGreaterThanOrEqual(1);

      // The backup goes away: the write is still taken, and said not to be copied yet.
      const admin = new Client({ connectionString: withDatabase(dbs.backupUrl, 'postgres') });
      await admin.connect();
      await admin.query(`DROP DATABASE "${databaseNameOf(dbs.backupUrl)}" WITH (FORCE)`);
      await admin.end();
      const second = sampleOps.registerTelegram();
      const started = Date.now();
      const degraded = await rpc.send<OpOutcome>(Patterns.op.apply, second);

      expect(degraded).toMatchObject({ opId: second.opId, state: 'applied', replicated: false });
      expect(Date.now() - started).toBeLessThan(4000);
    } finally {
      await rpc.onApplicationShutdown();
    }
  });

  it('finishes a replay cut by SIGKILL after a restart, with no op lost or copied twice', async () => {
    await applyConcurrently(primary, customerOps(1500));
    const decided = await countOpsDecidedBy(dbs.primaryUrl, 'primary');

    app.start();
    await waitUntil(
      async () => {
        const copied = await copiedOps(dbs);
        return copied >= 300 ? copied : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 10, describe: () => `the replay to be under way\n${app.tail(50)}` },
    );
    await app.stop('SIGKILL');
    const atKill = await copiedOps(dbs);
    expect(atKill).toBeLessThan(decided);
    // Whatever the backup holds was counted with the position that covers it, in one transaction.
    expect(await copiedTotal(dbs.backupUrl)).toBe(atKill);

    app.start();
    await app.waitReady();
    await waitUntil(async () => ((await copiedOps(dbs)) >= decided ? true : undefined), {
      timeoutMs: 60_000,
      describe: () => `all ${decided} ops on the backup after the restart\n${app.tail(50)}`,
    });

    await waitForEqualStores(dbs, app);
    expect(await copiedTotal(dbs.backupUrl)).toBe(await countOpsDecidedBy(dbs.primaryUrl, 'primary'));
  });
});

async function countOpsDecidedBy(url: string, origin: 'primary' | 'backup'): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return Number((await client.query('SELECT count(*) FROM ops WHERE origin = $1', [origin])).rows[0].count);
  } finally {
    await client.end();
  }
}
