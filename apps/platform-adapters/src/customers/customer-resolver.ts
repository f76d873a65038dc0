import { Injectable } from '@nestjs/common';
import { AppError, Caller, CustomerRef, CustomerView, Patterns } from '@karmabot/contracts';
import { normalizeEmail } from '@karmabot/domain';
import { PersistenceQueries } from '../persistence/persistence-queries';

/** A chain of merges longer than this is a data fault, not a customer: stop rather than loop. */
const MAX_MERGE_HOPS = 8;

/**
 * The one place a platform identity becomes a customer: telegram id, email or customer id →
 * the live customer. A merged customer stays as a tombstone pointing at the one that absorbed
 * it, so the chain is followed and a client holding an old id still reaches the live customer.
 */
@Injectable()
export class CustomerResolver {
  constructor(private readonly queries: PersistenceQueries) {}

  async resolve(ref: CustomerRef, caller?: Caller): Promise<CustomerView> {
    let customer = await this.find(ref, caller);
    for (let hops = 0; customer?.mergedInto && hops < MAX_MERGE_HOPS; hops++) {
      customer = await this.queries.ask(
        Patterns.query.customerById,
        { customerId: customer.mergedInto },
        caller,
      );
    }
    if (!customer || customer.mergedInto) {
      throw new AppError('CUSTOMER_NOT_FOUND', `No customer with this ${describe(ref)}`);
    }
    return customer;
  }

  private find(ref: CustomerRef, caller?: Caller): Promise<CustomerView | null> {
    if ('customerId' in ref) {
      return this.queries.ask(Patterns.query.customerById, { customerId: ref.customerId }, caller);
    }
    const identity =
      'telegramId' in ref
        ? { platform: 'telegram' as const, externalId: ref.telegramId }
        : { platform: 'website' as const, externalId: normalizeEmail(ref.email) };
    return this.queries.ask(Patterns.query.customerByIdentity, identity, caller);
  }
}

function describe(ref: CustomerRef): string {
  if ('customerId' in ref) return 'customer_id';
  return 'telegramId' in ref ? 'telegram_id' : 'email';
}
