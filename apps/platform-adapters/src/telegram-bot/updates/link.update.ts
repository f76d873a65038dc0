import { UseFilters } from '@nestjs/common';
import { Action, Command, Ctx, Update } from 'nestjs-telegraf';
import { BotContext } from '../context/bot-context';
import { BotErrorFilter } from '../errors/bot-error.filter';
import { LinkReply, NEW_LINK_CODE_ACTION } from '../replies/link-reply';

/**
 * `/link`: a one-time code to enter on the website. `/link <something>` (someone expecting to
 * type a website code here) is told the codes go the other way, and gets one.
 */
@Update()
@UseFilters(BotErrorFilter)
export class LinkUpdate {
  constructor(private readonly link: LinkReply) {}

  @Command('link')
  async showCode(@Ctx() ctx: BotContext & { payload?: string }): Promise<void> {
    await this.link.send(ctx, { isArgumentGiven: (ctx.payload ?? '').trim() !== '' });
  }

  @Action(NEW_LINK_CODE_ACTION)
  async newCode(@Ctx() ctx: BotContext): Promise<void> {
    await ctx.answerCbQuery();
    await this.link.send(ctx);
  }
}
