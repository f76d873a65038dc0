import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, RedisService } from '@karmabot/common';
import { BotKeys } from '../context/bot-keys';

/**
 * Telegram allows about one message a second into one chat. BullMQ's limiter is global only,
 * so each chat gets a slot in Redis (shared by every replica): the first push takes it, the
 * next is told how long to wait.
 */
@Injectable()
export class ChatGate {
  private readonly intervalMs: number;

  constructor(
    private readonly redis: RedisService,
    private readonly keys: BotKeys,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.intervalMs = config.TELEGRAM_PUSH_CHAT_INTERVAL_MS;
  }

  /** 0 when the chat's slot is taken for this push; otherwise the milliseconds to wait. */
  async reserve(chatId: string): Promise<number> {
    if (this.intervalMs === 0) return 0;
    const key = this.keys.key('chat-gate', chatId);
    const taken = await this.redis.client.set(key, '1', 'PX', this.intervalMs, 'NX');
    if (taken === 'OK') return 0;
    const left = await this.redis.client.pttl(key);
    return Math.max(50, left);
  }
}
