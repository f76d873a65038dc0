import { Module } from '@nestjs/common';
import { StoreModule } from '../store/store.module';
import { ApiKeyQueriesHandler } from './api-key-queries.handler';
import { CustomerQueriesHandler } from './customer-queries.handler';
import { LoyaltyQueriesHandler } from './loyalty-queries.handler';
import { OpQueriesHandler } from './op-queries.handler';
import { OrderQueriesHandler } from './order-queries.handler';

@Module({
  imports: [StoreModule],
  controllers: [
    CustomerQueriesHandler,
    OrderQueriesHandler,
    LoyaltyQueriesHandler,
    ApiKeyQueriesHandler,
    OpQueriesHandler,
  ],
})
export class QueriesModule {}
