import { Module } from '@nestjs/common';
import { CommonModule, HealthModule } from '@karmabot/common';
import { OpsModule } from './ops/ops.module';
import { QueriesModule } from './queries/queries.module';
import { StatusModule } from './status/status.module';
import { ReplicationModule } from './replication/replication.module';
import { FailoverHealth } from './failover/failover-health';
import { StoreModule } from './store/store.module';

/** The only app that touches a database: applies ops and serves reads over RPC. */
@Module({
  imports: [
    CommonModule,
    HealthModule.forApp({
      imports: [StoreModule],
      inject: [FailoverHealth],
      // Ready in every mode while Redis answers (CACHE_ONLY included): the stores' breakers are
      // shown on /readyz but never make the app unready.
      useFactory: (failover: FailoverHealth) => [() => failover.check()],
    }),
    StoreModule,
    ReplicationModule,
    OpsModule,
    QueriesModule,
    StatusModule,
  ],
})
export class PersistenceModule {}
