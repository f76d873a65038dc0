import { AppError } from '@karmabot/contracts/errors/app-error';
import { CurrencyUnsupported } from '../errors/currency-unsupported';
import { DomainError } from '../errors/domain-error';
import { currencyExponent } from './currency-exponent';
import { CURRENCY_EXPONENTS } from './currency-exponents';
import { isSupportedCurrency } from './is-supported-currency';

describe('currencyExponent', () => {
  it.each([
    ['USD', 2],
    ['EUR', 2],
    ['GBP', 2],
    ['RUB', 2],
    ['UAH', 2],
    ['KZT', 2],
    ['BYN', 2],
    ['CNY', 2],
    ['INR', 2],
    ['TRY', 2],
    ['CHF', 2],
    ['SEK', 2],
    ['NOK', 2],
    ['PLN', 2],
    ['CZK', 2],
    ['BRL', 2],
    ['CAD', 2],
    ['AUD', 2],
    ['AED', 2],
    ['JPY', 0],
    ['KRW', 0],
    ['VND', 0],
    ['CLP', 0],
    ['KWD', 3],
    ['BHD', 3],
    ['OMR', 3],
    ['JOD', 3],
  ])('gives %s %i decimal places', (code, exponent) => {
    expect(currencyExponent(code)).toBe(exponent);
  });

  it.each(['XXX', 'ABC', 'ZZZ'])('refuses the unknown code %s', (code) => {
    expect(() => currencyExponent(code)).toThrow(CurrencyUnsupported);
  });

  it.each(['usd', 'Usd', 'US', 'USDT', '', ' USD', 'USD ', 'U$D', 'constructor', '__proto__', 'toString'])(
    'refuses the malformed code %j',
    (code) => {
      expect(() => currencyExponent(code)).toThrow(CurrencyUnsupported);
    },
  );

  it('refuses a value that is not a string at all', () => {
    expect(() => currencyExponent(840 as unknown as string)).toThrow(CurrencyUnsupported);
    expect(() => currencyExponent(undefined as unknown as string)).toThrow(CurrencyUnsupported);
  });

  it('reports an unsupported currency as a 422 with a currency field error', () => {
    expect(() => currencyExponent('XYZ')).toThrow(
      expect.objectContaining({
        code: 'CURRENCY_UNSUPPORTED',
        status: 422,
        currency: 'XYZ',
        name: 'CurrencyUnsupported',
        message: expect.stringContaining('"XYZ"'),
        errors: [{ field: 'currency', message: expect.any(String) }],
      }),
    );
    expect(() => currencyExponent('XYZ')).toThrow(DomainError);
    expect(() => currencyExponent('XYZ')).toThrow(AppError);
  });

  it('clips a huge hostile currency value in the message', () => {
    expect(() => currencyExponent('A'.repeat(10_000))).toThrow(/^Currency "A{16}" is not supported$/);
  });
});

describe('CURRENCY_EXPONENTS', () => {
  it('holds only upper-case three-letter codes with 0, 2 or 3 decimals', () => {
    for (const [code, exponent] of Object.entries(CURRENCY_EXPONENTS)) {
      expect(code).toMatch(/^[A-Z]{3}$/);
      expect([0, 2, 3]).toContain(exponent);
    }
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(CURRENCY_EXPONENTS)).toBe(true);
  });
});

describe('isSupportedCurrency', () => {
  it('accepts a listed code and refuses anything else', () => {
    expect(isSupportedCurrency('EUR')).toBe(true);
    expect(isSupportedCurrency('eur')).toBe(false);
    expect(isSupportedCurrency('XXX')).toBe(false);
    expect(isSupportedCurrency(null)).toBe(false);
    expect(isSupportedCurrency(978)).toBe(false);
  });
});
