import { isSupportedCurrency } from '@karmabot/domain';
import { Catalogue, CatalogueItem } from './catalogue';

const SKU = /^[A-Za-z0-9_-]{1,32}$/;
const MAX_ITEMS = 50;
const MAX_NAME_LENGTH = 64;

export class CatalogueInvalid extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`Telegram catalogue from ${source} is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/**
 * Checks a catalogue read from JSON: every problem is reported at once, so a bad file is fixed
 * in one go. The bot refuses to start on a bad catalogue rather than offer wrong prices.
 */
export function parseCatalogue(raw: unknown, source: string): Catalogue {
  const problems: string[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new CatalogueInvalid(source, ['must be an object {currency, items}']);
  }
  const { currency, items } = raw as Record<string, unknown>;
  if (typeof currency !== 'string' || !isSupportedCurrency(currency)) {
    problems.push(`currency: must be a supported ISO 4217 code (got ${JSON.stringify(currency)})`);
  }
  if (!Array.isArray(items) || items.length === 0 || items.length > MAX_ITEMS) {
    problems.push(`items: must be a list of 1 to ${MAX_ITEMS} items`);
    throw new CatalogueInvalid(source, problems);
  }
  const seen = new Set<string>();
  const parsed: CatalogueItem[] = [];
  items.forEach((item: unknown, i) => {
    const at = `items[${i}]`;
    if (typeof item !== 'object' || item === null) return void problems.push(`${at}: must be an object`);
    const { sku, name, unitPriceMinor } = item as Record<string, unknown>;
    if (typeof sku !== 'string' || !SKU.test(sku)) problems.push(`${at}.sku: 1-32 letters, digits, - or _`);
    else if (seen.has(sku)) problems.push(`${at}.sku: "${sku}" appears twice`);
    else seen.add(sku);
    const names = typeof name === 'string' ? { en: name } : name;
    if (!isNameMap(names))
      problems.push(`${at}.name: a string or {en, ru?} of 1-${MAX_NAME_LENGTH} characters`);
    if (typeof unitPriceMinor !== 'number' || !Number.isSafeInteger(unitPriceMinor) || unitPriceMinor < 0) {
      problems.push(`${at}.unitPriceMinor: a non-negative integer in minor units`);
    }
    if (isNameMap(names))
      parsed.push({ sku: sku as string, name: names, unitPriceMinor: unitPriceMinor as number });
  });
  if (problems.length) throw new CatalogueInvalid(source, problems);
  return { currency: currency as string, items: parsed };
}

function isNameMap(value: unknown): value is CatalogueItem['name'] {
  if (typeof value !== 'object' || value === null) return false;
  const entries = Object.entries(value as Record<string, unknown>);
  const isGoodName = (v: unknown) => typeof v === 'string' && v.trim() !== '' && v.length <= MAX_NAME_LENGTH;
  return (
    isGoodName((value as Record<string, unknown>).en) &&
    entries.every(([key, v]) => ['en', 'ru'].includes(key) && isGoodName(v))
  );
}
