import { UseFilters } from '@nestjs/common';
import { Ctx, Start, Update } from 'nestjs-telegraf';
import { AppError } from '@karmabot/contracts';
import { BotContext } from '../context/bot-context';
import { telegramProfileOf } from '../customer/telegram-profile-of';
import { BotErrorFilter } from '../errors/bot-error.filter';
import { LinkReply } from '../replies/link-reply';
import { LinkWithCodeReply } from '../replies/link-with-code-reply';
import { menuKeyboard } from '../replies/menu-keyboard';
import { BotUseCases } from '../use-cases/bot-use-cases';

/**
 * `/start`: registers the user (the use case answers the existing customer when there is one)
 * and greets them by name with the menu. Deep links then go on linking accounts:
 * `t.me/<bot>?start=link` shows a code to enter on the website; `?start=link_<CODE>`, with a
 * code the website issued for its signed-in customer, links this Telegram account to it.
 */
@Update()
@UseFilters(BotErrorFilter)
export class StartUpdate {
  constructor(
    private readonly useCases: BotUseCases,
    private readonly link: LinkReply,
    private readonly linkWithCode: LinkWithCodeReply,
  ) {}

  @Start()
  async start(@Ctx() ctx: BotContext & { payload?: string }): Promise<void> {
    const t = ctx.state.t;
    const user = ctx.from!;
    const outcome = await this.useCases.register(telegramProfileOf(user), `update:${ctx.update.update_id}`);
    if (outcome.state === 'rejected' && outcome.error) throw AppError.fromJSON(outcome.error);
    const name = outcome.result?.customer.displayName ?? user.first_name;
    const greeting =
      outcome.state === 'queued'
        ? t.welcomeQueued(name)
        : outcome.result?.created
          ? t.welcomeNew(name)
          : t.welcomeBack(name);
    await ctx.reply(`${greeting}\n\n${t.startHint}`, menuKeyboard(t));
    const deepLink = /^link(?:_(.*))?$/.exec(ctx.payload ?? '');
    if (!deepLink) return;
    const code = (deepLink[1] ?? '').trim();
    if (code === '') await this.link.send(ctx);
    else await this.linkWithCode.send(ctx, code);
  }
}
