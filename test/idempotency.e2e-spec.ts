import { randomUUID } from 'node:crypto';
import { createApiKey, api } from './support/http';
import { startSuite, Suite } from './support/suite';
import { orderBody } from './fixtures/order-body';
import { queryDatabase } from './fixtures/query-database';
import { uniqueKey, uniqueTelegramId } from './fixtures/unique';

describe('Idempotent writes', () => {
  let suite: Suite;
  let telegramKey: string;
  let otherKey: string;
  let http: ReturnType<typeof api>;

  beforeAll(async () => {
    suite = await startSuite();
    http = api(suite);
    telegramKey = (await createApiKey(suite, ['telegram'])).key;
    otherKey = (await createApiKey(suite, ['telegram'])).key;
  }, 90_000);
  afterAll(() => suite?.stop());

  async function telegramCustomer(): Promise<string> {
    const telegramId = uniqueTelegramId();
    await http.post('/v1/telegram/users', { telegram_id: telegramId }, { apiKey: telegramKey });
    return telegramId;
  }

  it('replays the first answer, with the same status and body, for the same key and body', async () => {
    const telegramId = await telegramCustomer();
    const idempotencyKey = uniqueKey();
    const path = `/v1/telegram/users/${telegramId}/orders`;

    const first = await http.post(path, orderBody(), { apiKey: telegramKey, idempotencyKey });
    const replay = await http.post(path, orderBody(), { apiKey: telegramKey, idempotencyKey });

    expect(first.status).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(replay.status).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.headers['x-op-id']).toBe(first.headers['x-op-id']);
    expect(replay.body).toEqual(first.body);
  });

  it('replays 201 for a registration whose first answer was 201', async () => {
    const idempotencyKey = uniqueKey();
    const body = { telegram_id: uniqueTelegramId() };

    const first = await http.post('/v1/telegram/users', body, { apiKey: telegramKey, idempotencyKey });
    const replay = await http.post('/v1/telegram/users', body, { apiKey: telegramKey, idempotencyKey });

    expect([first.status, replay.status]).toEqual([201, 201]);
    expect(replay.body).toEqual(first.body);
  });

  it('treats the same body with its keys in another order as the same request', async () => {
    const idempotencyKey = uniqueKey();
    const telegramId = uniqueTelegramId();

    const first = await http.post(
      '/v1/telegram/users',
      { telegram_id: telegramId, username: 'kk' },
      {
        apiKey: telegramKey,
        idempotencyKey,
      },
    );
    const replay = await http.post(
      '/v1/telegram/users',
      { username: 'kk', telegram_id: telegramId },
      {
        apiKey: telegramKey,
        idempotencyKey,
      },
    );

    expect(replay.status).toBe(first.status);
    expect(replay.headers['idempotent-replayed']).toBe('true');
  });

  it('refuses the same key with a different body (422 IDEMPOTENCY_KEY_REUSED)', async () => {
    const telegramId = await telegramCustomer();
    const idempotencyKey = uniqueKey();
    const path = `/v1/telegram/users/${telegramId}/orders`;
    await http.post(path, orderBody(), { apiKey: telegramKey, idempotencyKey });

    const reused = await http.post(path, orderBody({ currency: 'USD' }), {
      apiKey: telegramKey,
      idempotencyKey,
    });

    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('scopes keys to their caller: another API key with the same Idempotency-Key makes its own write', async () => {
    const telegramId = await telegramCustomer();
    const idempotencyKey = uniqueKey();
    const path = `/v1/telegram/users/${telegramId}/orders`;

    const mine = await http.post(path, orderBody(), { apiKey: telegramKey, idempotencyKey });
    const theirs = await http.post(path, orderBody(), { apiKey: otherKey, idempotencyKey });

    expect(theirs.status).toBe(201);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect(theirs.body.id).not.toBe(mine.body.id);
  });

  it('replays a rejected write as the same problem', async () => {
    const telegramId = await telegramCustomer();
    const idempotencyKey = uniqueKey();
    const path = `/v1/telegram/users/${telegramId}/orders`;

    const first = await http.post(path, orderBody({ redeem_points: 50 }), {
      apiKey: telegramKey,
      idempotencyKey,
    });
    const replay = await http.post(path, orderBody({ redeem_points: 50 }), {
      apiKey: telegramKey,
      idempotencyKey,
    });

    expect(first.status).toBe(422);
    expect(first.body.code).toBe('INSUFFICIENT_POINTS');
    expect(replay.status).toBe(422);
    expect(replay.body.code).toBe('INSUFFICIENT_POINTS');
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.headers['x-op-id']).toBe(first.headers['x-op-id']);
  });

  it('turns 20 concurrent requests with one key into exactly one order', async () => {
    const telegramId = await telegramCustomer();
    const idempotencyKey = uniqueKey();
    const path = `/v1/telegram/users/${telegramId}/orders`;

    const answers = await Promise.all(
      Array.from({ length: 20 }, () => http.post(path, orderBody(), { apiKey: telegramKey, idempotencyKey })),
    );

    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(201));
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(answers.filter((a) => a.headers['idempotent-replayed'] !== 'true')).toHaveLength(1);
    const rows = await queryDatabase<{ n: string }>(
      suite.databaseUrl,
      `SELECT count(*) AS n FROM orders o JOIN identities i ON i.customer_id = o.customer_id
       WHERE i.platform = 'telegram' AND i.external_id = $1`,
      [telegramId],
    );
    expect(Number(rows[0].n)).toBe(1);
    const ops = await queryDatabase<{ n: string }>(
      suite.databaseUrl,
      `SELECT count(*) AS n FROM ops WHERE op_id = $1`,
      [answers[0].body.op_id],
    );
    expect(Number(ops[0].n)).toBe(1);
  });

  describe('GET /v1/ops/{op_id}', () => {
    it('shows the op to the key that wrote it and to the admin, and 404 to anyone else', async () => {
      const telegramId = await telegramCustomer();
      const placed = await http.post(`/v1/telegram/users/${telegramId}/orders`, orderBody(), {
        apiKey: telegramKey,
      });
      const opId = placed.headers['x-op-id'];

      const owner = await http.get(`/v1/ops/${opId}`, { apiKey: telegramKey });
      const admin = await http.get(`/v1/ops/${opId}`, { admin: true });
      const other = await http.get(`/v1/ops/${opId}`, { apiKey: otherKey });

      expect(owner.status).toBe(200);
      expect(owner.body).toMatchObject({
        op_id: opId,
        type: 'order.place',
        state: 'applied',
        at: expect.any(String),
      });
      expect(owner.body.result.order.id).toBe(placed.body.id);
      expect(owner.body).not.toHaveProperty('actor');
      expect(owner.body).not.toHaveProperty('payload');
      expect(admin.status).toBe(200);
      expect(other.status).toBe(404);
      expect(other.body.code).toBe('OP_NOT_FOUND');
    });

    it('shows a rejected op with its error', async () => {
      const telegramId = await telegramCustomer();
      const rejected = await http.post(
        `/v1/telegram/users/${telegramId}/orders`,
        orderBody({ redeem_points: 7 }),
        {
          apiKey: telegramKey,
        },
      );

      const res = await http.get(`/v1/ops/${rejected.headers['x-op-id']}`, { apiKey: telegramKey });

      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ state: 'rejected', error: { code: 'INSUFFICIENT_POINTS' } });
    });

    it('answers 404 OP_NOT_FOUND for an unknown op and 400 for a malformed id', async () => {
      const unknown = await http.get(`/v1/ops/${randomUUID()}`, { apiKey: telegramKey });
      const malformed = await http.get('/v1/ops/nope', { apiKey: telegramKey });

      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('OP_NOT_FOUND');
      expect(malformed.status).toBe(400);
    });
  });
});
