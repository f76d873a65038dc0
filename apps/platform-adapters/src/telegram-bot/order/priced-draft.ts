import { OrderItem } from '@karmabot/contracts';
import { Catalogue } from '../catalogue/catalogue';
import { LineText } from '../i18n/bot-messages';
import { formatMoney } from '../i18n/format-money';
import { Locale } from '../i18n/locale';
import { localName } from './local-name';
import { OrderDraft } from './order-draft';

export interface PricedDraft {
  items: OrderItem[];
  lines: LineText[];
  totalMinor: number;
}

/**
 * The draft priced from the catalogue, as shown and as sent. Only a preview: the order's total
 * is computed again by the use case, from these same items, never taken from here.
 */
export function pricedDraft(draft: OrderDraft, catalogue: Catalogue, locale: Locale): PricedDraft {
  const items: OrderItem[] = [];
  const lines: LineText[] = [];
  let totalMinor = 0;
  for (const line of draft.lines) {
    const item = catalogue.items.find((candidate) => candidate.sku === line.sku);
    if (!item) continue; // dropped from the catalogue since it was picked
    const name = localName(item, locale);
    const amount = item.unitPriceMinor * line.qty;
    items.push({ sku: item.sku, name, qty: line.qty, unitPriceMinor: item.unitPriceMinor });
    lines.push({ qty: line.qty, name, amount: formatMoney(amount, catalogue.currency, locale) });
    totalMinor += amount;
  }
  return { items, lines, totalMinor };
}
