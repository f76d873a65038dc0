import { Markup } from 'telegraf';
import { Catalogue } from '../catalogue/catalogue';
import { BotMessages } from '../i18n/bot-messages';
import { formatMoney } from '../i18n/format-money';
import { OrderDraft } from './order-draft';
import { orderData } from './order-callback-data';
import { localName } from './local-name';

const QUICK_QUANTITIES = [1, 2, 3, 4, 5];

export function itemsKeyboard(t: BotMessages, catalogue: Catalogue, draft: OrderDraft) {
  const rows = catalogue.items.map((item) => [
    Markup.button.callback(
      t.itemButton(localName(item, t.locale), formatMoney(item.unitPriceMinor, catalogue.currency, t.locale)),
      orderData(draft.id, { kind: 'item', sku: item.sku }),
    ),
  ]);
  const cancel = Markup.button.callback(t.buttons.cancel, orderData(draft.id, { kind: 'cancel' }));
  const last = draft.lines.length
    ? [Markup.button.callback(t.buttons.checkout, orderData(draft.id, { kind: 'checkout' })), cancel]
    : [cancel];
  return Markup.inlineKeyboard([...rows, last]);
}

export function quantityKeyboard(t: BotMessages, draft: OrderDraft) {
  return Markup.inlineKeyboard([
    QUICK_QUANTITIES.map((qty) =>
      Markup.button.callback(String(qty), orderData(draft.id, { kind: 'quantity', qty })),
    ),
    [Markup.button.callback(t.buttons.back, orderData(draft.id, { kind: 'back' }))],
  ]);
}

export function confirmKeyboard(t: BotMessages, draft: OrderDraft) {
  return Markup.inlineKeyboard([
    [Markup.button.callback(t.buttons.confirm, orderData(draft.id, { kind: 'confirm' }))],
    [
      Markup.button.callback(t.buttons.edit, orderData(draft.id, { kind: 'back' })),
      Markup.button.callback(t.buttons.cancel, orderData(draft.id, { kind: 'cancel' })),
    ],
  ]);
}
