import { Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@karmabot/common';
import { PgStore, STORE, Store } from '@karmabot/persistence';
import { PrimaryStoreHealth } from './primary-store.health';
import { StoreCloser } from './store-closer';

/**
 * The store the handlers read and write through (`@Inject(STORE)`). Today the primary
 * PostgreSQL database; the failover repository will be provided under the same token.
 */
@Module({
  providers: [
    {
      provide: STORE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): Store =>
        PgStore.connect({
          url: config.DATABASE_URL,
          poolSize: config.DB_POOL_SIZE,
          connectTimeoutMs: config.DB_CONNECT_TIMEOUT_MS,
          statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS,
          applicationName: 'karmabot-persistence',
        }),
    },
    StoreCloser,
    PrimaryStoreHealth,
  ],
  exports: [STORE, PrimaryStoreHealth],
})
export class StoreModule {}
