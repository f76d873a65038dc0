import { Injectable } from '@nestjs/common';
import { AppError, Caller, OrderView, Patterns } from '@karmabot/contracts';
import { PersistenceQueries } from '../persistence/persistence-queries';

/** An order by id, or ORDER_NOT_FOUND: the one place that decides which 404 a missing order is. */
@Injectable()
export class OrderFinder {
  constructor(private readonly queries: PersistenceQueries) {}

  async find(orderId: string, caller: Caller): Promise<OrderView> {
    const order = await this.queries.ask(Patterns.query.orderById, { orderId }, caller);
    if (!order) throw new AppError('ORDER_NOT_FOUND', 'No order with this id');
    return order;
  }
}
