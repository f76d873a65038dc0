import { orderBody, ORDER_POINTS } from './fixtures/order-body';
import { uniqueEmail, uniqueKey, uniqueTelegramId } from './fixtures/unique';
import { expectStoresEqual } from './support/expect-stores-equal';
import { FailoverSuite, startFailoverSuite } from './support/failover-suite';
import { api, ApiResponse, createApiKey } from './support/http';
import { rowsOf } from './support/store-rows';
import { waitUntil } from './support/wait-until';

jest.setTimeout(180_000);

/**
 * Both stores down (the backup first, then the primary): CACHE_ONLY. Deferrable writes are
 * queued and answered 202, reads come from the cache with the queued writes laid over, what
 * needs a store is refused with 503 + Retry-After. When the stores return the queue is
 * replayed once, in order, and both databases end equal (issue 4, "Tests with real faults").
 */
describe('Failover: both stores down (CACHE_ONLY)', () => {
  let failover: FailoverSuite;
  let http: ReturnType<typeof api>;
  let telegramKey: string;
  let websiteKey: string;

  beforeAll(async () => {
    failover = await startFailoverSuite();
    http = api(failover.suite);
    telegramKey = (await createApiKey(failover.suite, ['telegram'])).key;
    websiteKey = (await createApiKey(failover.suite, ['website'])).key;
  }, 120_000);
  afterAll(() => failover?.stop());

  const register = (telegramId: string) =>
    http.post('/v1/telegram/users', { telegram_id: telegramId, first_name: 'Ann' }, { apiKey: telegramKey });
  const placeOrder = (telegramId: string, extra: Record<string, unknown> = {}) =>
    http.post(`/v1/telegram/users/${telegramId}/orders`, orderBody(extra), {
      apiKey: telegramKey,
      idempotencyKey: uniqueKey('order'),
    });

  function expectQueued(res: ApiResponse) {
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ op_id: expect.any(String), status: 'queued' });
    expect(res.headers.location).toBe(`/v1/ops/${res.body.op_id}`);
  }

  it('queues writes with 202, serves cached reads with them laid over, and replays them once', async () => {
    // Known customers, read or written while the stores were up (so the cache holds them).
    const regular = uniqueTelegramId();
    expect((await register(regular)).status).toBe(201);
    const early = await placeOrder(regular);
    expect(early.status).toBe(201);

    // The backup goes first: POSTGRESQL_ONLY keeps writing to the primary.
    await failover.stores.backup.stop({ mode: 'immediate' });
    await failover.waitForMode('POSTGRESQL_ONLY', { timeoutMs: 10_000 });
    const whileBackupDown = await placeOrder(regular);
    expect(whileBackupDown.status).toBe(201);

    // Then the primary: nothing is left but Redis.
    await failover.stores.primary.stop({ mode: 'immediate' });
    await failover.waitForMode('CACHE_ONLY', { timeoutMs: 10_000 });

    const queuedOrders: ApiResponse[] = [];
    for (let i = 0; i < 5; i++) queuedOrders.push(await placeOrder(regular));
    queuedOrders.forEach(expectQueued);
    const cancel = await http.post(
      `/v1/orders/${whileBackupDown.body.id}/status`,
      { status: 'cancelled' },
      { apiKey: telegramKey, idempotencyKey: uniqueKey('cancel') },
    );
    expectQueued(cancel);

    // A Telegram user registering now is queued too (its id derives from the identity) and
    // can order and read itself back at once.
    const newcomer = uniqueTelegramId();
    const registration = await register(newcomer);
    expectQueued(registration);
    const newcomerOrder = await placeOrder(newcomer);
    expectQueued(newcomerOrder);

    // The fate of a queued write is readable where Location points.
    const fate = await http.get(queuedOrders[0].headers.location, { apiKey: telegramKey });
    expect(fate.status).toBe(200);
    expect(fate.body).toMatchObject({ op_id: queuedOrders[0].body.op_id, state: 'queued' });

    // Reads: the cache, with the queued writes laid over.
    const customer = await http.get(`/v1/telegram/users/${regular}`, { apiKey: telegramKey });
    expect(customer.status).toBe(200);
    expect(customer.headers['x-data-source']).toBe('cache');
    expect(customer.body).not.toHaveProperty('source');
    const newcomerRead = await http.get(`/v1/telegram/users/${newcomer}`, { apiKey: telegramKey });
    expect(newcomerRead.status).toBe(200);
    expect(newcomerRead.headers['x-data-source']).toBe('cache');
    expect(newcomerRead.body).toMatchObject({ display_name: 'Ann', identities: [{ external_id: newcomer }] });
    const cancelled = await http.get(`/v1/orders/${whileBackupDown.body.id}`, { apiKey: telegramKey });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');

    // What needs a store is refused, and says when to come back.
    const redemption = await placeOrder(regular, { redeem_points: 5 });
    expect(redemption.status).toBe(503);
    expect(redemption.headers['retry-after']).toBe('5');
    expect(redemption.body.code).toBe('STORE_UNAVAILABLE');
    const website = await http.post(
      '/v1/website/users',
      { email: uniqueEmail(), password: 'correct horse battery staple' },
      { apiKey: websiteKey },
    );
    expect(website.status).toBe(503);
    expect(website.headers['retry-after']).toBe('5');
    const stranger = await http.get(`/v1/telegram/users/${uniqueTelegramId()}`, { apiKey: telegramKey });
    expect(stranger.status).toBe(503);
    expect(stranger.body.code).toBe('STORE_UNAVAILABLE');

    const status = await failover.storeStatus();
    expect(status).toMatchObject({
      mode: 'CACHE_ONLY',
      primary: { up: false, breaker: 'open' },
      backup: { up: false, breaker: 'open' },
      // 8 writes, and the mode change itself: its mode_events row waits for a store too.
      queues: { deferred: 9, failed: 0 },
    });
    expect(status.queues.oldest_queued_age_seconds).toBeGreaterThanOrEqual(0);

    // Both come back: the queue replays, then writes go to the primary again.
    await Promise.all([failover.stores.primary.start(), failover.stores.backup.start()]);
    await failover.waitForMode('FULL_OPERATIONAL', { timeoutMs: 60_000, queueEmpty: true });
    await failover.waitForReplication();

    const queuedOpIds = [...queuedOrders, cancel, registration, newcomerOrder].map((res) => res.body.op_id);
    for (const url of [failover.stores.primaryUrl, failover.stores.backupUrl]) {
      const ops = await rowsOf<{ op_id: string; state: string }>(
        url,
        `SELECT op_id::text, state FROM ops WHERE op_id = ANY($1::uuid[])`,
        [queuedOpIds],
      );
      expect(ops).toHaveLength(queuedOpIds.length);
      expect(ops.every((op) => op.state === 'applied')).toBe(true);
    }
    await expectStoresEqual(failover.stores.primaryUrl, failover.stores.backupUrl);

    const applied = await waitUntil(
      async () => {
        const res = await http.get(queuedOrders[0].headers.location, { apiKey: telegramKey });
        return res.body.state === 'applied' ? res : undefined;
      },
      { timeoutMs: 10_000, describe: () => 'the queued order to read as applied' },
    );
    expect(applied.body.result.order).toMatchObject({ status: 'pending', points_earned: ORDER_POINTS });
    const order = await http.get(`/v1/orders/${whileBackupDown.body.id}`, { apiKey: telegramKey });
    expect(order.body.status).toBe('cancelled');
    const newcomerNow = await http.get(`/v1/telegram/users/${newcomer}`, { apiKey: telegramKey });
    expect(newcomerNow.status).toBe(200);
  });
});
