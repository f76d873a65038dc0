import { Injectable } from '@nestjs/common';
import { BotContext } from '../context/bot-context';
import { menuKeyboard } from './menu-keyboard';

@Injectable()
export class MenuReply {
  async send(ctx: BotContext): Promise<void> {
    await ctx.reply(ctx.state.t.menu, menuKeyboard(ctx.state.t));
  }
}
