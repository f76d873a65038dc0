import { UseFilters } from '@nestjs/common';
import { Ctx, On, Update } from 'nestjs-telegraf';
import { BotContext } from '../context/bot-context';
import { BotErrorFilter } from '../errors/bot-error.filter';
import { OrderFlow } from '../order/order-flow';

/** Longer than any command or quantity: answered with a hint, never parsed. */
const MAX_READ_LENGTH = 512;

/**
 * What no command took. Registered last (see TelegramBotModule): a number the order flow waits
 * for, else a hint for unknown commands, free text, huge messages, stickers and the like, and
 * an answer to buttons nothing recognises (from a message older than this version of the bot).
 */
@Update()
@UseFilters(BotErrorFilter)
export class FallbackUpdate {
  constructor(private readonly order: OrderFlow) {}

  @On('text')
  async text(@Ctx() ctx: BotContext): Promise<void> {
    const t = ctx.state.t;
    const text = ctx.message && 'text' in ctx.message ? ctx.message.text : '';
    if (text.length > MAX_READ_LENGTH) {
      await ctx.reply(t.tooLong);
      return;
    }
    if (text.startsWith('/')) {
      await ctx.reply(t.unknownCommand);
      return;
    }
    if (await this.order.onText(ctx, text)) return;
    await ctx.reply(t.freeText);
  }

  @On('callback_query')
  async staleButton(@Ctx() ctx: BotContext): Promise<void> {
    await ctx.answerCbQuery(ctx.state.t.buttonExpired);
  }

  @On('message')
  async other(@Ctx() ctx: BotContext): Promise<void> {
    await ctx.reply(ctx.state.t.unsupportedMessage);
  }
}
