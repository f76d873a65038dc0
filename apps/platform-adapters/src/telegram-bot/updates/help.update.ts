import { UseFilters } from '@nestjs/common';
import { Ctx, Help, Update } from 'nestjs-telegraf';
import { BotContext } from '../context/bot-context';
import { BotErrorFilter } from '../errors/bot-error.filter';
import { HelpReply } from '../replies/help-reply';

@Update()
@UseFilters(BotErrorFilter)
export class HelpUpdate {
  constructor(private readonly help: HelpReply) {}

  @Help()
  async showHelp(@Ctx() ctx: BotContext): Promise<void> {
    await this.help.send(ctx);
  }
}
