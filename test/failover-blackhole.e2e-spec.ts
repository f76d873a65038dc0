import { uniqueTelegramId } from './fixtures/unique';
import { expectStoresEqual } from './support/expect-stores-equal';
import { FAST_FAILOVER_ENV, FailoverSuite, startFailoverSuite } from './support/failover-suite';
import { api, createApiKey } from './support/http';
import { streamOrders } from './support/order-stream';
import { ordersPerOp } from './support/store-rows';
import { waitUntil } from './support/wait-until';

jest.setTimeout(180_000);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A primary whose network silently drops everything (no RST, no FIN): only timeouts can tell.
 * The probe's own connection gives up after DB_CONNECT_TIMEOUT_MS, so the switch happens
 * within a probe interval plus that timeout, and writes stuck on dead pool connections are
 * re-routed once their query timeout fires (issue 4: "a dead TCP peer must be detected in
 * seconds, not minutes").
 */
describe('Failover: a blackholed primary', () => {
  let failover: FailoverSuite;
  let telegramKey: string;
  const probeIntervalMs = Number(FAST_FAILOVER_ENV.PROBE_INTERVAL_MS);
  const connectTimeoutMs = Number(FAST_FAILOVER_ENV.DB_CONNECT_TIMEOUT_MS);
  const queryTimeoutMs = Number(FAST_FAILOVER_ENV.DB_STATEMENT_TIMEOUT_MS) + 1000;

  beforeAll(async () => {
    failover = await startFailoverSuite({ proxied: ['primary'] });
    telegramKey = (await createApiKey(failover.suite, ['telegram'])).key;
  }, 120_000);
  afterAll(() => failover?.stop());

  it('is detected within the probe interval plus the connect timeout, and no write is lost', async () => {
    const http = api(failover.suite);
    const customers: string[] = [];
    for (let i = 0; i < 4; i++) {
      const telegramId = uniqueTelegramId();
      expect(
        (await http.post('/v1/telegram/users', { telegram_id: telegramId }, { apiKey: telegramKey })).status,
      ).toBe(201);
      customers.push(telegramId);
    }
    const stream = streamOrders(failover.suite, telegramKey, customers, { concurrency: 3 });
    let detectedAfterMs = 0;
    try {
      await sleep(1000);
      const cutAt = performance.now();
      failover.proxies.primary!.blackhole();
      await waitUntil(
        async () => ((await failover.storeStatus()).mode === 'SUPABASE_ONLY' ? true : undefined),
        { timeoutMs: 15_000, intervalMs: 20, describe: () => 'the blackholed primary to be taken out' },
      );
      detectedAfterMs = Math.round(performance.now() - cutAt);
      await sleep(queryTimeoutMs + 1000);
      await failover.proxies.primary!.heal();
      await failover.waitForMode('FULL_OPERATIONAL', { timeoutMs: 30_000 });
    } finally {
      await stream.stop();
    }
    console.info(
      `blackhole: detected after ${detectedAfterMs} ms (probe ${probeIntervalMs} ms + connect timeout ${connectTimeoutMs} ms)`,
    );
    expect(detectedAfterMs).toBeLessThan(probeIntervalMs + connectTimeoutMs + 1500);

    const writes = stream.writes;
    expect(writes.filter((write) => write.status < 200 || write.status >= 300)).toEqual([]);
    const slowest = Math.max(...writes.map((write) => write.answeredAt - write.sentAt));
    // A write caught on a dead connection waits for its query timeout, then goes to the backup.
    expect(slowest).toBeLessThan(queryTimeoutMs + connectTimeoutMs + 2000);

    await failover.waitForReplication();
    const opIds = writes.map((write) => write.opId!);
    for (const url of [failover.stores.primaryUrl, failover.stores.backupUrl]) {
      const counts = await ordersPerOp(url, opIds);
      expect(counts.size).toBe(opIds.length);
    }
    await expectStoresEqual(failover.stores.primaryUrl, failover.stores.backupUrl);
  });
});
