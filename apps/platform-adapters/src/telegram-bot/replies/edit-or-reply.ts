import { TelegramError } from 'telegraf';
import type { ExtraEditMessageText } from 'telegraf/typings/telegram-types';
import { BotContext } from '../context/bot-context';

/**
 * A button's answer replaces the message that carried it, so a flow stays one message instead
 * of a trail of stale keyboards. Without a message to edit (too old, or deleted) it is sent anew.
 */
export async function editOrReply(
  ctx: BotContext,
  text: string,
  extra: ExtraEditMessageText = {},
): Promise<void> {
  if (ctx.callbackQuery?.message) {
    try {
      // No keyboard given means none: an empty one removes the old buttons with the old text.
      await ctx.editMessageText(
        text,
        extra.reply_markup ? extra : { ...extra, reply_markup: { inline_keyboard: [] } },
      );
      return;
    } catch (error) {
      if (error instanceof TelegramError && /not modified/i.test(error.description)) return;
      if (!(error instanceof TelegramError && error.code === 400)) throw error;
    }
  }
  await ctx.reply(text, extra);
}
