import { randomBytes } from 'node:crypto';
import { CONFIG_SCHEMA } from '@karmabot/common/config/config-schema';
import { APP_NAMES, AppName, PORT_VARIABLE } from './app-names';
import { AppExit, AppProcess, describeExit } from './app-process';
import { assertBuilt } from './build-output';
import { createTestDatabase, TestDatabase } from './databases';
import { deleteRedisKeys } from './delete-redis-keys';
import { freePort } from './free-port';

export type { AppName } from './app-names';
export type { AppExit } from './app-process';

export interface SuiteOptions {
  /** Extra or overriding settings for every app (e.g. `REDIS_URL` of a private redis-server). */
  env?: Record<string, string>;
  /** Which apps to start (default: all four). The others still get ports, but no process. */
  apps?: AppName[];
  /** How long each app may take to answer 200 on /readyz (default 30 s). */
  readyTimeoutMs?: number;
}

export interface Suite {
  /** The gateway, e.g. `http://127.0.0.1:41234`. */
  baseUrl: string;
  adminToken: string;
  apiKeyPepper: string;
  redisUrl: string;
  /** `kbtest:<random>:` — every key and channel of this suite; deleted by stop(). */
  redisPrefix: string;
  /** The primary database, fresh and migrated; dropped by stop(). */
  databaseUrl: string;
  /** The backup database, fresh and migrated; dropped by stop(). */
  backupDatabaseUrl: string;
  ports: Record<AppName, number>;
  /** The environment every app was started with. */
  env: Readonly<Record<string, string>>;
  /** `http://127.0.0.1:<port>` of one app (its health and metrics port, the gateway's public one). */
  urlOf(app: AppName): string;
  /** Captured stdout and stderr lines of one app (across restarts), or of all apps in arrival order. */
  logs(app?: AppName): string[];
  /** Sends `signal` (default SIGTERM) and waits for the exit; SIGKILL after 10 s. */
  stopApp(name: AppName, signal?: NodeJS.Signals): Promise<AppExit>;
  /** Starts an app again (same port and env) and waits until it is ready. */
  startApp(name: AppName): Promise<void>;
  /** The app's current process, for tests that signal it themselves (SIGSTOP, SIGKILL). */
  pidOf(name: AppName): number | undefined;
  /** Stops every app, then deletes the Redis keys under the prefix and drops both databases. */
  stop(): Promise<void>;
}

/**
 * Starts the four compiled apps as child processes on a fresh database pair, free ports and a
 * Redis prefix of their own, and waits until each answers 200 on /readyz. Everything it made is
 * undone by `stop()`, and by a failed start.
 */
export async function startSuite(options: SuiteOptions = {}): Promise<Suite> {
  const appsToStart = options.apps ?? [...APP_NAMES];
  assertBuilt(appsToStart);

  const cleanups: (() => Promise<unknown>)[] = [];
  const processes = new Map<AppName, AppProcess>();
  const arrival: string[] = [];

  const stop = async () => {
    const problems: unknown[] = [];
    await Promise.all(
      [...processes.values()].filter((app) => app.isRunning).map((app) => app.stop('SIGTERM', 10_000)),
    );
    for (const cleanup of cleanups.reverse()) {
      await cleanup().catch((error) => problems.push(error));
    }
    cleanups.length = 0;
    if (problems.length) throw new AggregateError(problems, 'Suite clean-up failed');
  };

  try {
    const databases = await Promise.allSettled([createTestDatabase(), createTestDatabase()]);
    for (const database of databases) {
      if (database.status === 'fulfilled') cleanups.push(() => database.value.drop());
    }
    const failed = databases.find((database) => database.status === 'rejected');
    if (failed) throw failed.reason;
    const [primary, backup] = databases.map(
      (database) => (database as PromiseFulfilledResult<TestDatabase>).value,
    );

    const ports = {} as Record<AppName, number>;
    for (const app of APP_NAMES) ports[app] = await freePort();

    const adminToken = randomBytes(24).toString('base64url');
    const apiKeyPepper = randomBytes(32).toString('base64url');
    const redisPrefix = `kbtest:${randomBytes(6).toString('hex')}:`;
    const env: Record<string, string> = {
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      DATABASE_URL: primary.url,
      BACKUP_DATABASE_URL: backup.url,
      REDIS_URL: 'redis://127.0.0.1:6379',
      REDIS_PREFIX: redisPrefix,
      GATEWAY_HOST: '127.0.0.1',
      ADMIN_TOKEN: adminToken,
      API_KEY_PEPPER: apiKeyPepper,
      JWT_SECRET: randomBytes(32).toString('base64url'),
      ...Object.fromEntries(APP_NAMES.map((app) => [PORT_VARIABLE[app], String(ports[app])])),
      ...options.env,
    };
    const redisUrl = env.REDIS_URL;
    cleanups.push(() => deleteRedisKeys(redisUrl, env.REDIS_PREFIX).catch(warnRedisCleanup(redisUrl)));

    const childEnv = { ...withoutSettings(process.env), ...env };
    for (const app of APP_NAMES) {
      processes.set(app, new AppProcess(app, ports[app], childEnv, (line) => arrival.push(line)));
    }

    for (const app of appsToStart) processes.get(app)!.start();
    await Promise.all(appsToStart.map((app) => processes.get(app)!.waitReady(options.readyTimeoutMs)));

    const processOf = (name: AppName) => processes.get(name)!;
    return {
      baseUrl: processOf('api-gateway').url,
      adminToken,
      apiKeyPepper,
      redisUrl,
      redisPrefix: env.REDIS_PREFIX,
      databaseUrl: env.DATABASE_URL,
      backupDatabaseUrl: env.BACKUP_DATABASE_URL,
      ports,
      env: Object.freeze({ ...env }),
      urlOf: (app) => processOf(app).url,
      logs: (app) => (app ? [...processOf(app).lines] : [...arrival]),
      stopApp: (name, signal = 'SIGTERM') => processOf(name).stop(signal),
      startApp: async (name) => {
        const proc = processOf(name);
        proc.start();
        await proc.waitReady(options.readyTimeoutMs);
      },
      pidOf: (name) => (processOf(name).isRunning ? processOf(name).pid : undefined),
      stop,
    };
  } catch (error) {
    await stop().catch((cleanupError) =>
      console.error('Suite clean-up after a failed start failed:', cleanupError),
    );
    throw error;
  }
}

/** The parent's own settings (a developer's exported DATABASE_URL, say) must not leak into a suite. */
function withoutSettings(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const copy = { ...env };
  for (const name of Object.keys(CONFIG_SCHEMA)) delete copy[name];
  return copy;
}

/** A test that stopped its private redis-server for good leaves nothing to delete. */
function warnRedisCleanup(redisUrl: string) {
  return (error: Error) =>
    console.warn(`Suite: could not delete its Redis keys at ${redisUrl}: ${error.message}`);
}

export { describeExit };
