import { UseFilters } from '@nestjs/common';
import { Action, Command, Ctx, Update } from 'nestjs-telegraf';
import { BotContext } from '../context/bot-context';
import { BotErrorFilter } from '../errors/bot-error.filter';
import { LinkReply, NEW_LINK_CODE_ACTION } from '../replies/link-reply';
import { LinkWithCodeReply } from '../replies/link-with-code-reply';

/**
 * `/link`: a one-time code to enter on the website. `/link CODE`: the other direction, a code
 * the website issued, linking this Telegram account to that website customer.
 */
@Update()
@UseFilters(BotErrorFilter)
export class LinkUpdate {
  constructor(
    private readonly link: LinkReply,
    private readonly linkWithCode: LinkWithCodeReply,
  ) {}

  @Command('link')
  async linkCommand(@Ctx() ctx: BotContext & { payload?: string }): Promise<void> {
    const code = (ctx.payload ?? '').trim();
    if (code === '') await this.link.send(ctx);
    else await this.linkWithCode.send(ctx, code);
  }

  @Action(NEW_LINK_CODE_ACTION)
  async newCode(@Ctx() ctx: BotContext): Promise<void> {
    await ctx.answerCbQuery();
    await this.link.send(ctx);
  }
}
