import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, RedisService } from '@karmabot/common';

/**
 * Redis keys of the bot, under REDIS_PREFIX and the bot's id (the number before the colon in
 * its token; update ids are counted per bot), so two bots sharing a Redis never meet.
 */
@Injectable()
export class BotKeys {
  readonly botId: string;

  constructor(
    private readonly redis: RedisService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    const [id] = config.TELEGRAM_BOT_TOKEN.split(':');
    this.botId = /^\d+$/.test(id ?? '')
      ? id
      : createHash('sha256').update(config.TELEGRAM_BOT_TOKEN).digest('hex').slice(0, 12);
  }

  key(...parts: (string | number)[]): string {
    return this.redis.key('telegram', this.botId, ...parts.map(String));
  }
}
