import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { currentCorrelationId, requestContext } from '@karmabot/common';
import type { MiddlewareFn } from 'telegraf';
import { BotContext } from '../context/bot-context';
import { localeOf } from '../i18n/locale';
import { LocaleStore } from '../i18n/locale-store';
import { messagesFor } from '../i18n/messages-for';
import { UnreachableChats } from '../push/unreachable-chats';
import { botUpdates } from '../status/telegram-bot-metrics';
import { UpdateDeduplicator } from './update-deduplicator';

/**
 * What runs before any handler, in order: a correlation id for the update's logs and RPCs; a
 * log line per update; a filter for what the bot does not serve (groups, channels, edits);
 * de-duplication by update_id; reachability (a user who writes can be pushed to again); the
 * language of the reply.
 */
@Injectable()
export class BotMiddlewares {
  private readonly logger = new Logger('TelegramBot');

  constructor(
    private readonly dedup: UpdateDeduplicator,
    private readonly locales: LocaleStore,
    private readonly unreachable: UnreachableChats,
  ) {}

  all(): MiddlewareFn<BotContext>[] {
    return [this.correlate, this.log, this.scope, this.once, this.reachable, this.language];
  }

  private readonly correlate: MiddlewareFn<BotContext> = (ctx, next) => {
    // A webhook update arrives inside the gateway request's context: keep its id.
    const correlationId = currentCorrelationId() ?? randomUUID();
    ctx.state.correlationId = correlationId;
    return requestContext.run({ correlationId }, next);
  };

  private readonly log: MiddlewareFn<BotContext> = async (ctx, next) => {
    const started = Date.now();
    await next();
    this.logger.log({
      msg: 'telegram.update',
      update_id: ctx.update.update_id,
      update_type: ctx.updateType,
      chat_id: ctx.chat?.id,
      command: commandOf(ctx),
      ms: Date.now() - started,
    });
  };

  private readonly scope: MiddlewareFn<BotContext> = async (ctx, next) => {
    const update = ctx.update as unknown as Record<string, unknown>;
    if ('my_chat_member' in update && ctx.myChatMember) {
      // The user blocked (kicked) or unblocked the bot in their private chat.
      const status = ctx.myChatMember.new_chat_member.status;
      if (ctx.myChatMember.chat.type === 'private') {
        if (status === 'kicked')
          await this.unreachable.mark(ctx.myChatMember.chat.id, 'user blocked the bot');
        else if (status === 'member') await this.unreachable.clear(ctx.myChatMember.chat.id);
      }
      return this.ignore(ctx, 'chat member change');
    }
    if (!('message' in update) && !('callback_query' in update)) {
      // Edits of old messages, channel posts, inline queries: nothing to answer.
      return this.ignore(ctx, `${ctx.updateType} is not served`);
    }
    if (ctx.chat && ctx.chat.type !== 'private') {
      const text = ctx.message && 'text' in ctx.message ? ctx.message.text : '';
      const addressee = /^\/\w+@(\w+)/.exec(text)?.[1];
      const isForUs = !addressee || addressee.toLowerCase() === ctx.botInfo.username.toLowerCase();
      if (text.startsWith('/') && isForUs && ctx.message?.from && !ctx.message.from.is_bot) {
        const t = messagesFor(localeOf(ctx.message.from.language_code));
        await ctx.reply(t.groupHint(ctx.botInfo.username)).catch(() => undefined);
        return this.ignore(ctx, 'command in a group: answered with a hint');
      }
      return this.ignore(ctx, `${ctx.chat.type} chat`);
    }
    if (ctx.from?.is_bot) return this.ignore(ctx, 'message from a bot');
    return next();
  };

  private readonly once: MiddlewareFn<BotContext> = async (ctx, next) => {
    const updateId = ctx.update.update_id;
    if (!(await this.dedup.claim(updateId))) {
      botUpdates.inc({ outcome: 'duplicate' });
      this.logger.log({ msg: 'telegram.update.duplicate', update_id: updateId });
      return;
    }
    try {
      await next();
      botUpdates.inc({ outcome: 'handled' });
    } finally {
      await this.dedup.finish(updateId);
    }
  };

  private readonly reachable: MiddlewareFn<BotContext> = async (ctx, next) => {
    if (ctx.chat) await this.unreachable.clear(ctx.chat.id).catch(() => undefined);
    return next();
  };

  private readonly language: MiddlewareFn<BotContext> = async (ctx, next) => {
    const chosen = ctx.from ? await this.locales.chosen(ctx.from.id).catch(() => null) : null;
    ctx.state.locale = chosen ?? localeOf(ctx.from?.language_code);
    ctx.state.t = messagesFor(ctx.state.locale);
    return next();
  };

  private ignore(ctx: BotContext, reason: string): void {
    botUpdates.inc({ outcome: 'ignored' });
    this.logger.debug({ msg: 'telegram.update.ignored', update_id: ctx.update.update_id, reason });
  }
}

function commandOf(ctx: BotContext): string | undefined {
  const text = ctx.message && 'text' in ctx.message ? ctx.message.text : undefined;
  return text?.startsWith('/') ? text.split(/[\s@]/, 1)[0].slice(0, 32) : undefined;
}
