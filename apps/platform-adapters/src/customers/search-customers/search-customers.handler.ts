import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Patterns, QueryContracts, RpcEnvelope, SearchCustomersCommand } from '@karmabot/contracts';
import { normalizeEmail } from '@karmabot/domain';
import { PersistenceQueries } from '../../persistence/persistence-queries';
import { callerOf } from '../../rpc/caller-of';

/** Customers across every platform, a page at a time; emails are matched in their one stored spelling. */
@Controller()
export class SearchCustomersHandler {
  constructor(private readonly queries: PersistenceQueries) {}

  @MessagePattern(Patterns.customer.search)
  handle(
    @Payload() { meta, data }: RpcEnvelope<SearchCustomersCommand>,
  ): Promise<QueryContracts['query.customer.search']['response']> {
    const request = { ...data, email: data.email === undefined ? undefined : normalizeEmail(data.email) };
    return this.queries.ask(Patterns.query.customerSearch, request, callerOf(meta));
  }
}
