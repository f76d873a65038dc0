import { UseFilters } from '@nestjs/common';
import { Command, Ctx, Update } from 'nestjs-telegraf';
import { BotContext } from '../context/bot-context';
import { BotErrorFilter } from '../errors/bot-error.filter';
import { OrdersReply } from '../replies/orders-reply';

@Update()
@UseFilters(BotErrorFilter)
export class OrdersUpdate {
  constructor(private readonly orders: OrdersReply) {}

  @Command('orders')
  async showOrders(@Ctx() ctx: BotContext): Promise<void> {
    await this.orders.send(ctx);
  }
}
