import type Redis from 'ioredis';

/** How safe jobs are in Redis: what CACHE_ONLY needs before it takes a write into the queue. */
export interface RedisDurability {
  /** AOF on with `appendfsync always` and `maxmemory-policy noeviction`. */
  isDurable: boolean;
  appendonly: string | null;
  appendfsync: string | null;
  maxmemoryPolicy: string | null;
  /** What is wrong, in words, for the log and the status; empty when durable. */
  problems: string[];
  checkedAt: string;
}

/**
 * Reads the Redis settings that decide whether a queued write survives a Redis crash (issue 4,
 * Precisions: "Durability of the queue"). A Redis that refuses CONFIG (some managed services
 * rename it) is reported as not durable: nothing proves that it is.
 */
export async function checkRedisDurability(redis: Redis): Promise<RedisDurability> {
  const checkedAt = new Date().toISOString();
  try {
    const [appendonly, appendfsync, maxmemoryPolicy] = await Promise.all(
      ['appendonly', 'appendfsync', 'maxmemory-policy'].map(async (name) => {
        const reply = (await redis.call('CONFIG', 'GET', name)) as string[];
        return reply?.[1] ?? null;
      }),
    );
    const problems: string[] = [];
    if (appendonly !== 'yes') problems.push(`appendonly is ${appendonly ?? 'unknown'} (needs yes)`);
    if (appendfsync !== 'always') problems.push(`appendfsync is ${appendfsync ?? 'unknown'} (needs always)`);
    if (maxmemoryPolicy !== 'noeviction') {
      problems.push(`maxmemory-policy is ${maxmemoryPolicy ?? 'unknown'} (needs noeviction)`);
    }
    return {
      isDurable: problems.length === 0,
      appendonly,
      appendfsync,
      maxmemoryPolicy,
      problems,
      checkedAt,
    };
  } catch (error) {
    return {
      isDurable: false,
      appendonly: null,
      appendfsync: null,
      maxmemoryPolicy: null,
      problems: [`CONFIG GET failed: ${(error as Error).message}`],
      checkedAt,
    };
  }
}
