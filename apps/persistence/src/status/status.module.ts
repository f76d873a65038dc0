import { Module } from '@nestjs/common';
import { ReplicationModule } from '../replication/replication.module';
import { StoreModule } from '../store/store.module';
import { StoreStatusHandler } from './store-status.handler';

@Module({
  imports: [StoreModule, ReplicationModule],
  controllers: [StoreStatusHandler],
})
export class StatusModule {}
