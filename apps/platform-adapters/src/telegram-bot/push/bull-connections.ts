import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { APP_CONFIG, AppConfig, redisOptionsFromUrl } from '@karmabot/common';

/**
 * Redis connections for the bot's BullMQ queues. Every queue lives under REDIS_PREFIX (BullMQ's
 * `prefix`), so suites sharing a Redis never see each other's jobs. Workers block on their
 * connection, so each gets its own; BullMQ wants `maxRetriesPerRequest: null` on them.
 */
@Injectable()
export class BullConnections implements OnApplicationShutdown {
  readonly prefix: string;
  readonly producer: Redis;
  private readonly opened: Redis[] = [];

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.prefix = `${config.REDIS_PREFIX}bull`;
    this.producer = this.open({ maxRetriesPerRequest: 2 });
  }

  worker(): Redis {
    return this.open({ maxRetriesPerRequest: null });
  }

  async onApplicationShutdown() {
    for (const connection of this.opened) connection.disconnect();
  }

  private open(extra: { maxRetriesPerRequest: number | null }): Redis {
    const {
      retryDelay,
      retryAttempts: _retryAttempts,
      ...options
    } = redisOptionsFromUrl(this.config.REDIS_URL);
    const connection = new Redis({ ...options, ...extra, retryStrategy: () => retryDelay });
    connection.on('error', () => undefined); // reconnects by itself; readiness reports Redis
    this.opened.push(connection);
    return connection;
  }
}
