import { TelegramLoginData } from './telegram-login-data';
import { WriteMeta } from './write-meta';

/**
 * Link a Telegram account and a website customer. The caller names its own side, which it
 * authenticated, and proves the other one; never a bare id for the other side:
 * - the website names its signed-in customer (`email`) and proves the Telegram account with a
 *   code the Telegram side obtained, or with signed Telegram Login Widget data;
 * - the bot names the sender of the update (`telegramId`, authenticated by Telegram) and proves
 *   the customer with a code the website issued for it.
 */
export type LinkTelegramCommand = WriteMeta &
  (
    | {
        email: string;
        proof: { kind: 'code'; code: string } | { kind: 'telegram_auth'; data: TelegramLoginData };
      }
    | { telegramId: string; proof: { kind: 'code'; code: string } }
  );
