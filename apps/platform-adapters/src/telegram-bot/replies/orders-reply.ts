import { Injectable } from '@nestjs/common';
import { BotContext } from '../context/bot-context';
import { BotCustomers } from '../customer/bot-customers';
import { formatMoney } from '../i18n/format-money';
import { BotUseCases } from '../use-cases/bot-use-cases';
import { dayOf, shortId } from './short-id';

const RECENT_ORDERS = 10;

/** `/orders`: the last 10 orders, newest first, each with its status. */
@Injectable()
export class OrdersReply {
  constructor(
    private readonly customers: BotCustomers,
    private readonly useCases: BotUseCases,
  ) {}

  async send(ctx: BotContext): Promise<void> {
    const t = ctx.state.t;
    await this.customers.ensure(ctx);
    const orders = await this.useCases.recentOrders(String(ctx.from!.id), RECENT_ORDERS);
    if (orders.length === 0) {
      await ctx.reply(t.ordersEmpty);
      return;
    }
    const lines = orders.map((order, i) =>
      t.orderLine(
        i + 1,
        shortId(order.id),
        dayOf(order.createdAt),
        formatMoney(order.totalMinor, order.currency, t.locale),
        t.orderStatus[order.status],
      ),
    );
    await ctx.reply([t.ordersTitle(orders.length), ...lines].join('\n'));
  }
}
