import { Injectable } from '@nestjs/common';
import { BotContext } from '../context/bot-context';

@Injectable()
export class HelpReply {
  async send(ctx: BotContext): Promise<void> {
    await ctx.reply(ctx.state.t.help);
  }
}
