import { randomInt } from 'node:crypto';
import { api, createApiKey } from './support/http';
import { startSuite, Suite } from './support/suite';

describe('rate limits per API key', () => {
  let suite: Suite;
  let http: ReturnType<typeof api>;
  /** A Telegram user that exists, so every allowed request answers 200. */
  let path: string;

  beforeAll(async () => {
    suite = await startSuite();
    http = api(suite);
    const telegramId = String(randomInt(1, 2 ** 47));
    expect((await http.post('/v1/telegram/users', { telegram_id: telegramId }, { admin: true })).status).toBe(
      201,
    );
    path = `/v1/telegram/users/${telegramId}`;
  });
  afterAll(() => suite?.stop());

  it('counts down in RateLimit headers, then answers 429 with Retry-After', async () => {
    const { key } = await createApiKey(suite, ['telegram'], { rateLimitPerMinute: 5 });

    const allowed = [];
    for (let i = 0; i < 5; i++) allowed.push(await http.get(path, { apiKey: key }));
    const refused = await http.get(path, { apiKey: key });

    expect(allowed.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    for (const [i, response] of allowed.entries()) {
      expect(response.headers['ratelimit-policy']).toBe('"default";q=5;w=60');
      expect(response.headers.ratelimit).toMatch(new RegExp(`^"default";r=${4 - i};t=\\d+$`));
    }
    expect(refused.status).toBe(429);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body.code).toBe('RATE_LIMITED');
    expect(refused.headers['ratelimit-policy']).toBe('"default";q=5;w=60');
    expect(refused.headers.ratelimit).toMatch(/^"default";r=0;t=\d+$/);
    // One request frees up every 60 s / 5 = 12 s.
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(12);
  });

  it('limits each key on its own, by RATE_LIMIT_PER_MINUTE when the key sets no limit', async () => {
    const limited = await createApiKey(suite, ['telegram'], { rateLimitPerMinute: 1 });
    const other = await createApiKey(suite, ['telegram']);

    await http.get(path, { apiKey: limited.key });
    expect((await http.get(path, { apiKey: limited.key })).status).toBe(429);

    const response = await http.get(path, { apiKey: other.key });
    expect(response.status).toBe(200);
    expect(response.headers['ratelimit-policy']).toBe('"default";q=600;w=60');
    expect(response.headers.ratelimit).toMatch(/^"default";r=599;t=\d+$/);
  });

  it('counts a refused scope too, and sends the headers with the 403', async () => {
    const { key } = await createApiKey(suite, ['website'], { rateLimitPerMinute: 2 });

    const forbidden = await http.get(path, { apiKey: key });

    expect(forbidden.status).toBe(403);
    expect(forbidden.headers.ratelimit).toMatch(/^"default";r=1;t=\d+$/);
  });

  it('does not rate limit the admin token', async () => {
    const response = await http.get('/v1/admin/status', { admin: true });

    expect(response.status).toBe(200);
    expect(response.headers.ratelimit).toBeUndefined();
  });
});
