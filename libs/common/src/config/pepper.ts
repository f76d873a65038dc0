import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG } from './config.module';
import { AppConfig } from './load-config';
import { resolvePepper } from './resolve-pepper';

/**
 * The server-side secret mixed into API-key, link-code and request hashes, resolved once at
 * start: an app without API_KEY_PEPPER outside development and test refuses to boot rather than
 * store hashes anyone could recompute.
 */
@Injectable()
export class Pepper {
  readonly value: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const resolved = resolvePepper(config.API_KEY_PEPPER, config.NODE_ENV);
    if (resolved.isDevelopmentFallback) {
      new Logger(Pepper.name).warn(
        `API_KEY_PEPPER is empty: using the fixed development pepper (NODE_ENV=${config.NODE_ENV}); never do this in production`,
      );
    }
    this.value = resolved.pepper;
  }
}
