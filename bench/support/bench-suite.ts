import { randomInt } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { api, createApiKey } from '../../test/support/http';
import { AppName, startSuite, Suite, SuiteOptions } from '../../test/support/suite';
import { APP_NAMES } from '../../test/support/app-names';
import { BenchOptions } from './bench-options';
import { backendPids } from './backend-pids';
import { redisServerPid } from './machine-info';
import { PidGroups } from './cpu-meter';
import { progress } from './progress';

/** The order every bench request places: 2 × 4.50 + 1 × 12.00 EUR, as the e2e tests' fixture. */
export const ORDER_BODY = JSON.stringify({
  items: [
    { sku: 'TEA-1', name: 'Green tea', qty: 2, unit_price_minor: 450 },
    { sku: 'CUP-1', name: 'Cup', qty: 1, unit_price_minor: 1200 },
  ],
  currency: 'EUR',
});

/** Requests per minute of one bench API key: the most a key may have; requests rotate over several. */
const KEY_RATE_LIMIT_PER_MINUTE = 100_000;

export interface BenchSuite {
  suite: Suite;
  /** ms from spawning the four apps at once until every one answered 200 on /readyz. */
  startMs: number;
  /** API keys scoped to telegram; a request takes the next one, so no key's rate limit is reached. */
  apiKeys: string[];
  /** Telegram ids of the registered customers the load spreads over. */
  telegramIds: string[];
  /** CPU groups of the suite: each app, its PostgreSQL backends, Redis (shared), the bench itself. */
  pidGroups: PidGroups;
  /** Which app each pid was (across restarts), to name CPU profiles. */
  appOfPid: Map<number, AppName>;
  nextApiKey(): string;
  randomTelegramId(): string;
  /** Restarts one app and answers how long it took to answer 200 on /readyz again. */
  restartApp(name: AppName): Promise<number>;
  stop(): Promise<void>;
}

export async function startBenchSuite(
  options: BenchOptions,
  profileDir: string | undefined,
  extra: SuiteOptions = {},
): Promise<BenchSuite> {
  const env: Record<string, string> = { ...options.appEnv, ...extra.env };
  if (profileDir) {
    mkdirSync(profileDir, { recursive: true });
    // Node 20 refuses --cpu-prof in NODE_OPTIONS; a preloaded script drives the profiler instead.
    env.NODE_OPTIONS = `--require ${resolve(__dirname, 'cpu-profile-preload.cjs')}`;
    env.BENCH_CPU_PROF_DIR = resolve(profileDir);
  }
  const started = performance.now();
  const suite = await startSuite({ ...extra, env, readyTimeoutMs: 60_000 });
  const startMs = Math.round(performance.now() - started);
  const appOfPid = new Map<number, AppName>();
  const notePids = () => {
    for (const app of APP_NAMES) {
      const pid = suite.pidOf(app);
      if (pid) appOfPid.set(pid, app);
    }
  };
  notePids();
  try {
    const keyCount = Math.max(2, Math.ceil(options.connections / 4));
    const apiKeys: string[] = [];
    for (let n = 0; n < keyCount; n++) {
      apiKeys.push(await createBenchKey(suite, `bench ${n}`));
    }
    let keyTurn = 0;
    const nextApiKey = () => apiKeys[keyTurn++ % apiKeys.length];
    const telegramIds = await registerCustomers(suite, options.customers, nextApiKey);
    const redisPid = await redisServerPid(suite.redisUrl);
    const pidGroups: PidGroups = {
      ...Object.fromEntries(APP_NAMES.map((app) => [app, () => pidsOf(suite.pidOf(app))])),
      postgres: () => backendPids(suite.databaseUrl),
      'postgres (backup)': () => backendPids(suite.backupDatabaseUrl),
      'redis (shared)': () => pidsOf(redisPid),
      'bench client': () => [process.pid],
    };
    return {
      suite,
      startMs,
      apiKeys,
      telegramIds,
      pidGroups,
      appOfPid,
      nextApiKey,
      randomTelegramId: () => telegramIds[randomInt(telegramIds.length)],
      restartApp: async (name) => {
        await suite.stopApp(name);
        const restarted = performance.now();
        await suite.startApp(name);
        notePids();
        return Math.round(performance.now() - restarted);
      },
      stop: () => suite.stop(),
    };
  } catch (error) {
    const persistenceLog = suite.logs('persistence').slice(-20).join('\n');
    await suite.stop();
    if (error instanceof Error)
      error.message += `\n--- persistence log (last 20 lines) ---\n${persistenceLog}`;
    throw error;
  }
}

/**
 * A telegram-scoped key with the highest rate limit. A suite that has just become ready may
 * still be settling (its first store probes): a 503 is tried again, three times at most.
 */
async function createBenchKey(suite: Suite, name: string): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    try {
      return (
        await createApiKey(suite, ['telegram'], { name, rateLimitPerMinute: KEY_RATE_LIMIT_PER_MINUTE })
      ).key;
    } catch (error) {
      if (attempt >= 3 || !/answered 503/.test(String(error))) throw error;
      progress(`creating an API key answered 503; trying again (${String(error).slice(0, 160)})`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

/** Registers `count` Telegram customers through the API, 16 at a time. */
async function registerCustomers(suite: Suite, count: number, nextApiKey: () => string): Promise<string[]> {
  progress(`registering ${count} customers`);
  const telegramIds = Array.from({ length: count }, () => String(randomInt(1e9, 2 ** 47)));
  const http = api(suite);
  let next = 0;
  const worker = async () => {
    while (next < telegramIds.length) {
      const telegramId = telegramIds[next++];
      const response = await http.post(
        '/v1/telegram/users',
        { telegram_id: telegramId },
        { apiKey: nextApiKey() },
      );
      if (response.status !== 201 && response.status !== 200) {
        throw new Error(`Registering a customer answered ${response.status}: ${response.text}`);
      }
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  return telegramIds;
}

const pidsOf = (pid: number | undefined) => (pid ? [pid] : []);
