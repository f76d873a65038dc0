import { Locale } from '../i18n/locale';

/** A name per language; `en` is required and used when the user's language has none. */
export type LocalizedName = { en: string } & Partial<Record<Locale, string>>;

export interface CatalogueItem {
  /** Short (it travels in 64-byte callback data): letters, digits, `-` and `_`, at most 32. */
  sku: string;
  name: LocalizedName;
  unitPriceMinor: number;
}

/** What /order offers: one currency, a few items. Configured by file or env, never by users. */
export interface Catalogue {
  currency: string;
  items: CatalogueItem[];
}
