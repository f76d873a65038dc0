import { Module } from '@nestjs/common';
import { Replicator } from '@karmabot/persistence';
import { CATCH_UP } from '@karmabot/persistence/failover/catch-up';
import { StoreModule } from '../store/store.module';
import { ReconcileJob } from './reconcile.job';
import { ReplicationRunner } from './replication-runner';
import { replicatorProvider } from './replicator.provider';
import { WriteConcern } from './write-concern';

/**
 * Replication between the primary and the backup (issue 4): the two continuous streams, the
 * periodic reconciliation, write concern, and the replicator itself for whoever needs it
 * (`Replicator`, or CATCH_UP for the mode machine).
 */
@Module({
  imports: [StoreModule],
  providers: [
    replicatorProvider,
    { provide: CATCH_UP, useExisting: Replicator },
    ReplicationRunner,
    ReconcileJob,
    WriteConcern,
  ],
  exports: [Replicator, CATCH_UP, WriteConcern, ReplicationRunner],
})
export class ReplicationModule {}
