import { readFileSync } from 'node:fs';
import { AppConfig } from '@karmabot/common';
import { Catalogue } from './catalogue';
import { DEFAULT_CATALOGUE } from './default-catalogue';
import { CatalogueInvalid, parseCatalogue } from './parse-catalogue';

/** The catalogue from TELEGRAM_CATALOGUE_PATH, else TELEGRAM_CATALOGUE, else the built-in one. */
export function loadCatalogue(
  config: Pick<AppConfig, 'TELEGRAM_CATALOGUE_PATH' | 'TELEGRAM_CATALOGUE'>,
): Catalogue {
  if (config.TELEGRAM_CATALOGUE_PATH) {
    const source = `TELEGRAM_CATALOGUE_PATH (${config.TELEGRAM_CATALOGUE_PATH})`;
    let text: string;
    try {
      text = readFileSync(config.TELEGRAM_CATALOGUE_PATH, 'utf8');
    } catch (error) {
      throw new CatalogueInvalid(source, [`cannot be read: ${(error as Error).message}`]);
    }
    return parseCatalogue(parseJson(text, source), source);
  }
  if (config.TELEGRAM_CATALOGUE) {
    return parseCatalogue(parseJson(config.TELEGRAM_CATALOGUE, 'TELEGRAM_CATALOGUE'), 'TELEGRAM_CATALOGUE');
  }
  return DEFAULT_CATALOGUE;
}

function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CatalogueInvalid(source, [`is not JSON: ${(error as Error).message}`]);
  }
}
