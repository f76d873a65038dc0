import { Module } from '@nestjs/common';
import { StoreModule } from '../store/store.module';
import { StoreStatusHandler } from './store-status.handler';

@Module({
  imports: [StoreModule],
  controllers: [StoreStatusHandler],
})
export class StatusModule {}
