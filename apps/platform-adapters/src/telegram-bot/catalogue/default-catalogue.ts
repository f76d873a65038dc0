import { Catalogue } from './catalogue';

/** The catalogue /order offers when neither TELEGRAM_CATALOGUE_PATH nor TELEGRAM_CATALOGUE is set. */
export const DEFAULT_CATALOGUE: Catalogue = {
  currency: 'USD',
  items: [
    { sku: 'coffee', name: { en: 'Coffee', ru: 'Кофе' }, unitPriceMinor: 350 },
    { sku: 'tea', name: { en: 'Tea', ru: 'Чай' }, unitPriceMinor: 250 },
    { sku: 'croissant', name: { en: 'Croissant', ru: 'Круассан' }, unitPriceMinor: 300 },
    { sku: 'sandwich', name: { en: 'Sandwich', ru: 'Сэндвич' }, unitPriceMinor: 650 },
  ],
};
