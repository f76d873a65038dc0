import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Patterns, QueryContracts, RpcEnvelope } from '@karmabot/contracts';
import { STORE, Store } from '@karmabot/persistence';
import { RpcErrors } from '../rpc/rpc-errors.decorator';

/** The gateway's key lookup: the only read that answers a secret hash. */
@RpcErrors()
@Controller()
export class ApiKeyQueriesHandler {
  constructor(@Inject(STORE) private readonly store: Store) {}

  @MessagePattern(Patterns.query.apiKeyByPrefix)
  byPrefix(@Payload() envelope: RpcEnvelope<QueryContracts['query.api-key.by-prefix']['request']>) {
    return this.store.query(Patterns.query.apiKeyByPrefix, envelope.data);
  }
}
