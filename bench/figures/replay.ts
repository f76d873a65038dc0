import { APP_NAMES } from '../../test/support/app-names';
import { api } from '../../test/support/http';
import { FigureResult, notAvailable } from '../report/figure-result';
import { BenchOptions } from '../support/bench-options';
import { countStored, FaultToleranceSuite } from '../support/fault-tolerance-suite';
import { round } from '../support/latency-summary';
import { OrderStream } from '../support/order-stream';
import { progress } from '../support/progress';

export interface Replay {
  queuedOps: number;
  /** Orders accepted per second while both stores were down (answered 202 queued). */
  enqueuePerSecond: number;
  /** Queued ops applied per second, from the first one replayed until the backlog was empty. */
  opsPerSecond: number;
  /** From both databases being back until the first queued op was applied (breakers closing). */
  restoreToFirstReplayMs: number;
  /** From both databases being back until every queued op was applied on one of them. */
  restoreToEmptyMs: number;
  /** Queued orders missing from either database once both had caught up, and orders stored twice. */
  lost: number;
  duplicated: number;
}

/** The size: 10,000 queued ops. */
export const REPLAY_OPS = 10_000;

const POLL_MS = 100;

/**
 * Both databases down (CACHE_ONLY): REPLAY_OPS orders are queued through the API; then both
 * return and the recovery worker replays the backlog. Measures how fast it drains and whether
 * every queued order ends up in both databases exactly once.
 */
export async function measureReplay(
  options: BenchOptions,
  env: FaultToleranceSuite,
): Promise<FigureResult<Replay>> {
  const count = options.isSmoke ? 50 : REPLAY_OPS;
  // An app that an earlier figure took down is started again: this figure measures the replay.
  for (const app of APP_NAMES.filter((name) => env.bench.suite.pidOf(name) === undefined)) {
    progress(`replay: ${app} is not running (it exited earlier); starting it again`);
    await env.bench.suite.startApp(app);
  }
  progress('replay: stopping both databases');
  await Promise.all([env.primary.stop({ mode: 'fast' }), env.backup.stop({ mode: 'fast' })]);
  try {
    const mode = await waitForMode(env, 'CACHE_ONLY', 30_000);
    if (mode !== 'CACHE_ONLY') {
      return notAvailable(`the suite did not enter CACHE_ONLY with both databases down (mode ${mode})`);
    }
    progress(`replay: queueing ${count} orders`);
    const stream = new OrderStream(env.bench, options.connections);
    const enqueueStarted = performance.now();
    await stream.placeCount(count);
    const enqueueMs = performance.now() - enqueueStarted;
    const queued = stream.attempts.filter((attempt) => attempt.status === 202).length;
    if (queued < count) {
      return notAvailable(`only ${queued} of ${count} orders were queued (202) with both databases down`);
    }
    const opIds = stream.acceptedOpIds;

    progress('replay: restoring both databases');
    await Promise.all([env.primary.start(), env.backup.start()]);
    const restoredAt = performance.now();
    // Bounded so a default run stays within its five minutes; a slower replay is reported as such.
    const deadline = restoredAt + (options.isSmoke ? 30_000 : 90_000);
    let firstAt: number | undefined;
    let emptyAt: number | undefined;
    for (;;) {
      const [onPrimary, onBackup] = await Promise.all([
        countStored(env.primaryUrl, opIds).catch(() => ({ found: 0, duplicated: 0 })),
        countStored(env.backupUrl, opIds).catch(() => ({ found: 0, duplicated: 0 })),
      ]);
      const now = performance.now();
      const replayed = Math.max(onPrimary.found, onBackup.found);
      if (replayed > 0) firstAt ??= now - POLL_MS / 2;
      if (replayed === count) emptyAt ??= now;
      if (emptyAt !== undefined && onPrimary.found === count && onBackup.found === count) {
        return {
          available: true,
          queuedOps: count,
          enqueuePerSecond: round(count / (enqueueMs / 1000), 1),
          opsPerSecond: round(count / ((emptyAt - firstAt!) / 1000), 1),
          restoreToFirstReplayMs: round(firstAt! - restoredAt, 0),
          restoreToEmptyMs: round(emptyAt - restoredAt, 0),
          lost: 0,
          duplicated: onPrimary.duplicated + onBackup.duplicated,
        };
      }
      if (now > deadline) {
        const seconds = (now - restoredAt) / 1000;
        return notAvailable(
          `the backlog was not replayed within ${Math.round(seconds)} s: ${replayed} of ${count} ` +
            `(${round(replayed / seconds, 1)} ops/s; ${onPrimary.found} on the primary, ${onBackup.found} on the backup)`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  } finally {
    if (!env.primary.isRunning) await env.primary.start();
    if (!env.backup.isRunning) await env.backup.start();
  }
}

async function waitForMode(env: FaultToleranceSuite, wanted: string, timeoutMs: number): Promise<string> {
  const deadline = performance.now() + timeoutMs;
  let mode = 'unknown';
  while (performance.now() < deadline) {
    const response = await api(env.bench.suite)
      .get('/v1/admin/status', { admin: true, timeoutMs: 5000 })
      .catch(() => null);
    const database = response?.body?.database;
    mode = database?.mode
      ? String(database.mode)
      : `unknown (GET /v1/admin/status answered ${response?.status ?? 'nothing'}: ${JSON.stringify(database ?? response?.body ?? null).slice(0, 300)})`;
    if (mode === wanted) return mode;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return mode;
}
