import { ApiResponse, createApiKey, api } from './support/http';
import { startSuite, Suite } from './support/suite';
import { orderBody } from './fixtures/order-body';
import { uniqueTelegramId } from './fixtures/unique';

describe('Request validation', () => {
  let suite: Suite;
  let apiKey: string;
  let telegramId: string;
  let http: ReturnType<typeof api>;

  beforeAll(async () => {
    suite = await startSuite();
    http = api(suite);
    apiKey = (await createApiKey(suite, ['telegram'])).key;
    telegramId = uniqueTelegramId();
    await http.post('/v1/telegram/users', { telegram_id: telegramId }, { apiKey });
  }, 90_000);
  afterAll(() => suite?.stop());

  const ordersPath = () => `/v1/telegram/users/${telegramId}/orders`;

  function expectProblem(res: ApiResponse, status: number) {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({
      status,
      type: expect.any(String),
      title: expect.any(String),
      code: expect.any(String),
    });
    expect(res.body.correlation_id).toBe(res.headers['x-request-id']);
  }

  it('refuses an unknown field, naming it, at any depth', async () => {
    const body = orderBody();
    (body.items[1] as Record<string, unknown>).discount = 5;

    const res = await http.post(ordersPath(), { ...body, coupon: 'FREE' }, { apiKey });

    expectProblem(res, 400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'coupon', message: 'is not allowed' },
        { field: 'items[1].discount', message: 'is not allowed' },
      ]),
    );
  });

  it('names each field of the wrong type or out of bounds by its path', async () => {
    const res = await http.post(
      ordersPath(),
      {
        items: [
          { sku: 'A', name: 'a', qty: '2', unit_price_minor: 100 },
          { sku: 'B', name: 'b', qty: 1, unit_price_minor: -1 },
          { sku: '', name: 'c', qty: 10_001, unit_price_minor: 1.5 },
        ],
        currency: 'eur',
        redeem_points: 'ten',
      },
      { apiKey },
    );

    expectProblem(res, 400);
    const fields = new Set(res.body.errors.map((e: { field: string }) => e.field));
    expect([...fields].sort()).toEqual(
      [
        'currency',
        'items[0].qty',
        'items[1].unit_price_minor',
        'items[2].qty',
        'items[2].sku',
        'items[2].unit_price_minor',
        'redeem_points',
      ].sort(),
    );
  });

  it('refuses an order with no items or more than 100', async () => {
    const item = { sku: 'A', name: 'a', qty: 1, unit_price_minor: 1 };

    const none = await http.post(ordersPath(), { items: [], currency: 'EUR' }, { apiKey });
    const tooMany = await http.post(
      ordersPath(),
      { items: Array(101).fill(item), currency: 'EUR' },
      { apiKey },
    );

    expectProblem(none, 400);
    expectProblem(tooMany, 400);
    expect(tooMany.body.errors).toEqual([expect.objectContaining({ field: 'items' })]);
  });

  it('refuses a body over 100 kB with 413', async () => {
    const res = await http.post(
      ordersPath(),
      { ...orderBody(), padding: 'x'.repeat(110 * 1024) },
      { apiKey },
    );

    expectProblem(res, 413);
  });

  it('refuses a body that is not JSON with 415', async () => {
    const res = await http.post(ordersPath(), 'items=1', {
      apiKey,
      headers: { 'content-type': 'text/plain' },
    });

    expectProblem(res, 415);
  });

  it('refuses malformed JSON with 400', async () => {
    const res = await http.post(ordersPath(), '{"items": [', { apiKey });

    expectProblem(res, 400);
    expect(res.body.code).toBe('MALFORMED_JSON');
  });

  it('validates path parameters: a malformed id is a 400, never a 500', async () => {
    const badTelegramId = await http.get('/v1/telegram/users/12ab', { apiKey });
    const badOrderId = await http.get('/v1/orders/not-a-uuid', { apiKey });
    const badOpId = await http.get('/v1/ops/0000', { apiKey });

    for (const res of [badTelegramId, badOrderId, badOpId]) expectProblem(res, 400);
  });

  it('answers an unknown route with a 404 problem', async () => {
    const res = await http.get('/v1/telegram/nothing-here', { apiKey });

    expectProblem(res, 404);
  });
});
