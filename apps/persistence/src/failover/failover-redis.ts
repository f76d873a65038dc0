import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { APP_CONFIG, AppConfig, redisOptionsFromUrl } from '@karmabot/common';

/**
 * The Redis connections of the failover machinery, under REDIS_PREFIX: one for commands (the
 * queue's producer, the lease, publishing), one for the worker (BullMQ blocks on it and wants
 * `maxRetriesPerRequest: null`), one for SUBSCRIBE. Each reconnects on its own.
 */
@Injectable()
export class FailoverRedis implements OnApplicationShutdown {
  readonly prefix: string;
  readonly commands: Redis;
  readonly worker: Redis;
  readonly subscriber: Redis;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.prefix = config.REDIS_PREFIX;
    this.commands = this.open(2);
    this.worker = this.open(null);
    this.subscriber = this.open(null);
  }

  key(...parts: string[]): string {
    return this.prefix + parts.join(':');
  }

  onApplicationShutdown(): void {
    for (const connection of [this.commands, this.worker, this.subscriber]) connection.disconnect();
  }

  private open(maxRetriesPerRequest: number | null): Redis {
    const {
      retryDelay,
      retryAttempts: _retryAttempts,
      ...options
    } = redisOptionsFromUrl(this.config.REDIS_URL);
    const connection = new Redis({ ...options, maxRetriesPerRequest, retryStrategy: () => retryDelay });
    connection.on('error', () => undefined); // reconnects by itself; readiness reports Redis
    return connection;
  }
}
