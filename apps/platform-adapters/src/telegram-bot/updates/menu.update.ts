import { UseFilters } from '@nestjs/common';
import { Action, Command, Ctx, Update } from 'nestjs-telegraf';
import { BotContext } from '../context/bot-context';
import { BotErrorFilter } from '../errors/bot-error.filter';
import { OrderFlow } from '../order/order-flow';
import { HelpReply } from '../replies/help-reply';
import { LanguageReply } from '../replies/language-reply';
import { LinkReply } from '../replies/link-reply';
import { LoyaltyReply } from '../replies/loyalty-reply';
import { MENU_ACTION } from '../replies/menu-keyboard';
import { MenuReply } from '../replies/menu-reply';
import { OrdersReply } from '../replies/orders-reply';
import { ProfileReply } from '../replies/profile-reply';

/** `/menu` and its buttons: each button does what its command does. */
@Update()
@UseFilters(BotErrorFilter)
export class MenuUpdate {
  constructor(
    private readonly menu: MenuReply,
    private readonly order: OrderFlow,
    private readonly orders: OrdersReply,
    private readonly loyalty: LoyaltyReply,
    private readonly profile: ProfileReply,
    private readonly link: LinkReply,
    private readonly language: LanguageReply,
    private readonly help: HelpReply,
  ) {}

  @Command('menu')
  async showMenu(@Ctx() ctx: BotContext): Promise<void> {
    await this.menu.send(ctx);
  }

  @Action(MENU_ACTION)
  async pick(@Ctx() ctx: BotContext & { match: RegExpExecArray }): Promise<void> {
    await ctx.answerCbQuery();
    const choices: Record<string, () => Promise<void>> = {
      order: () => this.order.start(ctx),
      orders: () => this.orders.send(ctx),
      loyalty: () => this.loyalty.send(ctx),
      profile: () => this.profile.send(ctx),
      link: () => this.link.send(ctx),
      lang: () => this.language.ask(ctx),
      help: () => this.help.send(ctx),
    };
    await choices[ctx.match[1]]();
  }
}
