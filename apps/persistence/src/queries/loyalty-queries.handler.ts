import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Patterns, QueryEnvelope } from '@karmabot/contracts';
import { STORE, Store } from '@karmabot/persistence';

@Controller()
export class LoyaltyQueriesHandler {
  constructor(@Inject(STORE) private readonly store: Store) {}

  @MessagePattern(Patterns.query.loyaltyLedger)
  ledger(@Payload() envelope: QueryEnvelope<'query.loyalty.ledger'>) {
    return this.store.query(Patterns.query.loyaltyLedger, envelope.data);
  }
}
