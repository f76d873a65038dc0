import { orderBody } from './fixtures/order-body';
import { uniqueKey, uniqueTelegramId } from './fixtures/unique';
import { expectStoresEqual } from './support/expect-stores-equal';
import { FailoverSuite, startFailoverSuite } from './support/failover-suite';
import { api, createApiKey } from './support/http';
import { streamOrders } from './support/order-stream';
import { ordersPerOp, rowsOf } from './support/store-rows';

jest.setTimeout(180_000);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const isSuccess = (status: number) => status >= 200 && status < 300;

/**
 * A real primary crash (`pg_ctl stop -m immediate`) under a steady stream of orders: the suite
 * switches to the backup, keeps answering every write, and once the primary is back every
 * accepted order is in both databases exactly once (issue 4, "Tests with real faults").
 */
describe('Failover: the primary crashes under load', () => {
  let failover: FailoverSuite;
  let http: ReturnType<typeof api>;
  let telegramKey: string;

  beforeAll(async () => {
    failover = await startFailoverSuite();
    http = api(failover.suite);
    telegramKey = (await createApiKey(failover.suite, ['telegram'])).key;
  }, 120_000);
  afterAll(() => failover?.stop());

  async function registerCustomers(count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const telegramId = uniqueTelegramId();
      const res = await http.post('/v1/telegram/users', { telegram_id: telegramId }, { apiKey: telegramKey });
      expect(res.status).toBe(201);
      ids.push(telegramId);
    }
    return ids;
  }

  it('answers every order 2xx through the crash and holds each exactly once in both stores after', async () => {
    const customers = await registerCustomers(6);
    const stream = streamOrders(failover.suite, telegramKey, customers, { concurrency: 4 });
    let crashedAt = 0;
    try {
      await sleep(1500);
      crashedAt = performance.now();
      await failover.stores.primary.stop({ mode: 'immediate' });
      await failover.waitForMode('SUPABASE_ONLY', { timeoutMs: 10_000 });
      await sleep(2000);
      await failover.stores.primary.start();
      await failover.waitForMode('FULL_OPERATIONAL', { timeoutMs: 30_000 });
      await sleep(1000);
    } finally {
      await stream.stop();
    }
    const writes = stream.writes;
    const failed = writes.filter((write) => !isSuccess(write.status));
    expect(failed).toEqual([]);
    const afterCrash = writes
      .filter((write) => write.answeredAt > crashedAt && isSuccess(write.status))
      .sort((a, b) => a.answeredAt - b.answeredAt);
    const writeGapMs = Math.round(afterCrash[0].answeredAt - crashedAt);
    const slowest = Math.round(Math.max(...writes.map((write) => write.answeredAt - write.sentAt)));
    console.info(
      `primary crash: ${writes.length} orders, write gap ${writeGapMs} ms (crash → first answered write), ` +
        `slowest request ${slowest} ms`,
    );

    await failover.waitForReplication();
    const opIds = writes.map((write) => write.opId!);
    for (const url of [failover.stores.primaryUrl, failover.stores.backupUrl]) {
      const counts = await ordersPerOp(url, opIds);
      expect(counts.size).toBe(opIds.length);
      expect([...counts.values()].every((n) => n === 1)).toBe(true);
    }
    await expectStoresEqual(failover.stores.primaryUrl, failover.stores.backupUrl);

    const events = await rowsOf<{ from_mode: string; to_mode: string }>(
      failover.stores.backupUrl,
      `SELECT from_mode, to_mode FROM mode_events ORDER BY at`,
    );
    expect(events).toEqual([
      { from_mode: 'FULL_OPERATIONAL', to_mode: 'SUPABASE_ONLY' },
      { from_mode: 'SUPABASE_ONLY', to_mode: 'FULL_OPERATIONAL' },
    ]);
  });

  it('keeps one order for one Idempotency-Key sent before, during and after an outage', async () => {
    const [telegramId] = await registerCustomers(1);
    const idempotencyKey = uniqueKey('same-order');
    const send = () =>
      http.post(`/v1/telegram/users/${telegramId}/orders`, orderBody(), {
        apiKey: telegramKey,
        idempotencyKey,
      });

    const before = await send();
    // Copied to the backup first, so the backup answers it as a replay (the not-yet-copied case
    // is the split that replication's tests cover).
    await failover.waitForReplication();
    await failover.stores.primary.stop({ mode: 'immediate' });
    const during = await send();
    await failover.waitForMode('SUPABASE_ONLY', { timeoutMs: 10_000 });
    const duringAgain = await send();
    await failover.stores.primary.start();
    await failover.waitForMode('FULL_OPERATIONAL', { timeoutMs: 30_000 });
    const after = await send();

    expect(before.status).toBe(201);
    for (const answer of [during, duringAgain, after]) {
      expect(answer.status).toBe(201);
      expect(answer.headers['idempotent-replayed']).toBe('true');
      expect(answer.body.id).toBe(before.body.id);
    }
    await failover.waitForReplication();
    for (const url of [failover.stores.primaryUrl, failover.stores.backupUrl]) {
      const [{ n }] = await rowsOf<{ n: string }>(url, `SELECT count(*) AS n FROM orders WHERE id = $1`, [
        before.body.id,
      ]);
      expect(Number(n)).toBe(1);
    }
  });
});
