import { Injectable, Logger } from '@nestjs/common';
import { RedisService } from '@karmabot/common';
import { BotKeys } from '../context/bot-keys';

/**
 * Chats that answered 403 (the user blocked the bot): pushes to them are dropped instead of
 * retried forever. The mark goes when the user writes to the bot again or unblocks it.
 */
@Injectable()
export class UnreachableChats {
  private readonly logger = new Logger(UnreachableChats.name);

  constructor(
    private readonly redis: RedisService,
    private readonly keys: BotKeys,
  ) {}

  async mark(chatId: number | string, reason: string): Promise<void> {
    const added = await this.redis.client.set(
      this.keys.key('unreachable', chatId),
      new Date().toISOString(),
      'NX',
    );
    if (added) this.logger.warn({ msg: 'telegram.chat.unreachable', chat_id: String(chatId), reason });
  }

  async clear(chatId: number | string): Promise<void> {
    const removed = await this.redis.client.del(this.keys.key('unreachable', chatId));
    if (removed) this.logger.log({ msg: 'telegram.chat.reachable', chat_id: String(chatId) });
  }

  async isUnreachable(chatId: number | string): Promise<boolean> {
    return (await this.redis.client.exists(this.keys.key('unreachable', chatId))) === 1;
  }
}
