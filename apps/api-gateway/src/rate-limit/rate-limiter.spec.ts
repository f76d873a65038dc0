import { randomBytes } from 'node:crypto';
import { AddressInfo, createServer, Socket } from 'node:net';
import { loadConfig, RedisService } from '@karmabot/common';
import { RateLimiter } from './rate-limiter';

/** Against the real Redis, under a prefix of its own that it deletes afterwards. */
describe('RateLimiter', () => {
  const prefix = `kbtest:${randomBytes(6).toString('hex')}:`;
  const redis = new RedisService(loadConfig({ REDIS_PREFIX: prefix }));
  const limiter = new RateLimiter(redis);

  afterAll(async () => {
    const keys = await redis.client.keys(`${prefix}*`);
    if (keys.length) await redis.client.del(...keys);
    await redis.onApplicationShutdown();
  });

  it('allows a burst of the limit, then refuses with the wait until the next slot', async () => {
    const decisions = [];
    for (let i = 0; i < 6; i++) decisions.push(await limiter.consume('burst', 5));
    expect(decisions.slice(0, 5).map((d) => [d?.isAllowed, d?.remaining])).toEqual([
      [true, 4],
      [true, 3],
      [true, 2],
      [true, 1],
      [true, 0],
    ]);
    const refused = decisions[5]!;
    expect(refused.isAllowed).toBe(false);
    expect(refused.remaining).toBe(0);
    // One slot frees every 60 s / 5 = 12 s; the whole quota a minute after the burst.
    expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(11);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(12);
    expect(refused.resetSeconds).toBeGreaterThanOrEqual(59);
    expect(refused.resetSeconds).toBeLessThanOrEqual(60);
  });

  it('keeps each subject on its own budget', async () => {
    for (let i = 0; i < 3; i++) await limiter.consume('first', 3);
    expect((await limiter.consume('first', 3))?.isAllowed).toBe(false);
    expect((await limiter.consume('second', 3))?.isAllowed).toBe(true);
  });

  it('counts requests from concurrent callers exactly (the script is atomic)', async () => {
    const decisions = await Promise.all(Array.from({ length: 50 }, () => limiter.consume('concurrent', 20)));
    expect(decisions.filter((d) => d?.isAllowed)).toHaveLength(20);
  });

  it('stores its state under REDIS_PREFIX with an expiry', async () => {
    await limiter.consume('expiring', 10);
    const ttl = await redis.client.pttl(`${prefix}rate-limit:expiring`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(6_000);
  });

  it('fails open, quickly, when Redis accepts connections but does not answer', async () => {
    const silent = await silentServer();
    const hanging = new RedisService(
      loadConfig({ REDIS_PREFIX: prefix, REDIS_URL: `redis://127.0.0.1:${silent.port}` }),
    );
    const started = Date.now();
    try {
      expect(await new RateLimiter(hanging).consume('anyone', 5)).toBeNull();
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      await hanging.onApplicationShutdown();
      await silent.close();
      // After a failed ready check ioredis arms a 2 s timer to destroy a socket that is already
      // closed, and nothing clears it: let it run out so the test leaves nothing behind.
      await new Promise((resolve) => setTimeout(resolve, 2_100));
    }
  });
});

/** A TCP server that takes connections and never writes a byte: a hung Redis. */
async function silentServer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
