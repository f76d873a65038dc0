import { Caller } from '@karmabot/contracts';

/**
 * The principal the bot acts as when it runs a use case: like a key scoped to `telegram`, so
 * the same scope rules apply as to an HTTP client of the Telegram routes. Ops the bot writes
 * carry this id as their actor, and only the bot may read them back by op id.
 */
export const TELEGRAM_BOT_CALLER: Caller = { kind: 'api_key', id: 'telegram-bot', scopes: ['telegram'] };
