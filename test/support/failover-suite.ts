import Redis from 'ioredis';
import { AnyBody, api } from './http';
import { RedisServer, startRedisServer } from './redis-server';
import { StoreClusters, startStoreClusters } from './store-clusters';
import { startSuite, Suite, SuiteOptions } from './suite';
import { startTcpProxy, TcpProxy } from './tcp-proxy';
import { waitUntil } from './wait-until';

export interface FailoverSuiteOptions extends SuiteOptions {
  /** Start the suite's Redis durable for a queue (AOF, appendfsync always, noeviction); default true. */
  durableRedis?: boolean;
  /** Stores the apps reach through a TCP proxy of their own (to refuse, drop or blackhole). */
  proxied?: ('primary' | 'backup')[];
}

export interface FailoverSuite {
  suite: Suite;
  /** The two stores, each on a cluster of its own that the test may crash and restart. */
  stores: StoreClusters;
  /** The suite's private Redis. */
  redis: RedisServer;
  /** The proxy in front of each store named in `proxied`. */
  proxies: Partial<Record<'primary' | 'backup', TcpProxy>>;
  /** GET /v1/admin/status → `database` (persistence's store.status). */
  storeStatus(): Promise<AnyBody>;
  /** Waits until persistence reports `mode` (and, optionally, an empty deferred queue). */
  waitForMode(mode: string, options?: { timeoutMs?: number; queueEmpty?: boolean }): Promise<AnyBody>;
  /** Waits until replication reports no lag either way. */
  waitForReplication(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/** Settings that make outages show fast in a test: probe 5× a second, give up connecting after 1 s. */
export const FAST_FAILOVER_ENV = {
  PROBE_INTERVAL_MS: '200',
  DB_CONNECT_TIMEOUT_MS: '1000',
  DB_STATEMENT_TIMEOUT_MS: '2000',
};

/**
 * The four apps on two store clusters of their own and a private Redis (durable for the queue
 * by default), so a test can cause real outages: crash a store, restart Redis.
 */
export async function startFailoverSuite(options: FailoverSuiteOptions = {}): Promise<FailoverSuite> {
  const [stores, redis] = await Promise.all([startStoreClusters(), startRedisServer({ appendonly: true })]);
  const proxies: FailoverSuite['proxies'] = {};
  let suite: Suite | undefined;
  const urlOf = (store: 'primary' | 'backup') => {
    const url = new URL(store === 'primary' ? stores.primaryUrl : stores.backupUrl);
    const proxy = proxies[store];
    if (proxy) url.port = String(proxy.port);
    return url.toString();
  };
  try {
    for (const store of options.proxied ?? []) {
      proxies[store] = await startTcpProxy((store === 'primary' ? stores.primary : stores.backup).port);
    }
    if (options.durableRedis !== false) {
      const client = new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
      await client.connect();
      await client.config('SET', 'appendfsync', 'always');
      await client.config('SET', 'maxmemory-policy', 'noeviction');
      client.disconnect();
    }
    suite = await startSuite({
      ...options,
      env: {
        ...FAST_FAILOVER_ENV,
        DATABASE_URL: urlOf('primary'),
        BACKUP_DATABASE_URL: urlOf('backup'),
        REDIS_URL: redis.url,
        ...options.env,
      },
    });
  } catch (error) {
    await Promise.all([
      stores.destroy(),
      redis.stop(),
      ...Object.values(proxies).map((proxy) => proxy.close()),
    ]);
    throw error;
  }
  const started = suite;
  const storeStatus = async () =>
    (await api(started).get('/v1/admin/status', { admin: true, timeoutMs: 10_000 })).body.database;
  return {
    suite: started,
    stores,
    redis,
    proxies,
    storeStatus,
    waitForMode: (mode, { timeoutMs = 30_000, queueEmpty = false } = {}) =>
      waitUntil(
        async () => {
          const status = await storeStatus();
          const isEmpty = !queueEmpty || status?.queues?.deferred === 0;
          return status?.mode === mode && isEmpty ? status : undefined;
        },
        {
          timeoutMs,
          intervalMs: 100,
          describe: () => `store mode ${mode}${queueEmpty ? ' with an empty queue' : ''}`,
        },
      ),
    waitForReplication: async (timeoutMs = 30_000) => {
      // Only a lag measured after this call counts: an older "0" may predate the last writes.
      const since = Date.now();
      const isCaughtUp = (direction: AnyBody) =>
        direction?.lag_ops === 0 && Date.parse(direction?.lag_measured_at ?? '') > since;
      await waitUntil(
        async () => {
          const lag = (await storeStatus())?.replication;
          return isCaughtUp(lag?.to_backup) && isCaughtUp(lag?.to_primary) ? true : undefined;
        },
        { timeoutMs, intervalMs: 200, describe: () => 'replication to catch up both ways' },
      );
    },
    stop: async () => {
      try {
        await started.stop();
      } finally {
        await Promise.all([
          stores.destroy(),
          redis.stop(),
          ...Object.values(proxies).map((proxy) => proxy.close()),
        ]);
      }
    },
  };
}
