import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Patterns, QueryEnvelope } from '@karmabot/contracts';
import { STORE, Store } from '@karmabot/persistence';

/** The gateway's key lookup: the only read that answers a secret hash. */
@Controller()
export class ApiKeyQueriesHandler {
  constructor(@Inject(STORE) private readonly store: Store) {}

  @MessagePattern(Patterns.query.apiKeyByPrefix)
  byPrefix(@Payload() envelope: QueryEnvelope<'query.api-key.by-prefix'>) {
    return this.store.query(Patterns.query.apiKeyByPrefix, envelope.data);
  }
}
