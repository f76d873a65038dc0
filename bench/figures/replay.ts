import { APP_NAMES } from '../../test/support/app-names';
import { api } from '../../test/support/http';
import { FigureResult, notAvailable } from '../report/figure-result';
import { BenchOptions } from '../support/bench-options';
import { countStored, FaultToleranceSuite } from '../support/fault-tolerance-suite';
import { round } from '../support/latency-summary';
import { OrderStream } from '../support/order-stream';
import { progress } from '../support/progress';

export interface Replay {
  /** REPLAY_OPS, unless queueing them took longer than the bench allows (ENQUEUE_LIMIT_MS). */
  queuedOps: number;
  /** Orders accepted per second while both stores were down (answered 202 queued). */
  enqueuePerSecond: number;
  /**
   * Queued ops applied per second, from the first one replayed until the backlog was empty (or,
   * when it was not empty within DRAIN_LIMIT_MS, until then).
   */
  opsPerSecond: number;
  /** Whether every queued op reached both databases within DRAIN_LIMIT_MS. */
  isBacklogEmptied: boolean;
  /** Queued ops in a database when the figure ended. */
  replayedOps: number;
  /** From both databases being back until the first queued op was applied (breakers closing); null if none was. */
  restoreToFirstReplayMs: number | null;
  /** From both databases being back until every queued op was applied on one of them; null if they were not. */
  restoreToEmptyMs: number | null;
  /** Queued orders in neither database once both had caught up (null: the backlog did not empty, so not known). */
  lost: number | null;
  duplicated: number;
  /** Attempts answered other than 202 while queueing, by status (each retried with its key). */
  otherAnswers: Record<string, number>;
}

/** The size: 10,000 queued ops. */
export const REPLAY_OPS = 10_000;

const POLL_MS = 100;
/** Bounds on the two phases, so a default run stays within its five minutes on a slow suite. */
const ENQUEUE_LIMIT_MS = 40_000;
export const DRAIN_LIMIT_MS = 50_000;

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
    await stream.placeCount(count, enqueueStarted + (options.isSmoke ? 20_000 : ENQUEUE_LIMIT_MS));
    const enqueueMs = performance.now() - enqueueStarted;
    const queued = stream.attempts.filter((attempt) => attempt.status === 202).length;
    if (queued === 0) {
      return notAvailable(
        `no order was queued (202) with both databases down (answers by status: ${JSON.stringify(statusCounts(stream.attempts))})`,
      );
    }
    if (queued < count)
      progress(`replay: only ${queued} orders were queued within ${ENQUEUE_LIMIT_MS / 1000} s`);
    const opIds = stream.acceptedOpIds;
    const total = opIds.length;

    progress('replay: restoring both databases');
    await Promise.all([env.primary.start(), env.backup.start()]);
    const restoredAt = performance.now();
    const deadline = restoredAt + (options.isSmoke ? 20_000 : DRAIN_LIMIT_MS);
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
      if (replayed === total) emptyAt ??= now;
      if (emptyAt !== undefined && onPrimary.found === total && onBackup.found === total) {
        return {
          available: true,
          queuedOps: total,
          enqueuePerSecond: round(total / (enqueueMs / 1000), 1),
          opsPerSecond: round(total / ((emptyAt - firstAt!) / 1000), 1),
          isBacklogEmptied: true,
          replayedOps: total,
          restoreToFirstReplayMs: round(firstAt! - restoredAt, 0),
          restoreToEmptyMs: round(emptyAt - restoredAt, 0),
          lost: 0,
          duplicated: onPrimary.duplicated + onBackup.duplicated,
          otherAnswers: statusCounts(stream.attempts.filter((attempt) => attempt.status !== 202)),
        };
      }
      if (now > deadline) {
        // Not empty in time: the rate so far is still the replay's rate, reported as such.
        return {
          available: true,
          queuedOps: total,
          enqueuePerSecond: round(total / (enqueueMs / 1000), 1),
          opsPerSecond: firstAt === undefined ? 0 : round(replayed / ((now - firstAt) / 1000), 1),
          isBacklogEmptied: false,
          replayedOps: replayed,
          restoreToFirstReplayMs: firstAt === undefined ? null : round(firstAt - restoredAt, 0),
          restoreToEmptyMs: null,
          lost: null,
          duplicated: onPrimary.duplicated + onBackup.duplicated,
          otherAnswers: statusCounts(stream.attempts.filter((attempt) => attempt.status !== 202)),
        };
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

function statusCounts(attempts: { status: number }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const attempt of attempts) counts[attempt.status] = (counts[attempt.status] ?? 0) + 1;
  return counts;
}
