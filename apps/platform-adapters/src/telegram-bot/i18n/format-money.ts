import { currencyExponent } from '@karmabot/domain';
import { Locale } from './locale';

const INTL_LOCALE: Record<Locale, string> = { en: 'en-US', ru: 'ru-RU' };

/** `1250, 'USD'` → `$12.50` (en) or `12,50 $` (ru): minor units shown in the currency's own decimals. */
export function formatMoney(minor: number, currency: string, locale: Locale): string {
  const exponent = currencyExponent(currency);
  return new Intl.NumberFormat(INTL_LOCALE[locale], {
    style: 'currency',
    currency,
    minimumFractionDigits: exponent,
    maximumFractionDigits: exponent,
  }).format(minor / 10 ** exponent);
}
