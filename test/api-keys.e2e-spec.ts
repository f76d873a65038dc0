import { randomInt, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { hashApiKey } from '../apps/api-gateway/src/api-keys/hash-api-key';
import { AppProcess } from './support/app-process';
import { freePort } from './support/free-port';
import { api, createApiKey } from './support/http';
import { startSuite, Suite } from './support/suite';

const KEY = /^kb_([0-9A-Za-z]{12})_[A-Za-z0-9_-]{43}$/;
const telegramId = () => String(randomInt(1, 2 ** 47));

describe('API keys', () => {
  let suite: Suite;
  let http: ReturnType<typeof api>;

  beforeAll(async () => {
    suite = await startSuite();
    http = api(suite);
  });
  afterAll(() => suite?.stop());

  it('shows a new key once, and the key works at once on the routes of its scope', async () => {
    const created = await http.post(
      '/v1/admin/api-keys',
      { name: 'bot', scopes: ['telegram'] },
      { admin: true },
    );

    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      key: expect.stringMatching(KEY),
      name: 'bot',
      scopes: ['telegram'],
      rate_limit_per_minute: null,
      created_at: expect.any(String),
      op_id: expect.any(String),
    });
    expect(created.body.prefix).toBe(KEY.exec(created.body.key)![1]);

    const id = telegramId();
    const registered = await http.post(
      '/v1/telegram/users',
      { telegram_id: id },
      { apiKey: created.body.key },
    );
    expect(registered.status).toBe(201);
    const read = await http.get(`/v1/telegram/users/${id}`, { apiKey: created.body.key });
    expect(read.status).toBe(200);
  });

  it('refuses a key without any of the route scopes with 403, naming them', async () => {
    const website = await createApiKey(suite, ['website', 'partner']);

    const response = await http.get(`/v1/telegram/users/${telegramId()}`, { apiKey: website.key });

    expect(response.status).toBe(403);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body).toMatchObject({ code: 'FORBIDDEN', detail: expect.stringContaining('telegram') });
  });

  it('refuses requests with no key, a malformed key or a key it never issued (401)', async () => {
    const real = await createApiKey(suite, ['telegram']);
    const path = `/v1/telegram/users/${telegramId()}`;
    const wrongSecret = real.key.slice(0, 16) + (real.key[16] === 'A' ? 'B' : 'A') + real.key.slice(17);
    const unknownPrefix = `kb_ZZZZZZZZZZZZ_${real.key.slice(16)}`;

    for (const apiKey of [undefined, 'not-a-key', `${real.key}x`, wrongSecret, unknownPrefix]) {
      const response = await http.get(path, { headers: apiKey === undefined ? {} : { 'x-api-key': apiKey } });
      expect({ apiKey, status: response.status, code: response.body.code }).toEqual({
        apiKey,
        status: 401,
        code: 'UNAUTHENTICATED',
      });
    }
  });

  it('stops accepting a revoked key within a second, on every gateway', async () => {
    const second = await startSecondGateway(suite);
    try {
      const key = await createApiKey(suite, ['telegram']);
      const path = await registeredTelegramUser(suite);
      // Both gateways have now looked the key up and cached it.
      expect((await http.get(path, { apiKey: key.key })).status).toBe(200);
      expect((await api({ ...suite, baseUrl: second.url }).get(path, { apiKey: key.key })).status).toBe(200);

      const revoked = await http.delete(`/v1/admin/api-keys/${key.id}`, { admin: true });
      expect(revoked.status).toBe(200);
      expect(revoked.body).toMatchObject({ id: key.id, revoked_at: expect.any(String) });
      const revokedAt = Date.now();

      expect((await http.get(path, { apiKey: key.key })).status).toBe(401);
      let onSecond = 0;
      while (Date.now() - revokedAt < 1_000) {
        onSecond = (await api({ ...suite, baseUrl: second.url }).get(path, { apiKey: key.key })).status;
        if (onSecond === 401) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(onSecond).toBe(401);
    } finally {
      await second.stop('SIGTERM');
    }
  });

  it('answers 404 API_KEY_NOT_FOUND when revoking a key that does not exist', async () => {
    const response = await http.delete(`/v1/admin/api-keys/${randomUUID()}`, { admin: true });

    expect(response.status).toBe(404);
    expect(response.body.code).toBe('API_KEY_NOT_FOUND');
  });

  it('answers a replayed create with the same key metadata but without the secret', async () => {
    const idempotencyKey = randomUUID();
    const body = { name: 'replayed', scopes: ['partner'], rate_limit_per_minute: 120 };

    const first = await http.post('/v1/admin/api-keys', body, { admin: true, idempotencyKey });
    const replay = await http.post('/v1/admin/api-keys', body, { admin: true, idempotencyKey });

    expect(first.status).toBe(201);
    expect(first.body.key).toMatch(KEY);
    expect(replay.status).toBe(201);
    expect(replay.body).toMatchObject({
      id: first.body.id,
      prefix: first.body.prefix,
      rate_limit_per_minute: 120,
      op_id: first.body.op_id,
      key: null,
      detail: expect.stringContaining('only'),
    });
  });

  it.each([
    ['no name', { scopes: ['partner'] }, 'name'],
    ['a name over 100 characters', { name: 'x'.repeat(101), scopes: ['partner'] }, 'name'],
    ['no scopes', { name: 'k', scopes: [] }, 'scopes'],
    ['an unknown scope', { name: 'k', scopes: ['admin'] }, 'scopes'],
    [
      'a rate limit of 0',
      { name: 'k', scopes: ['partner'], rate_limit_per_minute: 0 },
      'rate_limit_per_minute',
    ],
    [
      'a rate limit over 100000',
      { name: 'k', scopes: ['partner'], rate_limit_per_minute: 100_001 },
      'rate_limit_per_minute',
    ],
    ['an unknown field', { name: 'k', scopes: ['partner'], secret: 'mine' }, 'secret'],
  ])('refuses a create with %s (400 naming the field)', async (_, body, field) => {
    const response = await http.post('/v1/admin/api-keys', body, { admin: true });

    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('lets only the admin manage keys', async () => {
    const key = await createApiKey(suite, ['partner', 'merchant']);
    const body = { name: 'k', scopes: ['partner'] };

    expect((await http.post('/v1/admin/api-keys', body)).status).toBe(401);
    expect((await http.post('/v1/admin/api-keys', body, { admin: 'wrong-token' })).status).toBe(401);
    expect((await http.post('/v1/admin/api-keys', body, { apiKey: key.key })).status).toBe(401);
    expect((await http.delete(`/v1/admin/api-keys/${key.id}`, { apiKey: key.key })).status).toBe(401);
  });

  it('refuses a body that is not JSON with 415', async () => {
    const response = await http.request('POST', '/v1/admin/api-keys', 'name=k', {
      admin: true,
      headers: { 'content-type': 'text/plain' },
    });

    expect(response.status).toBe(415);
    expect(response.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('keeps the secret out of the op log, the database and every log line', async () => {
    const key = await createApiKey(suite, ['partner']);
    const secret = key.key.slice(16);
    await http.get(`/v1/telegram/users/${telegramId()}`, { apiKey: key.key });
    await http.delete(`/v1/admin/api-keys/${key.id}`, { admin: true });

    const db = new Client({ connectionString: suite.databaseUrl });
    await db.connect();
    try {
      const ops = await db.query(`SELECT to_jsonb(ops)::text AS row FROM ops WHERE type LIKE 'api_key.%'`);
      expect(ops.rows.length).toBeGreaterThanOrEqual(2);
      for (const { row } of ops.rows) expect(row).not.toContain(secret);
      const stored = await db.query(`SELECT secret_hash FROM api_keys WHERE id = $1`, [key.id]);
      expect(stored.rows[0].secret_hash).toBe(hashApiKey(key.key, suite.apiKeyPepper));
    } finally {
      await db.end();
    }
    const logs = suite.logs().join('\n');
    expect(logs).toContain(`/v1/admin/api-keys/${key.id}`); // the revoke was logged: these are the right logs
    expect(logs).not.toContain(secret);
  });
});

/** The path of a Telegram user that exists, registered by the admin. */
async function registeredTelegramUser(suite: Suite): Promise<string> {
  const id = telegramId();
  const response = await api(suite).post('/v1/telegram/users', { telegram_id: id }, { admin: true });
  if (response.status !== 201)
    throw new Error(`registering a Telegram user answered ${response.status}: ${response.text}`);
  return `/v1/telegram/users/${id}`;
}

/** Another gateway on the same Redis prefix and database: what a second replica would be. */
async function startSecondGateway(suite: Suite): Promise<AppProcess> {
  const port = await freePort();
  const gateway = new AppProcess('api-gateway', port, {
    ...process.env,
    ...suite.env,
    GATEWAY_PORT: String(port),
  });
  gateway.start();
  await gateway.waitReady();
  return gateway;
}
