import { Inject, Injectable, Logger } from '@nestjs/common';
import { resolvePepper } from '@karmabot/contracts';
import { APP_CONFIG, AppConfig } from '@karmabot/common';

/**
 * The API_KEY_PEPPER the gateway hashes keys with, resolved once at start. Resolving throws
 * when it is empty outside development and test, so the gateway refuses to start rather than
 * store hashes anyone could recompute.
 */
@Injectable()
export class ApiKeyPepper {
  readonly value: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const resolved = resolvePepper(config.API_KEY_PEPPER, config.NODE_ENV);
    if (resolved.isDevelopmentFallback) {
      new Logger(ApiKeyPepper.name).warn(
        `API_KEY_PEPPER is empty: using the fixed development pepper (NODE_ENV=${config.NODE_ENV}); never do this in production`,
      );
    }
    this.value = resolved.pepper;
  }
}
