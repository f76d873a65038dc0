import { Module } from '@nestjs/common';
import { ReplicationModule } from '../replication/replication.module';
import { StoreModule } from '../store/store.module';
import { ApplyOpHandler } from './apply-op.handler';
import { OpsRetentionJob } from './ops-retention.job';

@Module({
  imports: [StoreModule, ReplicationModule],
  controllers: [ApplyOpHandler],
  providers: [OpsRetentionJob],
})
export class OpsModule {}
