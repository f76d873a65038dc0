import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { InjectBot } from 'nestjs-telegraf';
import { Telegraf } from 'telegraf';
import type { Update } from 'telegraf/types';
import { AppError, Patterns, RpcEnvelope, TelegramUpdateAck } from '@karmabot/contracts';
import { BotContext } from '../context/bot-context';

/**
 * Updates the gateway's webhook received (and authenticated by their secret token) are handled
 * here exactly as polled ones: same middlewares, so a redelivery is recognised by update_id.
 */
@Controller()
export class TelegramUpdateHandler {
  constructor(@InjectBot() private readonly bot: Telegraf<BotContext>) {}

  @MessagePattern(Patterns.telegram.update)
  async handle(@Payload() { data }: RpcEnvelope<unknown>): Promise<TelegramUpdateAck> {
    const updateId = (data as { update_id?: unknown } | null)?.update_id;
    if (
      typeof data !== 'object' ||
      data === null ||
      !Number.isSafeInteger(updateId) ||
      (updateId as number) < 0
    ) {
      throw new AppError('VALIDATION_FAILED', 'Not a Telegram update', [
        { field: 'update_id', message: 'must be a non-negative integer' },
      ]);
    }
    await this.bot.handleUpdate(data as Update);
    return { updateId: updateId as number };
  }
}
