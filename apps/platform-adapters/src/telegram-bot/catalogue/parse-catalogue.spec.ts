import { DEFAULT_CATALOGUE } from './default-catalogue';
import { loadCatalogue } from './load-catalogue';
import { CatalogueInvalid, parseCatalogue } from './parse-catalogue';

describe('the /order catalogue', () => {
  it('accepts the built-in one, and plain-string names', () => {
    expect(parseCatalogue(DEFAULT_CATALOGUE, 'default')).toEqual(DEFAULT_CATALOGUE);
    expect(
      parseCatalogue({ currency: 'EUR', items: [{ sku: 'x', name: 'X', unitPriceMinor: 1 }] }, 'env'),
    ).toEqual({
      currency: 'EUR',
      items: [{ sku: 'x', name: { en: 'X' }, unitPriceMinor: 1 }],
    });
  });

  it('names every problem at once', () => {
    const bad = {
      currency: 'XYZ',
      items: [
        { sku: 'has space', name: 'A', unitPriceMinor: 1 },
        { sku: 'dup', name: { de: 'B' }, unitPriceMinor: -1 },
        { sku: 'dup', name: 'C', unitPriceMinor: 1.5 },
      ],
    };
    let problems: string[] = [];
    try {
      parseCatalogue(bad, 'TELEGRAM_CATALOGUE');
    } catch (error) {
      problems = (error as CatalogueInvalid).problems;
    }
    expect(problems).toEqual([
      'currency: must be a supported ISO 4217 code (got "XYZ")',
      'items[0].sku: 1-32 letters, digits, - or _',
      'items[1].name: a string or {en, ru?} of 1-64 characters',
      'items[1].unitPriceMinor: a non-negative integer in minor units',
      'items[2].sku: "dup" appears twice',
      'items[2].unitPriceMinor: a non-negative integer in minor units',
    ]);
  });

  it('comes from TELEGRAM_CATALOGUE when no path is set, and says so when it is not JSON', () => {
    const inline = JSON.stringify({
      currency: 'JPY',
      items: [{ sku: 'ramen', name: 'Ramen', unitPriceMinor: 900 }],
    });
    expect(loadCatalogue({ TELEGRAM_CATALOGUE_PATH: '', TELEGRAM_CATALOGUE: inline }).currency).toBe('JPY');
    expect(() => loadCatalogue({ TELEGRAM_CATALOGUE_PATH: '', TELEGRAM_CATALOGUE: '{' })).toThrow(
      /TELEGRAM_CATALOGUE is invalid/,
    );
    expect(() =>
      loadCatalogue({ TELEGRAM_CATALOGUE_PATH: '/nonexistent.json', TELEGRAM_CATALOGUE: '' }),
    ).toThrow(/cannot be read/);
    expect(loadCatalogue({ TELEGRAM_CATALOGUE_PATH: '', TELEGRAM_CATALOGUE: '' })).toBe(DEFAULT_CATALOGUE);
  });
});
