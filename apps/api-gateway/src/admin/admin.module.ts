import { Module } from '@nestjs/common';
import { AdminController } from './admin.controller';
import { StoreStatusReader } from './store-status-reader';

@Module({
  controllers: [AdminController],
  providers: [StoreStatusReader],
})
export class AdminModule {}
