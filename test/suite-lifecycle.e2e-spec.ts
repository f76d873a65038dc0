import { randomUUID } from 'node:crypto';
import { api } from './support/http';
import { startRedisServer, RedisServer } from './support/redis-server';
import { startSlowRequest } from './support/slow-request';
import { APP_NAMES } from './support/app-names';
import { startSuite, Suite } from './support/suite';
import { waitUntil } from './support/wait-until';

/**
 * GET /v1/admin/health answers 200 whenever the gateway runs; its `mode` comes from persistence
 * over RPC (`store.status`) and reads UNKNOWN when persistence does not answer.
 */
const RPC_ANSWERED_MODE = /^(FULL_OPERATIONAL|POSTGRESQL_ONLY|SUPABASE_ONLY|CACHE_ONLY)$/;

async function healthModeFromPersistence(suite: Suite): Promise<string | undefined> {
  const response = await api(suite).get('/v1/admin/health', { timeoutMs: 3000 });
  return response.status === 200 && RPC_ANSWERED_MODE.test(response.body.mode)
    ? response.body.mode
    : undefined;
}

async function get(url: string) {
  const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

describe('a running suite', () => {
  let suite: Suite;
  beforeAll(async () => {
    suite = await startSuite();
  });
  afterAll(() => suite?.stop());

  it.each(APP_NAMES)('%s answers /healthz, /readyz and /metrics', async (app) => {
    const live = await get(`${suite.urlOf(app)}/healthz`);
    expect(live.status).toBe(200);
    expect(JSON.parse(live.text)).toMatchObject({ status: 'ok' });

    const ready = await get(`${suite.urlOf(app)}/readyz`);
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.text)).toMatchObject({ status: 'ok' });

    const metrics = await get(`${suite.urlOf(app)}/metrics`);
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(metrics.text).toContain('# TYPE karmabot_http_requests_total counter');
    expect(metrics.text).toMatch(/^karmabot_http_requests_total\{[^}]*route="\/readyz"[^}]*\} \d+/m);
  });

  it('echoes a given X-Request-Id and logs the request under it', async () => {
    const requestId = `lifecycle-${randomUUID()}`;
    const response = await api(suite).get('/v1/no-such-route', { requestId });
    expect(response.headers['x-request-id']).toBe(requestId);

    const logged = await waitUntil(
      async () => {
        const lines = suite.logs('api-gateway').filter((line) => line.includes(requestId));
        return lines.length ? lines : undefined;
      },
      { timeoutMs: 3000, describe: () => `a gateway log line with ${requestId}` },
    );
    expect(logged.map((line) => JSON.parse(line))).toContainEqual(
      expect.objectContaining({ correlation_id: requestId, msg: 'http.request', status: 404 }),
    );
  });

  it('mints a request id when none is given', async () => {
    const response = await api(suite).get('/v1/no-such-route');
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers an unknown route with 404 problem+json carrying the correlation id', async () => {
    const response = await api(suite).get('/v1/no-such-route/at-all');
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({
      type: expect.stringMatching(/^https?:\/\//),
      title: 'Not Found',
      status: 404,
      detail: expect.any(String),
      correlation_id: response.headers['x-request-id'],
    });
  });

  it('reaches persistence over RPC (GET /v1/admin/health)', async () => {
    const response = await api(suite).get('/v1/admin/health');
    expect(response.status).toBe(200);
    expect(response.body.mode).toMatch(RPC_ANSWERED_MODE);
  });
});

describe('a gateway stopped with SIGTERM', () => {
  let suite: Suite;
  beforeAll(async () => {
    suite = await startSuite({ env: { SHUTDOWN_GRACE_MS: '5000' } });
  });
  afterAll(() => suite?.stop());

  it('lets in-flight requests finish, then exits 0', async () => {
    const requestIds = [1, 2, 3].map((n) => `inflight-${n}-${randomUUID()}`);
    const inFlight = await Promise.all(
      requestIds.map((id) =>
        startSlowRequest(
          suite.baseUrl,
          'POST',
          '/v1/no-such-route',
          { note: 'x'.repeat(200) },
          { 'x-request-id': id },
        ),
      ),
    );
    // Give the gateway time to take the headers in before it is told to stop.
    await new Promise((resolve) => setTimeout(resolve, 300));

    try {
      const started = Date.now();
      const exit = suite.stopApp('api-gateway', 'SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 500));
      const responses = await Promise.all(inFlight.map((request) => request.finish()));

      // The requests were served normally, not cut off or refused.
      expect(responses.map((r) => r.status)).toEqual([404, 404, 404]);
      expect(responses.map((r) => JSON.parse(r.body).correlation_id)).toEqual(requestIds);

      // The connections stay open, as a keep-alive client leaves them: shutdown must not wait for them.
      expect(await exit).toEqual({ code: 0, signal: null });
      expect(Date.now() - started).toBeLessThan(5000 + 2000);
    } finally {
      for (const request of inFlight) request.close();
    }
  });
});

describe('a suite whose Redis restarts', () => {
  let redis: RedisServer;
  let suite: Suite;
  beforeAll(async () => {
    redis = await startRedisServer({ appendonly: true });
    suite = await startSuite({ env: { REDIS_URL: redis.url } });
  });
  afterAll(async () => {
    await suite?.stop();
    await redis?.stop();
  });

  it('is ready again, and serves RPC-backed routes, within 10 s of Redis coming back', async () => {
    await waitUntil(() => healthModeFromPersistence(suite), {
      timeoutMs: 10_000,
      describe: () => 'GET /v1/admin/health to report a mode from persistence before the restart',
    });

    await redis.down();
    // The outage is real and seen: readiness reports it while Redis is away.
    await waitUntil(
      async () => ((await get(`${suite.urlOf('persistence')}/readyz`)).status === 503 ? true : undefined),
      {
        timeoutMs: 5000,
        intervalMs: 100,
        describe: () => 'persistence to answer 503 on /readyz without Redis',
      },
    );
    await redis.up();
    const backAt = Date.now();

    await waitUntil(
      async () => {
        const ready = await Promise.all(APP_NAMES.map((app) => get(`${suite.urlOf(app)}/readyz`)));
        return ready.every((r) => r.status === 200) ? true : undefined;
      },
      { timeoutMs: 10_000, intervalMs: 200, describe: () => 'every app to answer 200 on /readyz' },
    );
    await waitUntil(() => healthModeFromPersistence(suite), {
      timeoutMs: Math.max(1000, 10_000 - (Date.now() - backAt)),
      intervalMs: 200,
      describe: () =>
        `GET /v1/admin/health to report a mode from persistence\n${suite.logs().slice(-40).join('\n')}`,
    });
    expect(Date.now() - backAt).toBeLessThan(10_000);
  });
});
