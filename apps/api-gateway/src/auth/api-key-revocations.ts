import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type Redis from 'ioredis';
import { RedisService } from '@karmabot/common';
import { ApiKeyCache } from './api-key-cache';

/**
 * Makes a revocation reach every gateway at once: the gateway that revokes publishes the key's
 * prefix, and every gateway (itself included) evicts it from its cache. Pub/sub is at most
 * once, so after a lost subscription the whole cache is dropped; the cache TTL bounds what a
 * message lost any other way can cost.
 */
@Injectable()
export class ApiKeyRevocations implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(ApiKeyRevocations.name);
  private readonly channel: string;
  private subscriber: Redis | null = null;

  constructor(
    private readonly redis: RedisService,
    private readonly cache: ApiKeyCache,
  ) {
    this.channel = redis.key('api-keys', 'revoked');
  }

  onModuleInit() {
    const subscriber = this.redis.duplicate();
    this.subscriber = subscriber;
    subscriber.on('message', (channel: string, prefix: string) => {
      if (channel === this.channel) this.cache.evict(prefix);
    });
    let connectedBefore = false;
    // Subscribing on every 'ready' (SUBSCRIBE is idempotent) rather than once at start means a
    // gateway started while Redis is down still subscribes when Redis comes back.
    subscriber.on('ready', () => {
      if (connectedBefore) {
        this.logger.warn(
          'Revocation channel reconnected: dropping the API-key cache in case a revocation was missed',
        );
        this.cache.clear();
      }
      connectedBefore = true;
      subscriber.subscribe(this.channel).catch((error: Error) => {
        this.logger.error(`Could not subscribe to API-key revocations: ${error.message}`);
      });
    });
  }

  /**
   * Evicts here at once, then tells the other gateways. The revoke is already applied when this
   * runs, so a failed publish must not turn its answer into an error: it is logged, and the
   * other gateways drop the key when their cache entry expires (30 s at most).
   */
  async announce(prefix: string): Promise<void> {
    this.cache.evict(prefix);
    try {
      await this.redis.client.publish(this.channel, prefix);
    } catch (error) {
      this.logger.error(
        `Could not announce the revocation of API key ${prefix}: other gateways accept it until their cache expires (${(error as Error).message})`,
      );
    }
  }

  onApplicationShutdown() {
    this.subscriber?.disconnect();
  }
}
