/**
 * ioredis options from a redis:// URL. Nest's transport gives up after a disconnect unless
 * `retryAttempts` is set, so every connection retries for as long as the process lives.
 */
export interface RedisConnectionOptions {
  host: string;
  port: number;
  username?: string;
  password?: string;
  db: number;
  tls?: Record<string, never>;
  retryAttempts: number;
  retryDelay: number;
}

export function redisOptionsFromUrl(url: string): RedisConnectionOptions {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    username: parsed.username || undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
    retryAttempts: Number.MAX_SAFE_INTEGER,
    retryDelay: 500,
  };
}
