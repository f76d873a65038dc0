import { APP_NAMES } from '../../test/support/app-names';
import { FigureResult, notAvailable } from '../report/figure-result';
import { BenchOptions } from '../support/bench-options';
import { countStored, FaultToleranceSuite } from '../support/fault-tolerance-suite';
import { round } from '../support/latency-summary';
import { OrderAttempt, OrderStream } from '../support/order-stream';
import { progress } from '../support/progress';
import { withPgClient } from '../support/with-pg-client';

export interface FailoverGap {
  /**
   * From `pg_ctl stop -m immediate` on the primary to the first accepted order that the crashed
   * primary had not already committed (decided by the backup, queued, or sent after the crash).
   */
  crashToNextAcceptedMs: number;
  /** The longest interval without an accepted order, from a second before the crash to the end. */
  longestGapMs: number;
  /** Failed attempts by status ("0" is a connection error or timeout); every one was retried with its key. */
  errors: Record<string, number>;
  outageSeconds: number;
  /** After the primary restarted: until both databases hold the same ops (null: not within the wait). */
  restartToEqualMs: number | null;
  accepted: number;
  /** Accepted orders in neither database: lost. */
  lost: number;
  /** Accepted orders in one database but not (yet) the other when the wait for equality ended. */
  missingOnPrimary: number;
  missingOnBackup: number;
  /** Orders stored twice for one op, over both databases. */
  duplicated: number;
  /** Apps that exited during the figure (a crash of the database must not take an app down). */
  appsExited: string[];
}

/**
 * While orders flow, crash the primary (a cluster of the bench's own), keep ordering through the
 * outage, restart it, and measure how long writes stopped, what clients saw, how long until the
 * backup and the primary are equal again, and whether every accepted order is in both exactly
 * once.
 */
export async function measureFailoverGap(
  options: BenchOptions,
  env: FaultToleranceSuite,
): Promise<FigureResult<FailoverGap>> {
  const outageSeconds = options.isSmoke ? 1 : 5;
  const stream = new OrderStream(env.bench, Math.min(options.connections, 16)).start();
  await sleep(options.isSmoke ? 500 : 3000);
  progress(`failover: crashing the primary (pg_ctl stop -m immediate), ${outageSeconds} s outage`);
  const crashedAt = performance.now();
  const crashedAtEpochMs = Date.now();
  await env.primary.stop({ mode: 'immediate' });
  await sleep(outageSeconds * 1000);
  progress('failover: restarting the primary');
  await env.primary.start();
  const restartedAt = performance.now();
  await sleep(options.isSmoke ? 1000 : 3000);
  await stream.stop();

  const restartToEqualMs = await waitUntilEqual(env, restartedAt, options.isSmoke ? 10_000 : 15_000);
  const accepted = stream.acceptedOpIds;
  const [onPrimary, onBackup, inEither] = await Promise.all([
    countStored(env.primaryUrl, accepted),
    countStored(env.backupUrl, accepted),
    storedInEither(env, accepted),
  ]);
  const committedBeforeCrash = await decidedByPrimaryBefore(env.primaryUrl, accepted, crashedAtEpochMs);
  const firstAfterCrash = stream.attempts
    .filter((a) => isAccepted(a) && a.doneAt >= crashedAt && !committedBeforeCrash.has(a.opId ?? ''))
    .sort((a, b) => a.doneAt - b.doneAt)[0];
  const errors = countErrors(stream.attempts);
  const appsExited = APP_NAMES.filter((app) => env.bench.suite.pidOf(app) === undefined);
  if (!firstAfterCrash) {
    const exited = appsExited.length
      ? `; ${appsExited.join(', ')} exited: see fault-tolerance-suite.log of the run`
      : '';
    return notAvailable(
      `no order was accepted after the primary crashed (failed attempts by status: ${JSON.stringify(errors)}${exited})`,
    );
  }
  return {
    available: true,
    crashToNextAcceptedMs: round(firstAfterCrash.doneAt - crashedAt, 1),
    longestGapMs: round(longestGap(stream.attempts, crashedAt - 1000), 1),
    errors,
    outageSeconds,
    restartToEqualMs,
    accepted: accepted.length,
    lost: accepted.length - inEither,
    missingOnPrimary: accepted.length - onPrimary.found,
    missingOnBackup: accepted.length - onBackup.found,
    duplicated: onPrimary.duplicated + onBackup.duplicated,
    appsExited,
  };
}

/** How many of `opIds` have an order in at least one of the two databases. */
async function storedInEither(env: FaultToleranceSuite, opIds: string[]): Promise<number> {
  const idsIn = (url: string) =>
    withPgClient(url, async (client) => {
      const { rows } = await client.query<{ op_id: string }>(
        'SELECT DISTINCT op_id FROM orders WHERE op_id = ANY($1::uuid[])',
        [opIds],
      );
      return rows.map((row) => row.op_id);
    });
  return new Set([...(await idsIn(env.primaryUrl)), ...(await idsIn(env.backupUrl))]).size;
}

const isAccepted = (attempt: OrderAttempt) => attempt.status === 201 || attempt.status === 202;

/**
 * Ops the primary itself decided in a transaction that began before the crash: they were
 * committed before it (an uncommitted one would not have survived), so their answers arriving
 * after the crash do not show that writes go on. `origin` exists once ops record their store.
 */
async function decidedByPrimaryBefore(url: string, opIds: string[], epochMs: number): Promise<Set<string>> {
  return withPgClient(url, async (client) => {
    const { rows } = await client.query<{ op_id: string }>(
      `SELECT op_id FROM ops o
        WHERE op_id = ANY($1::uuid[]) AND applied_at < to_timestamp($2::float8 / 1000)
          AND coalesce(to_jsonb(o) ->> 'origin', 'primary') = 'primary'`,
      [opIds, epochMs],
    );
    return new Set(rows.map((row) => row.op_id));
  });
}

function longestGap(attempts: OrderAttempt[], from: number): number {
  const done = attempts
    .filter((attempt) => isAccepted(attempt) && attempt.doneAt >= from)
    .map((attempt) => attempt.doneAt)
    .sort((a, b) => a - b);
  let longest = 0;
  for (let n = 1; n < done.length; n++) longest = Math.max(longest, done[n] - done[n - 1]);
  return longest;
}

function countErrors(attempts: OrderAttempt[]): Record<string, number> {
  const errors: Record<string, number> = {};
  for (const attempt of attempts) {
    if (!isAccepted(attempt)) errors[attempt.status] = (errors[attempt.status] ?? 0) + 1;
  }
  return errors;
}

/** ms from `since` until both databases hold the same ops, or null if they never do within `timeoutMs`. */
async function waitUntilEqual(
  env: FaultToleranceSuite,
  since: number,
  timeoutMs: number,
): Promise<number | null> {
  const opsOf = (url: string) =>
    withPgClient(url, async (client) =>
      Number((await client.query('SELECT count(*) AS n FROM ops')).rows[0].n),
    );
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    const [primary, backup] = await Promise.all([
      opsOf(env.primaryUrl).catch(() => -1),
      opsOf(env.backupUrl).catch(() => -2),
    ]);
    if (primary === backup) return round(performance.now() - since, 0);
    await sleep(100);
  }
  return null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
