import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Patterns, QueryEnvelope } from '@karmabot/contracts';
import { STORE, Store } from '@karmabot/persistence';

@Controller()
export class OrderQueriesHandler {
  constructor(@Inject(STORE) private readonly store: Store) {}

  @MessagePattern(Patterns.query.orderById)
  byId(@Payload() envelope: QueryEnvelope<'query.order.by-id'>) {
    return this.store.query(Patterns.query.orderById, envelope.data);
  }

  @MessagePattern(Patterns.query.orderList)
  list(@Payload() envelope: QueryEnvelope<'query.order.list'>) {
    return this.store.query(Patterns.query.orderList, envelope.data);
  }
}
