import { Injectable } from '@nestjs/common';
import { Markup } from 'telegraf';
import { BotContext } from '../context/bot-context';
import { Locale, LOCALES } from '../i18n/locale';
import { LocaleStore } from '../i18n/locale-store';
import { messagesFor } from '../i18n/messages-for';
import { menuKeyboard } from './menu-keyboard';

/** Callback data of the language buttons: `l:en`, `l:ru`. */
export const LANGUAGE_ACTION = /^l:(en|ru)$/;

/** `/lang`: pick English or Russian; the choice outlives the session and beats `language_code`. */
@Injectable()
export class LanguageReply {
  constructor(private readonly locales: LocaleStore) {}

  async ask(ctx: BotContext): Promise<void> {
    const buttons = LOCALES.map((locale) =>
      Markup.button.callback(messagesFor(locale).languageName, `l:${locale}`),
    );
    await ctx.reply(ctx.state.t.chooseLanguage, Markup.inlineKeyboard([buttons]));
  }

  async choose(ctx: BotContext, locale: Locale): Promise<void> {
    await this.locales.choose(ctx.from!.id, locale);
    ctx.state.locale = locale;
    ctx.state.t = messagesFor(locale);
    await ctx.answerCbQuery();
    await ctx.reply(ctx.state.t.languageSet, menuKeyboard(ctx.state.t));
  }
}
