import { isUuid } from '../db/is-uuid';
import { findCustomerView } from '../views/find-customer-view';
import { QueryHandler } from './query-handler';

/** Also returns a merge tombstone: the caller follows `mergedInto`. */
export const customerById: QueryHandler<'query.customer.by-id'> = async (sql, { customerId }) =>
  isUuid(customerId) ? findCustomerView(sql, customerId) : null;
