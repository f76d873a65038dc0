import { CatalogueItem } from '../catalogue/catalogue';
import { Locale } from '../i18n/locale';

export function localName(item: CatalogueItem, locale: Locale): string {
  return item.name[locale] ?? item.name.en;
}
