import { QueryPattern } from '@karmabot/contracts';
import { apiKeyByPrefix } from './api-key-by-prefix.query';
import { customerById } from './customer-by-id.query';
import { customerByIdentity } from './customer-by-identity.query';
import { customerSearch } from './customer-search.query';
import { loyaltyLedger } from './loyalty-ledger.query';
import { opGet } from './op-get.query';
import { orderById } from './order-by-id.query';
import { orderList } from './order-list.query';
import { QueryHandler } from './query-handler';

/** The handler of every read in QueryContracts; the mapped type makes a missing one a compile error. */
export const QUERY_HANDLERS: { readonly [P in QueryPattern]: QueryHandler<P> } = {
  'query.customer.by-identity': customerByIdentity,
  'query.customer.by-id': customerById,
  'query.customer.search': customerSearch,
  'query.order.by-id': orderById,
  'query.order.list': orderList,
  'query.loyalty.ledger': loyaltyLedger,
  'query.api-key.by-prefix': apiKeyByPrefix,
  'op.get': opGet,
};
