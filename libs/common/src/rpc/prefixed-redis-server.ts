import { randomUUID } from 'node:crypto';
import { MessageHandler, ServerRedis } from '@nestjs/microservices';
import { RpcEnvelope } from '@karmabot/contracts';
import { requestContext } from '../logging/request-context';
import { redisOptionsFromUrl } from './redis-options';

/**
 * Nest's Redis transport with every channel under REDIS_PREFIX (pub/sub ignores the database
 * index, so this is what keeps two suites on one Redis apart), and each handler run inside the
 * correlation context of the message it serves.
 */
export class PrefixedRedisServer extends ServerRedis {
  constructor(
    private readonly prefix: string,
    redisUrl: string,
  ) {
    super(redisOptionsFromUrl(redisUrl));
  }

  override getRequestPattern(pattern: string): string {
    return this.prefix + pattern;
  }

  override getHandlerByPattern(channel: string): MessageHandler | null {
    const pattern = channel.startsWith(this.prefix) ? channel.slice(this.prefix.length) : channel;
    const handler = super.getHandlerByPattern(pattern);
    if (!handler) return null;
    const inContext = ((envelope: RpcEnvelope<unknown>, ctx: unknown) =>
      requestContext.run({ correlationId: envelope?.meta?.correlationId ?? randomUUID() }, () =>
        handler(envelope, ctx),
      )) as MessageHandler;
    inContext.isEventHandler = handler.isEventHandler;
    inContext.extras = handler.extras;
    return inContext;
  }
}
