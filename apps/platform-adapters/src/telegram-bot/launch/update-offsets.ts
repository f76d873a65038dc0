import { Injectable } from '@nestjs/common';
import { RedisService } from '@karmabot/common';
import { BotKeys } from '../context/bot-keys';

/**
 * The next getUpdates offset, shared in Redis, so a poller that takes over starts where the
 * last one stopped. (Telegram also remembers it once confirmed; updates fetched but not yet
 * confirmed come again, and the de-duplicator drops them.)
 */
@Injectable()
export class UpdateOffsets {
  constructor(
    private readonly redis: RedisService,
    private readonly keys: BotKeys,
  ) {}

  async load(): Promise<number> {
    const value = Number(await this.redis.client.get(this.keys.key('offset')));
    return Number.isSafeInteger(value) && value > 0 ? value : 0;
  }

  async save(offset: number): Promise<void> {
    await this.redis.client.set(this.keys.key('offset'), String(offset));
  }
}
