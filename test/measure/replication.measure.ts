import { Op } from '@karmabot/contracts';
import { customerIdForIdentity, deriveId } from '@karmabot/domain';
import { PgStore } from '@karmabot/persistence';
import { sampleOps } from '@karmabot/persistence/testing/sample-ops';
import { expectStoresEqual } from '../support/expect-stores-equal';
import { createReplicatedStores, ReplicatedStores } from '../support/replicated-stores';

/**
 * Replication figures (issue 4, "Measure"), outside the normal test run:
 *   npx jest --testRegex 'measure\.ts$' test/measure/replication.measure.ts
 * - lag under a steady write load through applyOp on the primary, the replicator running with
 *   the production defaults (batch 500, poll 150 ms);
 * - copy speed of a 10,000-op backlog (catchUp).
 * Per-op lag = the backup's applied_at of the copy − the primary's applied_at of the op (both
 * transaction start times on the same server clock here).
 */
const RATE_PER_S = Number(process.env.MEASURE_RATE ?? 500);
const SECONDS = Number(process.env.MEASURE_SECONDS ?? 10);
const BACKLOG = Number(process.env.MEASURE_BACKLOG ?? 10_000);

/** A customer's life: registration, an order, its payment (3 ops, 1 to 2 rows each). */
function lifeOps(): Op[] {
  const registration = sampleOps.registerTelegram();
  const customerId = customerIdForIdentity('telegram', registration.payload.telegramId);
  const order = sampleOps.placeOrder(customerId);
  return [registration, order, sampleOps.changeStatus(deriveId(order.opId, 'order'), 'paid')];
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/**
 * Applies ops at `ratePerS` (each customer's three ops in order), at most MAX_IN_FLIGHT at once
 * so the pool never queues; when the store cannot keep up, it goes as fast as it can and the
 * achieved rate says so.
 */
async function steadyLoad(store: PgStore, ratePerS: number, seconds: number): Promise<number> {
  const MAX_IN_FLIGHT = 16;
  const lines: Op[][] = Array.from({ length: Math.ceil((ratePerS * seconds) / 3) }, lifeOps);
  const total = lines.length * 3;
  const started = performance.now();
  const inFlight = new Set<Promise<unknown>>();
  let next = 0;
  for (const line of lines) {
    const wait = started + (next / ratePerS) * 1000 - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    next += line.length;
    while (inFlight.size >= MAX_IN_FLIGHT) await Promise.race(inFlight);
    const chain = (async () => {
      for (const op of line) await store.applyOp(op);
    })();
    inFlight.add(chain);
    void chain.finally(() => inFlight.delete(chain));
  }
  await Promise.all(inFlight);
  return total / ((performance.now() - started) / 1000);
}

describe('replication figures', () => {
  let stores: ReplicatedStores;
  afterEach(async () => {
    await stores.close();
  });

  it(`lag under ${RATE_PER_S} ops/s for ${SECONDS} s`, async () => {
    stores = await createReplicatedStores({ batchSize: 500, idlePollMs: 150 });
    stores.replicator.start();
    const samples: { ops: number; seconds: number }[] = [];
    const sampler = setInterval(() => {
      void stores.replicator.lag().then((lag) => lag.toBackup && samples.push(lag.toBackup));
    }, 100);

    const achieved = await steadyLoad(stores.primary, RATE_PER_S, SECONDS);
    clearInterval(sampler);
    await stores.replicator.catchUp('primary', 'backup');

    const primaryTimes = await stores.rows<{ op_id: string; t: string }>(
      'primary',
      `SELECT op_id, extract(epoch FROM applied_at) AS t FROM ops`,
    );
    const backupTimes = new Map(
      (
        await stores.rows<{ op_id: string; t: string }>(
          'backup',
          `SELECT op_id, extract(epoch FROM applied_at) AS t FROM ops`,
        )
      ).map((row) => [row.op_id, Number(row.t)]),
    );
    const lags = primaryTimes
      .map((row) => (backupTimes.get(row.op_id)! - Number(row.t)) * 1000)
      .sort((a, b) => a - b);
    const sampledOps = samples.map((s) => s.ops).sort((a, b) => a - b);
    console.log(
      JSON.stringify({
        figure: 'replication lag under load',
        targetOpsPerS: RATE_PER_S,
        achievedOpsPerS: Math.round(achieved),
        ops: lags.length,
        perOpLagMs: {
          p50: Math.round(percentile(lags, 50)),
          p95: Math.round(percentile(lags, 95)),
          p99: Math.round(percentile(lags, 99)),
          max: Math.round(lags[lags.length - 1]),
        },
        sampledLagOps: {
          p50: percentile(sampledOps, 50),
          p95: percentile(sampledOps, 95),
          max: sampledOps.at(-1),
        },
        sampledLagSecondsMax: Math.max(...samples.map((s) => s.seconds)),
      }),
    );
    await expectStoresEqual(stores.dbs.primaryUrl, stores.dbs.backupUrl);
  }, 120_000);

  it.each([500, 1000])(
    `copies a backlog of ${BACKLOG} ops (batch %i)`,
    async (batchSize) => {
      stores = await createReplicatedStores({ batchSize });
      const lines = Array.from({ length: Math.ceil(BACKLOG / 3) }, lifeOps);
      const queue = [...lines];
      await Promise.all(
        Array.from({ length: 16 }, async () => {
          for (let line = queue.shift(); line; line = queue.shift()) {
            for (const op of line) await stores.primary.applyOp(op);
          }
        }),
      );

      const started = performance.now();
      const { copied } = await stores.replicator.catchUp('primary', 'backup');
      const seconds = (performance.now() - started) / 1000;

      console.log(
        JSON.stringify({
          figure: 'replication batch copy',
          batchSize,
          copied,
          seconds: Math.round(seconds * 100) / 100,
          opsPerS: Math.round(copied / seconds),
        }),
      );
      await expectStoresEqual(stores.dbs.primaryUrl, stores.dbs.backupUrl);
    },
    300_000,
  );
});
