import { createTestDatabase, TestDatabase } from '../support/databases';
import { waitUntil } from '../support/wait-until';
import { applied } from '@karmabot/persistence/testing/applied';
import { connectTestStore } from '@karmabot/persistence/testing/connect-test-store';
import { startReplayHarness } from '@karmabot/persistence/testing/replay-harness';
import { sampleOps } from '@karmabot/persistence/testing/sample-ops';
import { rowsOf } from '../support/store-rows';

jest.setTimeout(600_000);

/**
 * Replay speed of the recovery worker (issue 4, "Measure": replay ≥ 5,000 ops/s for 10,000
 * queued ops): 10,000 orders of 500 customers queued in Redis, then replayed into a real
 * database in group-committed batches. Run on its own:
 *   npx jest --testRegex 'measure\.ts$' --runTestsByPath test/measure/replay.measure.ts
 */
describe('replay of 10,000 queued ops', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db?.drop());

  it('drains the queue once, and reports ops/s', async () => {
    const store = connectTestStore(db.url);
    const harness = await startReplayHarness(
      db.url,
      store,
      'primary',
      Number(process.env.REPLAY_PARALLELISM ?? 4),
    );
    try {
      const customers: string[] = [];
      while (customers.length < 500) {
        const batch = Array.from({ length: 20 }, () => applied(store, sampleOps.registerTelegram()));
        customers.push(...(await Promise.all(batch)).map((result) => result.customer.id));
      }
      const total = Number(process.env.REPLAY_OPS ?? 10_000);
      const ops = Array.from({ length: total }, (_, i) =>
        sampleOps.placeOrder(customers[i % customers.length]),
      );
      const enqueueStarted = performance.now();
      for (let i = 0; i < ops.length; i += 200)
        await Promise.all(ops.slice(i, i + 200).map((op) => harness.enqueue(op)));
      const enqueueMs = performance.now() - enqueueStarted;

      const started = performance.now();
      harness.worker.setReplayTarget('primary');
      await waitUntil(async () => ((await harness.queue.stats()).depth === 0 ? true : undefined), {
        timeoutMs: 300_000,
        intervalMs: 20,
        describe: () => 'the queue to drain',
      });
      const seconds = (performance.now() - started) / 1000;
      const [{ orders, ops: opRows }] = await rowsOf<{ orders: string; ops: string }>(
        db.url,
        `SELECT (SELECT count(*) FROM orders) AS orders, (SELECT count(*) FROM ops WHERE type = 'order.place') AS ops`,
      );
      console.info(
        `replay: ${total} ops in ${seconds.toFixed(2)} s = ${Math.round(total / seconds)} ops/s ` +
          `(enqueued at ${Math.round(total / (enqueueMs / 1000))} ops/s)`,
      );
      expect(Number(orders)).toBe(total);
      expect(Number(opRows)).toBe(total);
      expect(harness.decided).toHaveLength(total);
    } finally {
      await harness.close();
      await store.close();
    }
  });
});
