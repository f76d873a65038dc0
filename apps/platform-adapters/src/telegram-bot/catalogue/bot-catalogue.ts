import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@karmabot/common';
import { Catalogue, CatalogueItem } from './catalogue';
import { loadCatalogue } from './load-catalogue';

/**
 * The configured catalogue, loaded once. A bad one does not stop the app (the HTTP API does
 * not need it): `problem` says what is wrong and the launcher keeps the bot down, visibly.
 */
@Injectable()
export class BotCatalogue {
  readonly problem: string | null;
  private readonly loaded: Catalogue | null;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    try {
      this.loaded = loadCatalogue(config);
      this.problem = null;
    } catch (error) {
      this.loaded = null;
      this.problem = (error as Error).message;
    }
  }

  get catalogue(): Catalogue {
    if (!this.loaded) throw new Error(this.problem ?? 'catalogue not loaded');
    return this.loaded;
  }

  item(sku: string): CatalogueItem | undefined {
    return this.catalogue.items.find((item) => item.sku === sku);
  }
}
