import { Module } from '@nestjs/common';
import { PersistenceClientModule } from '../persistence/persistence-client.module';
import { GetOpHandler } from './get-op/get-op.handler';

@Module({
  imports: [PersistenceClientModule],
  controllers: [GetOpHandler],
})
export class OpsModule {}
