import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Patterns, QueryEnvelope } from '@karmabot/contracts';
import { STORE, Store } from '@karmabot/persistence';

/** Customer reads. A customer that does not exist is answered as null: the caller picks the 404. */
@Controller()
export class CustomerQueriesHandler {
  constructor(@Inject(STORE) private readonly store: Store) {}

  @MessagePattern(Patterns.query.customerByIdentity)
  byIdentity(@Payload() envelope: QueryEnvelope<'query.customer.by-identity'>) {
    return this.store.query(Patterns.query.customerByIdentity, envelope.data);
  }

  @MessagePattern(Patterns.query.customerById)
  byId(@Payload() envelope: QueryEnvelope<'query.customer.by-id'>) {
    return this.store.query(Patterns.query.customerById, envelope.data);
  }

  @MessagePattern(Patterns.query.customerSearch)
  search(@Payload() envelope: QueryEnvelope<'query.customer.search'>) {
    return this.store.query(Patterns.query.customerSearch, envelope.data);
  }
}
