import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Patterns, QueryContracts, RpcEnvelope } from '@karmabot/contracts';
import { STORE, Store } from '@karmabot/persistence';
import { RpcErrors } from '../rpc/rpc-errors.decorator';

@RpcErrors()
@Controller()
export class LoyaltyQueriesHandler {
  constructor(@Inject(STORE) private readonly store: Store) {}

  @MessagePattern(Patterns.query.loyaltyLedger)
  ledger(@Payload() envelope: RpcEnvelope<QueryContracts['query.loyalty.ledger']['request']>) {
    return this.store.query(Patterns.query.loyaltyLedger, envelope.data);
  }
}
