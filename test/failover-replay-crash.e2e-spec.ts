import { orderBody } from './fixtures/order-body';
import { uniqueKey, uniqueTelegramId } from './fixtures/unique';
import { expectStoresEqual } from './support/expect-stores-equal';
import { FailoverSuite, startFailoverSuite } from './support/failover-suite';
import { api, createApiKey } from './support/http';
import { ordersPerOp, rowsOf } from './support/store-rows';
import { waitUntil } from './support/wait-until';

jest.setTimeout(240_000);

/**
 * The persistence process killed (SIGKILL) in the middle of replaying the deferred queue: on
 * restart the replay finishes, and every queued order is in both databases exactly once
 * (issue 4, "Tests with real faults").
 */
describe('Failover: persistence killed mid-replay', () => {
  let failover: FailoverSuite;
  let telegramKey: string;

  beforeAll(async () => {
    failover = await startFailoverSuite();
    telegramKey = (await createApiKey(failover.suite, ['telegram'], { rateLimitPerMinute: 100_000 })).key;
  }, 120_000);
  afterAll(() => failover?.stop());

  it('finishes the replay after a restart with nothing lost and nothing doubled', async () => {
    const http = api(failover.suite);
    const customers: string[] = [];
    for (let i = 0; i < 10; i++) {
      const telegramId = uniqueTelegramId();
      expect(
        (await http.post('/v1/telegram/users', { telegram_id: telegramId }, { apiKey: telegramKey })).status,
      ).toBe(201);
      customers.push(telegramId);
    }
    await Promise.all([
      failover.stores.primary.stop({ mode: 'fast' }),
      failover.stores.backup.stop({ mode: 'fast' }),
    ]);
    await failover.waitForMode('CACHE_ONLY', { timeoutMs: 10_000 });

    // More ops than one replay batch (500), so the kill lands between batch commits.
    const queued: string[] = [];
    for (let i = 0; i < 1200; i += 8) {
      const answers = await Promise.all(
        customers.slice(0, 8).map((telegramId) =>
          http.post(`/v1/telegram/users/${telegramId}/orders`, orderBody(), {
            apiKey: telegramKey,
            idempotencyKey: uniqueKey('queued'),
          }),
        ),
      );
      for (const answer of answers) {
        expect(answer.status).toBe(202);
        queued.push(answer.body.op_id);
      }
    }

    await Promise.all([failover.stores.primary.start(), failover.stores.backup.start()]);
    // Kill it as soon as the replay has applied something, well before it is done.
    await waitUntil(
      async () => {
        const [{ n }] = await rowsOf<{ n: string }>(
          failover.stores.primaryUrl,
          `SELECT count(*) AS n FROM ops WHERE op_id = ANY($1::uuid[])`,
          [queued],
        ).catch(() => [{ n: '0' }]);
        return Number(n) > 0 ? Number(n) : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 10, describe: () => 'the replay to start' },
    );
    await failover.suite.stopApp('persistence', 'SIGKILL');
    const [{ n: appliedBeforeKill }] = await rowsOf<{ n: string }>(
      failover.stores.primaryUrl,
      `SELECT count(*) AS n FROM ops WHERE op_id = ANY($1::uuid[])`,
      [queued],
    );
    console.info(
      `replay crash: killed persistence with ${appliedBeforeKill} of ${queued.length} queued ops applied`,
    );
    expect(Number(appliedBeforeKill)).toBeLessThan(queued.length);

    await failover.suite.startApp('persistence');
    await failover.waitForMode('FULL_OPERATIONAL', { timeoutMs: 90_000, queueEmpty: true });
    await failover.waitForReplication(60_000);

    for (const url of [failover.stores.primaryUrl, failover.stores.backupUrl]) {
      const counts = await ordersPerOp(url, queued);
      expect(counts.size).toBe(queued.length);
      expect([...counts.values()].every((n) => n === 1)).toBe(true);
    }
    await expectStoresEqual(failover.stores.primaryUrl, failover.stores.backupUrl);
  });
});
