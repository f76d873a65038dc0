import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/load-config';
import { redisOptionsFromUrl } from '../rpc/redis-options';

/**
 * The app's general-purpose Redis connection (rate limits, caches, pub/sub of revocations).
 * Every key and channel goes through `key()` so it carries REDIS_PREFIX.
 */
@Injectable()
export class RedisService implements OnApplicationShutdown {
  readonly client: Redis;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    const { retryDelay, ...options } = redisOptionsFromUrl(config.REDIS_URL);
    this.client = new Redis({
      ...options,
      lazyConnect: false,
      maxRetriesPerRequest: 2,
      retryStrategy: () => retryDelay,
    });
    this.client.on('error', () => undefined); // reconnects by itself; readiness reports the outage
  }

  key(...parts: string[]): string {
    return this.config.REDIS_PREFIX + parts.join(':');
  }

  /** A second connection for SUBSCRIBE, which blocks a connection for anything else. */
  duplicate(): Redis {
    const copy = this.client.duplicate();
    copy.on('error', () => undefined);
    return copy;
  }

  async onApplicationShutdown() {
    this.client.disconnect();
  }
}
