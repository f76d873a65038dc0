import { ApiKeyRecord } from '@karmabot/contracts';
import { ApiKeyCache } from './api-key-cache';

function record(prefix: string): ApiKeyRecord {
  return {
    id: `id-${prefix}`,
    prefix,
    name: prefix,
    scopes: ['partner'],
    rateLimitPerMinute: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    revokedAt: null,
    secretHash: '0'.repeat(64),
  };
}

describe('ApiKeyCache', () => {
  let now = 0;
  const cache = (options = {}) =>
    new ApiKeyCache({ ttlMs: 30_000, negativeTtlMs: 5_000, maxEntries: 3, ...options }, () => now);

  beforeEach(() => {
    now = 1_000_000;
  });

  it('serves a found key for the TTL, then asks again', () => {
    const keys = cache();
    keys.set('a', record('a'), keys.generation);
    now += 29_999;
    expect(keys.get('a')?.id).toBe('id-a');
    now += 1;
    expect(keys.get('a')).toBeUndefined();
  });

  it('remembers an unknown prefix only briefly', () => {
    const keys = cache();
    keys.set('missing', null, keys.generation);
    now += 4_999;
    expect(keys.get('missing')).toBeNull();
    now += 1;
    expect(keys.get('missing')).toBeUndefined();
  });

  it('drops the least recently used entry past its bound', () => {
    const keys = cache();
    for (const prefix of ['a', 'b', 'c']) keys.set(prefix, record(prefix), keys.generation);
    keys.get('a');
    keys.set('d', record('d'), keys.generation);
    expect(keys.get('b')).toBeUndefined();
    expect(keys.get('a')).toBeDefined();
    expect(keys.stats().size).toBe(3);
  });

  it('does not store a lookup that started before an eviction', () => {
    const keys = cache();
    const generation = keys.generation;
    keys.evict('a');
    keys.set('a', record('a'), generation);
    expect(keys.get('a')).toBeUndefined();
  });

  it('evicts one prefix, or everything, at once', () => {
    const keys = cache();
    keys.set('a', record('a'), keys.generation);
    keys.set('b', record('b'), keys.generation);
    keys.evict('a');
    expect(keys.get('a')).toBeUndefined();
    expect(keys.get('b')).toBeDefined();
    keys.clear();
    expect(keys.get('b')).toBeUndefined();
  });

  it('counts hits and misses', () => {
    const keys = cache();
    keys.get('a');
    keys.set('a', record('a'), keys.generation);
    keys.get('a');
    keys.get('a');
    expect(keys.stats()).toEqual({ size: 1, maxEntries: 3, ttlSeconds: 30, hits: 2, misses: 1 });
  });
});
