import { ClientRedis } from '@nestjs/microservices';
import { redisOptionsFromUrl } from './redis-options';

/** The client side of {@link PrefixedRedisServer}: same prefix on requests and replies. */
export class PrefixedRedisClient extends ClientRedis {
  constructor(
    private readonly prefix: string,
    redisUrl: string,
  ) {
    super(redisOptionsFromUrl(redisUrl));
  }

  override getRequestPattern(pattern: string): string {
    return this.prefix + pattern;
  }

  override getReplyPattern(pattern: string): string {
    return `${this.prefix}${pattern}.reply`;
  }
}
