import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@karmabot/common';
import { resolvePepper } from '@karmabot/contracts';

/**
 * The server-side secret mixed into link-code hashes and request hashes. Resolved once at start,
 * so a production app without API_KEY_PEPPER fails to boot instead of failing per request.
 */
@Injectable()
export class Pepper {
  readonly value: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const resolved = resolvePepper(config.API_KEY_PEPPER, config.NODE_ENV);
    if (resolved.isDevelopmentFallback) {
      new Logger(Pepper.name).warn('API_KEY_PEPPER is empty: using the fixed development pepper');
    }
    this.value = resolved.pepper;
  }
}
