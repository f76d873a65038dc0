import { Module } from '@nestjs/common';
import { BotKeys } from './context/bot-keys';
import { LocaleStore } from './i18n/locale-store';
import { BotMiddlewares } from './middleware/bot-middlewares';
import { UpdateDeduplicator } from './middleware/update-deduplicator';
import { UnreachableChats } from './push/unreachable-chats';

/** What the bot's middlewares need, built before Telegraf (which takes the middlewares at creation). */
@Module({
  providers: [BotKeys, LocaleStore, UnreachableChats, UpdateDeduplicator, BotMiddlewares],
  exports: [BotKeys, LocaleStore, UnreachableChats, UpdateDeduplicator, BotMiddlewares],
})
export class TelegramBotSupportModule {}
