import Redis from 'ioredis';
import { migrateDatabase } from '@karmabot/persistence';
import { PgCluster, startPgCluster } from '../../test/support/pg-cluster';
import { RedisServer, startRedisServer } from '../../test/support/redis-server';
import { waitUntil } from '../../test/support/wait-until';
import { BenchOptions } from './bench-options';
import { BenchSuite, startBenchSuite } from './bench-suite';
import { progress } from './progress';
import { withPgClient } from './with-pg-client';

/**
 * A suite whose primary and backup live on two PostgreSQL clusters of the bench's own, so the
 * failover and replay figures can really crash and stop them (the shared server on 5432 is
 * never touched). fsync is on, as in production: a crash must not lose an acknowledged write.
 * Its Redis is private too and configured as DESIGN asks for the deferred-write queue (AOF,
 * appendfsync always, noeviction): persistence refuses to queue writes on a Redis that could
 * lose them, so CACHE_ONLY is only measurable on such a Redis.
 */
export interface FaultToleranceSuite {
  bench: BenchSuite;
  primary: PgCluster;
  backup: PgCluster;
  primaryUrl: string;
  backupUrl: string;
  redis: RedisServer;
  stop(): Promise<void>;
}

export async function startFaultToleranceSuite(
  options: BenchOptions,
  profileDir?: string,
): Promise<FaultToleranceSuite> {
  progress('fault tolerance: two PostgreSQL clusters and a durable Redis of the bench');
  const undo: (() => Promise<void>)[] = [];
  const cleanUp = async () => {
    for (const step of undo.reverse())
      await step().catch((error: Error) => progress(`clean-up: ${error.message}`));
  };
  try {
    const primary = await startPgCluster({ fsync: true });
    undo.push(() => primary.destroy());
    const backup = await startPgCluster({ fsync: true });
    undo.push(() => backup.destroy());
    const redis = await startRedisServer({ appendonly: true });
    undo.push(() => redis.stop());
    await makeDurable(redis.url);
    const primaryUrl = primary.url('karmabot_bench');
    const backupUrl = backup.url('karmabot_bench_backup');
    await migrateDatabase(primaryUrl);
    await migrateDatabase(backupUrl);
    const bench = await startBenchSuite(
      { ...options, customers: Math.min(options.customers, 100) },
      profileDir,
      {
        env: { DATABASE_URL: primaryUrl, BACKUP_DATABASE_URL: backupUrl, REDIS_URL: redis.url },
      },
    );
    undo.push(() => bench.stop());
    await waitUntilReplicated(primaryUrl, backupUrl);
    return { bench, primary, backup, primaryUrl, backupUrl, redis, stop: cleanUp };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

/** DESIGN's production settings for the Redis that holds the deferred-write queue. */
async function makeDurable(url: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    await redis.config('SET', 'appendfsync', 'always');
    await redis.config('SET', 'maxmemory-policy', 'noeviction');
  } finally {
    redis.disconnect();
  }
}

/**
 * The customers the orders name must be on the backup before the primary is crashed: the
 * figure is about writes after a crash, not about the replication lag of the set-up.
 */
async function waitUntilReplicated(primaryUrl: string, backupUrl: string): Promise<void> {
  const customers = (url: string) =>
    withPgClient(url, async (client) =>
      Number((await client.query('SELECT count(*) AS n FROM customers')).rows[0].n),
    );
  const expected = await customers(primaryUrl);
  await waitUntil(async () => ((await customers(backupUrl)) >= expected ? true : undefined), {
    timeoutMs: 30_000,
    intervalMs: 200,
    describe: () => `the backup to hold the ${expected} customers registered on the primary`,
  });
}

/** Op ids among `opIds` that are stored in `url`, and how many of them hold more than one order. */
export async function countStored(
  url: string,
  opIds: string[],
): Promise<{ found: number; duplicated: number }> {
  return withPgClient(url, async (client) => {
    const { rows } = await client.query<{ found: string; duplicated: string }>(
      `SELECT count(DISTINCT op_id) AS found, count(*) - count(DISTINCT op_id) AS duplicated
         FROM orders WHERE op_id = ANY($1::uuid[])`,
      [opIds],
    );
    return { found: Number(rows[0].found), duplicated: Number(rows[0].duplicated) };
  });
}
