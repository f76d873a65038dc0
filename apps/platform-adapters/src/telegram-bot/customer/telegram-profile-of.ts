import type { User } from 'telegraf/types';
import { TelegramProfile } from '../use-cases/bot-use-cases';

/** The registration fields Telegram gives us about a user. */
export function telegramProfileOf(user: User): TelegramProfile {
  return {
    telegramId: String(user.id),
    username: user.username,
    firstName: user.first_name,
    languageCode: user.language_code,
  };
}
