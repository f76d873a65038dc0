import { version } from '../package.json';
import { api, createApiKey } from './support/http';
import { startSuite, Suite } from './support/suite';

const MODES = /^(FULL_OPERATIONAL|POSTGRESQL_ONLY|SUPABASE_ONLY|CACHE_ONLY)$/;

describe('admin routes', () => {
  let suite: Suite;
  let http: ReturnType<typeof api>;

  beforeAll(async () => {
    suite = await startSuite();
    http = api(suite);
  });
  afterAll(() => suite?.stop());

  it('serves a public health summary with the store mode and the release', async () => {
    const response = await http.get('/v1/admin/health');

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      status: expect.stringMatching(/^(ok|degraded)$/),
      mode: expect.stringMatching(MODES),
      version,
      uptime_s: expect.any(Number),
    });
  });

  it.each([
    ['GET', '/v1/admin/status'],
    ['POST', '/v1/admin/sync'],
    ['POST', '/v1/admin/api-keys'],
  ])('refuses %s %s without the admin token, or with a wrong one (401)', async (method, path) => {
    const body = method === 'POST' ? {} : undefined;
    const missing = await http.request(method, path, body);
    const wrong = await http.request(method, path, body, { admin: `${suite.adminToken}x` });
    const malformed = await http.request(method, path, body, {
      headers: { authorization: suite.adminToken },
    });

    for (const response of [missing, wrong, malformed]) {
      expect(response.status).toBe(401);
      expect(response.body.code).toBe('UNAUTHENTICATED');
    }
  });

  it('refuses an API key on admin routes, whatever its scopes', async () => {
    const { key } = await createApiKey(suite, [
      'telegram',
      'website',
      'mobile',
      'desktop',
      'partner',
      'merchant',
    ]);

    expect((await http.get('/v1/admin/status', { apiKey: key })).status).toBe(401);
  });

  it('reports every app, the stores and the key cache on /v1/admin/status', async () => {
    const { key } = await createApiKey(suite, ['telegram']);
    await http.get('/v1/telegram/users/1', { apiKey: key });
    await http.get('/v1/telegram/users/2', { apiKey: key });

    const response = await http.get('/v1/admin/status', { admin: true });

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ mode: expect.stringMatching(MODES), version });
    for (const app of ['api-gateway', 'platform-adapters', 'persistence', 'monitor']) {
      expect(response.body.apps[app]).toMatchObject({ status: 'up', latency_ms: expect.any(Number) });
    }
    expect(response.body.database).toMatchObject({ reachable: true, mode: response.body.mode });
    expect(response.body.caches.api_keys).toMatchObject({ ttl_seconds: 30, size: expect.any(Number) });
    expect(response.body.caches.api_keys.hits).toBeGreaterThanOrEqual(1);
  });

  it("returns persistence's reconciliation report from POST /v1/admin/sync", async () => {
    const response = await http.post('/v1/admin/sync', undefined, { admin: true });

    expect(response.status).toBe(200);
    expect(typeof response.body).toBe('object');
  });

  it('serves Swagger UI at /docs and the OpenAPI document at /docs-json', async () => {
    const ui = await http.get('/docs');
    const doc = await http.get('/docs-json');

    expect(ui.status).toBe(200);
    expect(ui.headers['content-type']).toContain('text/html');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(doc.body.components.securitySchemes).toMatchObject({
      api_key: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
      admin: { type: 'http', scheme: 'bearer' },
    });
    expect(doc.body.components.schemas.ProblemDetails.properties).toHaveProperty('correlation_id');
    const create = doc.body.paths['/v1/admin/api-keys'].post;
    expect(create.description).toContain('key: null');
    expect(create.responses['401'].content['application/problem+json'].schema.$ref).toBe(
      '#/components/schemas/ProblemDetails',
    );
  });

  it('reports apps that are down, and health degrades to mode UNKNOWN without persistence', async () => {
    await suite.stopApp('monitor');
    const withoutMonitor = await http.get('/v1/admin/status', { admin: true });
    expect(withoutMonitor.status).toBe(200);
    expect(withoutMonitor.body.status).toBe('degraded');
    expect(withoutMonitor.body.apps.monitor).toMatchObject({ status: 'down', error: expect.any(String) });

    await suite.stopApp('persistence');
    try {
      const health = await http.get('/v1/admin/health');
      expect(health.status).toBe(200);
      expect(health.body).toMatchObject({ status: 'degraded', mode: 'UNKNOWN', version });
    } finally {
      await Promise.all([suite.startApp('persistence'), suite.startApp('monitor')]);
    }
  });
});
