import { Module } from '@nestjs/common';
import { CustomersModule } from '../customers/customers.module';
import { PersistenceClientModule } from '../persistence/persistence-client.module';
import { ChangeOrderStatusHandler } from './change-order-status/change-order-status.handler';
import { GetOrderHandler } from './get-order/get-order.handler';
import { OrderFinder } from './order-finder';
import { PlaceOrderHandler } from './place-order/place-order.handler';

@Module({
  imports: [PersistenceClientModule, CustomersModule],
  controllers: [PlaceOrderHandler, GetOrderHandler, ChangeOrderStatusHandler],
  providers: [OrderFinder],
})
export class OrdersModule {}
