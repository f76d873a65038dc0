import { BotMessages } from './bot-messages';
import { EN } from './en';
import { Locale } from './locale';
import { RU } from './ru';

const CATALOGUES: Record<Locale, BotMessages> = { en: EN, ru: RU };

export function messagesFor(locale: Locale): BotMessages {
  return CATALOGUES[locale];
}
