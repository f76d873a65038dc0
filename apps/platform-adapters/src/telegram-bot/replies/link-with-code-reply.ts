import { Injectable, Logger } from '@nestjs/common';
import { AppError, LoyaltySummaryView } from '@karmabot/contracts';
import { LINK_CODE_TTL_SECONDS } from '@karmabot/domain';
import { BotContext } from '../context/bot-context';
import { BotCustomers } from '../customer/bot-customers';
import { BotMessages } from '../i18n/bot-messages';
import { BotUseCases } from '../use-cases/bot-use-cases';

/** Refusals the user can act on, answered in words; anything else goes to the error filter. */
const REFUSALS: Record<string, (t: BotMessages) => string> = {
  LINK_PROOF_INVALID: (t) => t.linkCodeInvalid(Math.round(LINK_CODE_TTL_SECONDS / 60)),
  IDENTITY_LINKED_ELSEWHERE: (t) => t.linkRefused,
  CUSTOMER_MERGED: (t) => t.linkRefused,
};

/**
 * `/link CODE` and the deep link `/start link_CODE`: the code was issued on the website for a
 * customer (`POST /v1/website/users/{email}/link-code`), and the sender of this update, whom
 * Telegram authenticated, is the Telegram account to join to it. Runs the link use case the
 * website's link-telegram route runs, from the Telegram side; the sender is registered first,
 * as /start does, so a first message can be the deep link.
 */
@Injectable()
export class LinkWithCodeReply {
  private readonly logger = new Logger('TelegramBot');

  constructor(
    private readonly customers: BotCustomers,
    private readonly useCases: BotUseCases,
  ) {}

  async send(ctx: BotContext, code: string): Promise<void> {
    const t = ctx.state.t;
    const telegramId = String(ctx.from!.id);
    await this.customers.ensure(ctx);
    const outcome = await this.useCases.link(telegramId, code, `update:${ctx.update.update_id}`);
    if (outcome.state === 'rejected' && outcome.error) {
      const error = AppError.fromJSON(outcome.error);
      const refusal = REFUSALS[error.code];
      if (!refusal) throw error;
      await ctx.reply(refusal(t));
      return;
    }
    if (outcome.state === 'queued' || !outcome.result) {
      await ctx.reply(t.linkQueued);
      return;
    }
    const linked = t.linked(outcome.result.customer.email);
    const summary = await this.balanceOf(ctx, telegramId);
    await ctx.reply(summary ? `${linked}\n${t.pushBalance(summary.balance, summary.pending)}` : linked);
  }

  /** The merged balance is a courtesy: the link is done, so a failed read only leaves it out. */
  private async balanceOf(ctx: BotContext, telegramId: string): Promise<LoyaltySummaryView | null> {
    try {
      return await this.useCases.loyalty(telegramId);
    } catch (error) {
      this.logger.warn({
        msg: 'telegram.link.balance_unavailable',
        correlation_id: ctx.state.correlationId,
        error: error instanceof Error ? error.message : String(error),
      });
      return null;
    }
  }
}
