import { Injectable, Logger } from '@nestjs/common';
import { currentCorrelationId } from '@karmabot/common';
import { BotContext } from '../context/bot-context';
import { EN } from '../i18n/en';
import { UnreachableChats } from '../push/unreachable-chats';
import { botUpdates } from '../status/telegram-bot-metrics';
import { isChatUnreachable } from './telegram-error-facts';
import { friendlyErrorText, isExpectedError } from './friendly-error-text';

/**
 * The one answer to a failed handler: a log line with the correlation id (and the stack when it
 * is a bug), then a friendly reply the user can quote. It never throws: a failure to answer
 * (the user blocked the bot, Telegram down) is logged and the update is done with.
 */
@Injectable()
export class FriendlyErrorReply {
  private readonly logger = new Logger('TelegramBot');

  constructor(private readonly unreachable: UnreachableChats) {}

  async send(ctx: BotContext, error: unknown): Promise<void> {
    const correlationId = ctx.state?.correlationId ?? currentCorrelationId() ?? 'unknown';
    const expected = isExpectedError(error);
    botUpdates.inc({ outcome: 'failed' });
    const fields = {
      msg: 'telegram.handler.failed',
      correlation_id: correlationId,
      update_id: ctx.update?.update_id,
      update_type: ctx.updateType,
      error: error instanceof Error ? error.message : String(error),
      code: (error as { code?: unknown })?.code,
      ...(expected ? {} : { stack: error instanceof Error ? error.stack : undefined }),
    };
    if (expected) this.logger.warn(fields);
    else this.logger.error(fields);

    if (!ctx.chat) return;
    const t = ctx.state?.t ?? EN;
    try {
      if (ctx.callbackQuery) await ctx.answerCbQuery().catch(() => undefined);
      await ctx.reply(friendlyErrorText(error, t, correlationId));
    } catch (replyError) {
      if (isChatUnreachable(replyError)) {
        await this.unreachable.mark(ctx.chat.id, 'reply answered 403').catch(() => undefined);
        return;
      }
      this.logger.warn({
        msg: 'telegram.reply.failed',
        correlation_id: correlationId,
        error: (replyError as Error)?.message,
      });
    }
  }
}
