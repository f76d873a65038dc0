import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Patterns, QueryEnvelope } from '@karmabot/contracts';
import { STORE, Store } from '@karmabot/persistence';

/** `op.get`: an op's stored decision and its actor, null once past retention. */
@Controller()
export class OpQueriesHandler {
  constructor(@Inject(STORE) private readonly store: Store) {}

  @MessagePattern(Patterns.op.get)
  get(@Payload() envelope: QueryEnvelope<'op.get'>) {
    return this.store.query(Patterns.op.get, envelope.data);
  }
}
