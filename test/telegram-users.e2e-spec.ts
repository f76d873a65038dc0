import { createApiKey, api } from './support/http';
import { startSuite, Suite } from './support/suite';
import { ORDER_POINTS, ORDER_TOTAL_MINOR, orderBody } from './fixtures/order-body';
import { uniqueKey, uniqueTelegramId } from './fixtures/unique';

describe('Telegram users', () => {
  let suite: Suite;
  let telegramKey: string;
  let websiteKey: string;
  let http: ReturnType<typeof api>;

  beforeAll(async () => {
    suite = await startSuite();
    http = api(suite);
    telegramKey = (await createApiKey(suite, ['telegram'])).key;
    websiteKey = (await createApiKey(suite, ['website'])).key;
  }, 90_000);
  afterAll(() => suite?.stop());

  const register = (body: Record<string, unknown>, idempotencyKey?: string) =>
    http.post('/v1/telegram/users', body, { apiKey: telegramKey, idempotencyKey });

  it('registers a Telegram user as a customer with a telegram identity (201)', async () => {
    const telegramId = uniqueTelegramId();
    const res = await register({
      telegram_id: telegramId,
      username: 'ann_k',
      first_name: ' Ann ',
      language_code: 'en',
    });

    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      id: expect.any(String),
      version: 1,
      merged_into: null,
      identities: [
        expect.objectContaining({ platform: 'telegram', external_id: telegramId, username: 'ann_k' }),
      ],
      op_id: res.headers['x-op-id'],
    });
    expect(res.body.op_id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("accepts the seed's path with a trailing slash", async () => {
    const res = await http.post(
      '/v1/telegram/users/',
      { telegram_id: uniqueTelegramId() },
      { apiKey: telegramKey },
    );

    expect(res.status).toBe(201);
  });

  it('accepts telegram_id as a JSON integer and answers it as a string', async () => {
    const telegramId = uniqueTelegramId();
    const res = await register({ telegram_id: Number(telegramId) });

    expect(res.status).toBe(201);
    expect(res.body.identities[0].external_id).toBe(telegramId);
  });

  it('answers 200 with the same customer when the telegram_id is already registered', async () => {
    const telegramId = uniqueTelegramId();
    const first = await register({ telegram_id: telegramId });
    const second = await register({ telegram_id: telegramId, username: 'someone_else' });

    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.body.id).toBe(first.body.id);
    expect(second.headers['idempotent-replayed']).toBeUndefined();
  });

  it('refuses a telegram_id that is not a positive number of at most 20 digits', async () => {
    for (const telegram_id of ['0123', 'abc', -5, 1.5, '1'.repeat(21), '']) {
      const res = await register({ telegram_id });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'telegram_id' })]);
    }
  });

  it('returns the customer with its identities and an ETag by Telegram id', async () => {
    const telegramId = uniqueTelegramId();
    const created = await register({ telegram_id: telegramId, first_name: 'Bo' });

    const res = await http.get(`/v1/telegram/users/${telegramId}`, { apiKey: telegramKey });

    expect(res.status).toBe(200);
    expect(res.body.id).toBe(created.body.id);
    expect(res.body.identities).toEqual([
      expect.objectContaining({ platform: 'telegram', external_id: telegramId }),
    ]);
    expect(res.headers.etag).toBe(`"${res.body.version}"`);
  });

  it('answers an unknown Telegram id with a 404 CUSTOMER_NOT_FOUND problem', async () => {
    const res = await http.get(`/v1/telegram/users/${uniqueTelegramId()}`, { apiKey: telegramKey });

    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({
      status: 404,
      code: 'CUSTOMER_NOT_FOUND',
      correlation_id: expect.any(String),
    });
  });

  it('places an order with the total computed by the server, attributed to telegram', async () => {
    const telegramId = uniqueTelegramId();
    const customer = (await register({ telegram_id: telegramId })).body;

    const res = await http.post(`/v1/telegram/users/${telegramId}/orders`, orderBody(), {
      apiKey: telegramKey,
    });

    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      customer_id: customer.id,
      platform: 'telegram',
      status: 'pending',
      currency: 'EUR',
      subtotal_minor: ORDER_TOTAL_MINOR,
      total_minor: ORDER_TOTAL_MINOR,
      points_earned: ORDER_POINTS,
      op_id: res.headers['x-op-id'],
    });
    expect(res.body.items[0]).toEqual({ sku: 'TEA-1', name: 'Green tea', qty: 2, unit_price_minor: 450 });
  });

  it('refuses a client-sent total as an unknown field', async () => {
    const telegramId = uniqueTelegramId();
    await register({ telegram_id: telegramId });

    const res = await http.post(`/v1/telegram/users/${telegramId}/orders`, orderBody({ total: 1 }), {
      apiKey: telegramKey,
    });

    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'total', message: 'is not allowed' }]);
  });

  it('answers 404 for an order of an unknown Telegram user', async () => {
    const res = await http.post(`/v1/telegram/users/${uniqueTelegramId()}/orders`, orderBody(), {
      apiKey: telegramKey,
    });

    expect(res.status).toBe(404);
    expect(res.body.code).toBe('CUSTOMER_NOT_FOUND');
  });

  it('shows earned points as pending until the order is paid', async () => {
    const telegramId = uniqueTelegramId();
    await register({ telegram_id: telegramId });
    await http.post(`/v1/telegram/users/${telegramId}/orders`, orderBody(), { apiKey: telegramKey });

    const res = await http.get(`/v1/telegram/users/${telegramId}/loyalty`, { apiKey: telegramKey });

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      balance: 0,
      pending: ORDER_POINTS,
      lifetime_earned: expect.any(Number),
    });
    expect(typeof res.body.tier).toBe('string');
    expect(res.body.recent_entries).toEqual([
      expect.objectContaining({ kind: 'earn', bucket: 'pending', points: ORDER_POINTS }),
    ]);
  });

  it('issues an 8-character link code valid for 10 minutes, shown once', async () => {
    const telegramId = uniqueTelegramId();
    await register({ telegram_id: telegramId });
    const idempotencyKey = uniqueKey();
    const path = `/v1/telegram/users/${telegramId}/link-code`;

    const first = await http.post(path, undefined, { apiKey: telegramKey, idempotencyKey });
    const replay = await http.post(path, undefined, { apiKey: telegramKey, idempotencyKey });

    expect(first.status).toBe(201);
    expect(first.body.code).toMatch(/^[A-Z2-9]{8}$/);
    const ttlMs = Date.parse(first.body.expires_at) - Date.now();
    expect(ttlMs).toBeGreaterThan(9 * 60_000);
    expect(ttlMs).toBeLessThanOrEqual(10 * 60_000);
    expect(replay.status).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body).toMatchObject({
      code: null,
      expires_at: first.body.expires_at,
      op_id: first.body.op_id,
    });
    expect(replay.body.detail).toMatch(/shown only once/);
  });

  it('answers 404 for a link code of an unknown Telegram user', async () => {
    const res = await http.post(`/v1/telegram/users/${uniqueTelegramId()}/link-code`, undefined, {
      apiKey: telegramKey,
    });

    expect(res.status).toBe(404);
  });

  it('needs an API key with the telegram scope', async () => {
    const telegramId = uniqueTelegramId();

    const withoutKey = await http.post('/v1/telegram/users', { telegram_id: telegramId });
    const wrongScope = await http.post(
      '/v1/telegram/users',
      { telegram_id: telegramId },
      { apiKey: websiteKey },
    );

    expect(withoutKey.status).toBe(401);
    expect(wrongScope.status).toBe(403);
  });
});
