import type { Context } from 'telegraf';
import { BotMessages } from '../i18n/bot-messages';
import { Locale } from '../i18n/locale';

/** What the bot's middlewares put on every context before a handler runs. */
export interface BotState {
  correlationId: string;
  locale: Locale;
  t: BotMessages;
}

export type BotContext = Context & { state: BotState };
