import { WriteMeta } from './write-meta';

/**
 * Issue a one-time link code FOR one side, named as that side's caller knows it: a Telegram
 * account (the bot, or a `telegram` key) or a website customer by email (a `website` key). The
 * other side uses the code to prove it is the same person.
 */
export type IssueLinkCodeCommand = WriteMeta & ({ telegramId: string } | { email: string });
