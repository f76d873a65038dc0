import { api, createApiKey } from './support/http';
import { startSuite, Suite } from './support/suite';

describe('a call between apps that gets no answer', () => {
  let suite: Suite;
  let apiKey: string;

  beforeAll(async () => {
    suite = await startSuite({ env: { RPC_TIMEOUT_MS: '1000' } });
    apiKey = (await createApiKey(suite, ['telegram'])).key;
  });
  afterAll(async () => {
    const adapters = suite?.pidOf('platform-adapters');
    if (adapters) process.kill(adapters, 'SIGCONT');
    await suite?.stop();
  });

  it('answers 503 problem+json within the RPC timeout instead of hanging, and serves again after', async () => {
    const adapters = suite.pidOf('platform-adapters')!;
    process.kill(adapters, 'SIGSTOP');
    const started = Date.now();
    const stalled = await api(suite).get('/v1/telegram/users/4242', { apiKey, timeoutMs: 10_000 });
    const tookMs = Date.now() - started;
    process.kill(adapters, 'SIGCONT');

    expect(stalled.status).toBe(503);
    expect(stalled.headers['content-type']).toContain('application/problem+json');
    expect(stalled.body).toMatchObject({ status: 503, code: 'UPSTREAM_TIMEOUT' });
    expect(stalled.body.correlation_id).toEqual(expect.any(String));
    expect(tookMs).toBeGreaterThanOrEqual(900);
    expect(tookMs).toBeLessThan(5_000);

    const after = await api(suite).get('/v1/telegram/users/4242', { apiKey });
    expect(after.status).toBe(404);
    expect(after.body.code).toBe('CUSTOMER_NOT_FOUND');
  });
});
