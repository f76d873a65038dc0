import { Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@karmabot/common';
import { StoreName } from '@karmabot/contracts';
import { BACKUP_STORE, PgStore, PRIMARY_STORE, STORE } from '@karmabot/persistence';
import { FailoverHealth } from '../failover/failover-health';
import { FailoverRedis } from '../failover/failover-redis';
import { FailoverRuntime } from '../failover/failover-runtime';
import { FailoverStatus } from '../failover/failover-status';
import { StoreCloser } from './store-closer';

const pgStore = (config: AppConfig, url: string, name: StoreName) =>
  PgStore.connect(
    {
      url,
      poolSize: config.DB_POOL_SIZE,
      connectTimeoutMs: config.DB_CONNECT_TIMEOUT_MS,
      statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS,
      applicationName: 'karmabot-persistence',
    },
    name,
  );

/**
 * The stores. PRIMARY_STORE and BACKUP_STORE are the two databases themselves (replication and
 * the failover machinery address one in particular); STORE, which every handler reads and
 * writes through, is the failover repository routing between them by mode (FailoverRuntime).
 */
@Module({
  providers: [
    {
      provide: PRIMARY_STORE,
      inject: [APP_CONFIG],
      useFactory: (c: AppConfig) => pgStore(c, c.DATABASE_URL, 'primary'),
    },
    {
      provide: BACKUP_STORE,
      inject: [APP_CONFIG],
      useFactory: (c: AppConfig) => pgStore(c, c.BACKUP_DATABASE_URL, 'backup'),
    },
    FailoverRedis,
    FailoverRuntime,
    { provide: STORE, inject: [FailoverRuntime], useFactory: (runtime: FailoverRuntime) => runtime.store },
    FailoverHealth,
    FailoverStatus,
    StoreCloser,
  ],
  exports: [STORE, PRIMARY_STORE, BACKUP_STORE, FailoverRuntime, FailoverHealth, FailoverStatus],
})
export class StoreModule {}
