import { CurrencyUnsupported } from '../errors/currency-unsupported';
import { CURRENCY_EXPONENTS } from './currency-exponents';
import { isSupportedCurrency } from './is-supported-currency';

export function currencyExponent(code: string): number {
  if (!isSupportedCurrency(code)) throw new CurrencyUnsupported(code);
  return CURRENCY_EXPONENTS[code];
}
