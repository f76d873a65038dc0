import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { LoyaltySummaryCommand, LoyaltySummaryView, Patterns, RpcEnvelope } from '@karmabot/contracts';
import { CustomerResolver } from '../../customers/customer-resolver';
import { PersistenceQueries } from '../../persistence/persistence-queries';
import { callerOf } from '../../rpc/caller-of';
import { RECENT_ENTRIES_LIMIT } from '../recent-entries-limit';

/** Balance, pending points, tier and recent entries of the customer behind one identity. */
@Controller()
export class LoyaltySummaryHandler {
  constructor(
    private readonly customers: CustomerResolver,
    private readonly queries: PersistenceQueries,
  ) {}

  @MessagePattern(Patterns.loyalty.summary)
  async handle(@Payload() { meta, data }: RpcEnvelope<LoyaltySummaryCommand>): Promise<LoyaltySummaryView> {
    const caller = callerOf(meta);
    const customer = await this.customers.resolve(data.customer, caller);
    return this.queries.ask(
      Patterns.query.loyaltyLedger,
      { customerId: customer.id, recentLimit: RECENT_ENTRIES_LIMIT },
      caller,
    );
  }
}
