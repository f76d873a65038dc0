import { randomBytes } from 'node:crypto';
import { BenchOptions } from '../support/bench-options';
import { BenchSuite, ORDER_BODY } from '../support/bench-suite';
import { CpuMeter } from '../support/cpu-meter';
import {
  activityPerOrder,
  DatabaseActivity,
  databaseActivity,
  STATS_SETTLE_MS,
} from '../support/database-activity';
import { LatencySummary, round } from '../support/latency-summary';
import { progress } from '../support/progress';
import { HttpLoadResult, runHttpLoad } from '../support/run-http-load';
import { withPgClient } from '../support/with-pg-client';

export interface OrderWrites {
  connections: number;
  durationSeconds: number;
  /** 201 answers per second. */
  ordersPerSecond: number;
  latencyMs: LatencySummary;
  statusCounts: Record<string, number>;
  connectionErrors: number;
  /** CPU-ms per accepted order of each app, the suite's PostgreSQL backends, Redis and the load generator. */
  cpuMsPerOrder: Record<string, number>;
  /** The suite database's pg_stat_database counters per accepted order (commits per order < 1 is group commit). */
  databasePerOrder: DatabaseActivity;
  /** Every accepted order (201, its X-Op-Id) of the measured run, looked up in the primary afterwards. */
  acceptedChecked: number;
  acceptedMissing: number;
  /** Orders stored more than once for one op (whole database, warm-up included). */
  duplicatedOrders: number;
}

/**
 * `POST /v1/telegram/users/{id}/orders` end to end (gateway → adapters → persistence →
 * PostgreSQL), each request with its own Idempotency-Key and a random customer, after a warm-up.
 */
export async function measureOrderWrites(options: BenchOptions, bench: BenchSuite): Promise<OrderWrites> {
  const run = randomBytes(4).toString('hex');
  let sequence = 0;
  const accepted: string[] = [];
  let isCollecting = false;
  const load = (durationSeconds: number) =>
    runHttpLoad({
      baseUrl: bench.suite.baseUrl,
      connections: options.connections,
      durationSeconds,
      nextRequest: () => ({
        method: 'POST',
        path: `/v1/telegram/users/${bench.randomTelegramId()}/orders`,
        headers: {
          'content-type': 'application/json',
          'x-api-key': bench.nextApiKey(),
          'idempotency-key': `bench-${run}-${sequence++}`,
        },
        body: ORDER_BODY,
      }),
      onResponse: (status, headers) => {
        if (isCollecting && status === 201 && headers['x-op-id']) accepted.push(headers['x-op-id']);
      },
    });

  if (options.warmupSeconds > 0) {
    progress(`order writes: warm-up ${options.warmupSeconds} s`);
    await load(options.warmupSeconds);
  }
  await sleep(STATS_SETTLE_MS);
  const before = await databaseActivity(bench.suite.databaseUrl);
  progress(`order writes: ${options.connections} connections, ${options.durationSeconds} s`);
  isCollecting = true;
  const meter = await CpuMeter.start(bench.pidGroups);
  const result: HttpLoadResult = await load(options.durationSeconds);
  const { cpuMs } = await meter.stop();
  isCollecting = false;
  await sleep(STATS_SETTLE_MS);
  const after = await databaseActivity(bench.suite.databaseUrl);

  const check = await checkAccepted(bench.suite.databaseUrl, accepted);
  return {
    connections: options.connections,
    durationSeconds: result.durationSeconds,
    ordersPerSecond: result.okPerSecond,
    latencyMs: result.latencyMs,
    statusCounts: result.statusCounts,
    connectionErrors: result.errors,
    cpuMsPerOrder: perUnit(cpuMs, result.ok),
    databasePerOrder: activityPerOrder(before, after, result.ok),
    acceptedChecked: accepted.length,
    acceptedMissing: check.missing,
    duplicatedOrders: check.duplicated,
  };
}

/** How many accepted op ids have no order in the primary, and how many ops hold more than one order. */
async function checkAccepted(
  databaseUrl: string,
  opIds: string[],
): Promise<{ missing: number; duplicated: number }> {
  return withPgClient(databaseUrl, async (client) => {
    const found = await client.query<{ count: string }>(
      `SELECT count(DISTINCT op_id) AS count FROM orders WHERE op_id = ANY($1::uuid[])`,
      [opIds],
    );
    const duplicated = await client.query<{ count: string }>(
      `SELECT count(*) AS count FROM (SELECT op_id FROM orders GROUP BY op_id HAVING count(*) > 1) AS twice`,
    );
    return {
      missing: opIds.length - Number(found.rows[0].count),
      duplicated: Number(duplicated.rows[0].count),
    };
  });
}

/** The group of CPU readings that sums the suite's own processes: the apps and both databases' backends. */
export const SUITE_TOTAL = 'suite total (apps + databases)';

/** CPU-ms per unit (order, read) of each group, plus SUITE_TOTAL; Redis is shared with other work and left out of it. */
export function perUnit(cpuMs: Record<string, number>, units: number): Record<string, number> {
  const out: Record<string, number> = {};
  let total = 0;
  for (const [group, ms] of Object.entries(cpuMs)) {
    out[group] = units ? round(ms / units, 3) : 0;
    if (group !== 'bench client' && group !== 'redis (shared)') total += ms;
  }
  out[SUITE_TOTAL] = units ? round(total / units, 3) : 0;
  return out;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
