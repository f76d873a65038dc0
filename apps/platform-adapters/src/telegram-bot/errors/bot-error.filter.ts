import { ArgumentsHost, Catch, ExceptionFilter, Injectable } from '@nestjs/common';
import { TelegrafArgumentsHost } from 'nestjs-telegraf';
import { BotContext } from '../context/bot-context';
import { FriendlyErrorReply } from './friendly-error-reply';

/**
 * Catches whatever one handler throws (every @Update class carries it), so a bug or an outage
 * in one command becomes a logged error and a friendly reply instead of a dead update.
 */
@Catch()
@Injectable()
export class BotErrorFilter implements ExceptionFilter {
  constructor(private readonly reply: FriendlyErrorReply) {}

  async catch(exception: unknown, host: ArgumentsHost): Promise<void> {
    const ctx = TelegrafArgumentsHost.create(host).getContext<BotContext>();
    await this.reply.send(ctx, exception);
  }
}
