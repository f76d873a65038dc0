import { CURRENCY_EXPONENTS } from './currency-exponents';

/** Codes are matched exactly: `usd` is refused so one currency is never stored under two spellings. */
export function isSupportedCurrency(code: unknown): code is string {
  return typeof code === 'string' && /^[A-Z]{3}$/.test(code) && Object.hasOwn(CURRENCY_EXPONENTS, code);
}
