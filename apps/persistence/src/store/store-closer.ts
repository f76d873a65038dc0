import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { STORE, Store } from '@karmabot/persistence';

/**
 * Closes the store's pool on shutdown. Nest calls this after the transports stopped taking
 * messages, so in-flight ops finish first (SIGTERM is graceful, see startApp).
 */
@Injectable()
export class StoreCloser implements OnApplicationShutdown {
  constructor(@Inject(STORE) private readonly store: Store) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
