import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Patterns, RpcEnvelope, UnifiedLoyaltyCommand, UnifiedLoyaltyView } from '@karmabot/contracts';
import { CustomerResolver } from '../../customers/customer-resolver';
import { PersistenceQueries } from '../../persistence/persistence-queries';
import { callerOf } from '../../rpc/caller-of';
import { RECENT_ENTRIES_LIMIT } from '../recent-entries-limit';

/**
 * One balance over every identity of a person. A merge moves the absorbed customer's ledger to
 * the live customer, so the live customer's ledger is the whole story; any identity (or a
 * tombstone's id) leads there through the resolver.
 */
@Controller()
export class UnifiedLoyaltyHandler {
  constructor(
    private readonly customers: CustomerResolver,
    private readonly queries: PersistenceQueries,
  ) {}

  @MessagePattern(Patterns.loyalty.unified)
  async handle(@Payload() { meta, data }: RpcEnvelope<UnifiedLoyaltyCommand>): Promise<UnifiedLoyaltyView> {
    const caller = callerOf(meta);
    const customer = await this.customers.resolve(data.customer, caller);
    const summary = await this.queries.ask(
      Patterns.query.loyaltyLedger,
      { customerId: customer.id, recentLimit: RECENT_ENTRIES_LIMIT },
      caller,
    );
    return { ...summary, customerId: customer.id, identities: customer.identities };
  }
}
