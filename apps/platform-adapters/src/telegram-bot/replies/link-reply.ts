import { Injectable } from '@nestjs/common';
import { Markup } from 'telegraf';
import { AppError } from '@karmabot/contracts';
import { LINK_CODE_TTL_SECONDS } from '@karmabot/domain';
import { BotContext } from '../context/bot-context';
import { BotCustomers } from '../customer/bot-customers';
import { BotUseCases } from '../use-cases/bot-use-cases';

/** Callback data of "New code". */
export const NEW_LINK_CODE_ACTION = 'k:new';

/**
 * `/link` (and the `link` deep link): a one-time code, issued for this Telegram account by the
 * same use case as `POST /v1/telegram/users/{id}/link-code`, that the user enters on the
 * website, where they are signed in, to join the two accounts. The other direction (a code from
 * the website, typed here) is `LinkWithCodeReply`.
 */
@Injectable()
export class LinkReply {
  constructor(
    private readonly customers: BotCustomers,
    private readonly useCases: BotUseCases,
  ) {}

  async send(ctx: BotContext): Promise<void> {
    const t = ctx.state.t;
    await this.customers.ensure(ctx);
    const outcome = await this.useCases.issueLinkCode(String(ctx.from!.id), `update:${ctx.update.update_id}`);
    if (outcome.state === 'rejected' && outcome.error) throw AppError.fromJSON(outcome.error);
    const minutes = Math.round(LINK_CODE_TTL_SECONDS / 60);
    const code = outcome.result?.code;
    const text = !code
      ? t.linkCodeReplayed
      : outcome.state === 'queued'
        ? t.linkCodeQueued(code, minutes)
        : t.linkCode(code, minutes);
    const keyboard = Markup.inlineKeyboard([
      [Markup.button.callback(t.buttons.newCode, NEW_LINK_CODE_ACTION)],
    ]);
    await ctx.reply(text, keyboard);
  }
}
