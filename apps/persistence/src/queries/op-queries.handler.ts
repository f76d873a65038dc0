import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Patterns, QueryContracts, RpcEnvelope } from '@karmabot/contracts';
import { STORE, Store } from '@karmabot/persistence';
import { RpcErrors } from '../rpc/rpc-errors.decorator';

/** `op.get`: an op's stored decision and its actor, null once past retention. */
@RpcErrors()
@Controller()
export class OpQueriesHandler {
  constructor(@Inject(STORE) private readonly store: Store) {}

  @MessagePattern(Patterns.op.get)
  get(@Payload() envelope: RpcEnvelope<QueryContracts['op.get']['request']>) {
    return this.store.query(Patterns.op.get, envelope.data);
  }
}
