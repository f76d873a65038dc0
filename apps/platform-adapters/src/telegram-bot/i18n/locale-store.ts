import { Injectable } from '@nestjs/common';
import { RedisService } from '@karmabot/common';
import { BotKeys } from '../context/bot-keys';
import { isLocale, Locale } from './locale';

/** The language a user picked with /lang; without one, their Telegram `language_code` decides. */
@Injectable()
export class LocaleStore {
  constructor(
    private readonly redis: RedisService,
    private readonly keys: BotKeys,
  ) {}

  async chosen(userId: number | string): Promise<Locale | null> {
    const value = await this.redis.client.get(this.keys.key('lang', userId));
    return isLocale(value) ? value : null;
  }

  async choose(userId: number | string, locale: Locale): Promise<void> {
    await this.redis.client.set(this.keys.key('lang', userId), locale);
  }
}
