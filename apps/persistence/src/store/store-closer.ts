import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { BACKUP_STORE, PRIMARY_STORE, Store, STORE } from '@karmabot/persistence';

/**
 * Closes the stores' pools on shutdown. Nest calls this after the transports stopped taking
 * messages, so in-flight ops finish first (SIGTERM is graceful, see startApp). Closing a store
 * twice (STORE is one of the two today) is a no-op.
 */
@Injectable()
export class StoreCloser implements OnApplicationShutdown {
  constructor(
    @Inject(STORE) private readonly store: Store,
    @Inject(PRIMARY_STORE) private readonly primary: Store,
    @Inject(BACKUP_STORE) private readonly backup: Store,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.store.close(), this.primary.close(), this.backup.close()]);
  }
}
