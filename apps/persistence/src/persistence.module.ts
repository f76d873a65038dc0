import { Module } from '@nestjs/common';
import { CommonModule, HealthModule } from '@karmabot/common';
import { OpsModule } from './ops/ops.module';
import { QueriesModule } from './queries/queries.module';
import { StatusModule } from './status/status.module';
import { PrimaryStoreHealth } from './store/primary-store.health';
import { StoreModule } from './store/store.module';

/** The only app that touches a database: applies ops and serves reads over RPC. */
@Module({
  imports: [
    CommonModule,
    HealthModule.forApp({
      imports: [StoreModule],
      inject: [PrimaryStoreHealth],
      useFactory: (primary: PrimaryStoreHealth) => [() => primary.check()],
    }),
    StoreModule,
    OpsModule,
    QueriesModule,
    StatusModule,
  ],
})
export class PersistenceModule {}
