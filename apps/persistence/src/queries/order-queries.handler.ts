import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Patterns, QueryContracts, RpcEnvelope } from '@karmabot/contracts';
import { STORE, Store } from '@karmabot/persistence';
import { RpcErrors } from '../rpc/rpc-errors.decorator';

type Request<P extends keyof QueryContracts> = RpcEnvelope<QueryContracts[P]['request']>;

@RpcErrors()
@Controller()
export class OrderQueriesHandler {
  constructor(@Inject(STORE) private readonly store: Store) {}

  @MessagePattern(Patterns.query.orderById)
  byId(@Payload() envelope: Request<'query.order.by-id'>) {
    return this.store.query(Patterns.query.orderById, envelope.data);
  }

  @MessagePattern(Patterns.query.orderList)
  list(@Payload() envelope: Request<'query.order.list'>) {
    return this.store.query(Patterns.query.orderList, envelope.data);
  }
}
