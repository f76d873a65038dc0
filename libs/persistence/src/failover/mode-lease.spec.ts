import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { loadConfig } from '@karmabot/common';
import { deleteRedisKeys } from '../../../../test/support/delete-redis-keys';
import { ModeLease } from './mode-lease';
import { ModeStateChannel, PublishedModeState } from './mode-state-channel';

/** The lease and the published mode on a real Redis, under a prefix of their own. */
describe('ModeLease and ModeStateChannel', () => {
  const prefix = `kb_test_${randomUUID().slice(0, 8)}:`;
  const keys = { lease: `${prefix}mode:leader`, fence: `${prefix}mode:fence` };
  let redis: Redis;

  beforeAll(() => {
    redis = new Redis(loadConfig().REDIS_URL);
  });
  afterAll(async () => {
    redis.disconnect();
    await deleteRedisKeys(loadConfig().REDIS_URL, prefix);
  });

  it('lets one process hold the lease, with a larger fencing token at each new holding', async () => {
    const first = new ModeLease(redis, keys, 'a', 300);
    const second = new ModeLease(redis, keys, 'b', 300);

    expect(await first.refresh()).toBe(true);
    expect(await second.refresh()).toBe(false);
    expect(await first.refresh()).toBe(true); // renewed

    await new Promise((resolve) => setTimeout(resolve, 400)); // not renewed: it expires
    expect(await second.refresh()).toBe(true);
    expect(second.token).toBeGreaterThan(first.token!);
    expect(await first.refresh()).toBe(false);
    expect(first.isHeld).toBe(false);

    await second.release();
    expect(await second.currentHolder()).toBeNull();
  });

  it('ignores a state published by a leader older than the last one', async () => {
    const channel = new ModeStateChannel(redis, {
      state: `${prefix}mode:state`,
      channel: `${prefix}mode:changed`,
    });
    const state = (token: number, mode: PublishedModeState['mode']): PublishedModeState => ({
      mode,
      primary: 'closed',
      backup: 'closed',
      paused: false,
      token,
      leader: `leader-${token}`,
      at: new Date().toISOString(),
    });

    expect(await channel.publish(state(5, 'FULL_OPERATIONAL'))).toBe(true);
    expect(await channel.publish(state(4, 'CACHE_ONLY'))).toBe(false);
    expect(await channel.read()).toMatchObject({ token: 5, mode: 'FULL_OPERATIONAL' });
  });
});
