import { Module } from '@nestjs/common';
import { CustomersModule } from '../customers/customers.module';
import { PersistenceClientModule } from '../persistence/persistence-client.module';
import { LoyaltySummaryHandler } from './loyalty-summary/loyalty-summary.handler';
import { UnifiedLoyaltyHandler } from './unified-loyalty/unified-loyalty.handler';

@Module({
  imports: [PersistenceClientModule, CustomersModule],
  controllers: [LoyaltySummaryHandler, UnifiedLoyaltyHandler],
})
export class LoyaltyModule {}
