import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { GetOrderCommand, OrderView, Patterns, RpcEnvelope } from '@karmabot/contracts';
import { callerOf } from '../../rpc/caller-of';
import { OrderFinder } from '../order-finder';

@Controller()
export class GetOrderHandler {
  constructor(private readonly orders: OrderFinder) {}

  @MessagePattern(Patterns.order.get)
  handle(@Payload() { meta, data }: RpcEnvelope<GetOrderCommand>): Promise<OrderView> {
    return this.orders.find(data.orderId, callerOf(meta));
  }
}
