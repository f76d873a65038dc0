import { UseFilters } from '@nestjs/common';
import { Action, Command, Ctx, Update } from 'nestjs-telegraf';
import { BotContext } from '../context/bot-context';
import { BotErrorFilter } from '../errors/bot-error.filter';
import { Locale } from '../i18n/locale';
import { LANGUAGE_ACTION, LanguageReply } from '../replies/language-reply';

@Update()
@UseFilters(BotErrorFilter)
export class LanguageUpdate {
  constructor(private readonly language: LanguageReply) {}

  @Command('lang')
  async ask(@Ctx() ctx: BotContext): Promise<void> {
    await this.language.ask(ctx);
  }

  @Action(LANGUAGE_ACTION)
  async choose(@Ctx() ctx: BotContext & { match: RegExpExecArray }): Promise<void> {
    await this.language.choose(ctx, ctx.match[1] as Locale);
  }
}
