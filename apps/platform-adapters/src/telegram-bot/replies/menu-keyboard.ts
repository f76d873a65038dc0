import { Markup } from 'telegraf';
import { BotMessages } from '../i18n/bot-messages';

/** Callback data of the main menu's buttons: `m:<what>`. */
export const MENU_ACTION = /^m:(order|orders|loyalty|profile|link|lang|help)$/;

export function menuKeyboard(t: BotMessages) {
  const button = (text: string, what: string) => Markup.button.callback(text, `m:${what}`);
  return Markup.inlineKeyboard([
    [button(t.buttons.order, 'order'), button(t.buttons.orders, 'orders')],
    [button(t.buttons.loyalty, 'loyalty'), button(t.buttons.profile, 'profile')],
    [button(t.buttons.link, 'link'), button(t.buttons.language, 'lang')],
    [button(t.buttons.help, 'help')],
  ]);
}
