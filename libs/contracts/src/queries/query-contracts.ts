import { DataSource } from '../failover/store-mode';
import { Platform } from '../platforms';
import { RpcEnvelope } from '../rpc/rpc-envelope';
import { OpOutcome } from '../ops/op-outcome';
import { ApiKeyRecord } from '../views/api-key-view';
import { CustomerView } from '../views/customer-view';
import { LoyaltySummaryView } from '../views/loyalty-view';
import { OrderView } from '../views/order-view';

/**
 * Request and response of every read persistence serves. A missing row is `null`, never an
 * error: the caller knows which 404 to raise.
 */
export interface QueryContracts {
  'query.customer.by-identity': {
    request: { platform: Platform; externalId: string };
    response: CustomerView | null;
  };
  /** Returns the row even when it is a merge tombstone; callers follow `mergedInto`. */
  'query.customer.by-id': {
    request: { customerId: string };
    response: CustomerView | null;
  };
  'query.customer.search': {
    request: {
      query?: string;
      email?: string;
      telegramId?: string;
      phone?: string;
      platform?: Platform;
      limit: number;
      cursor?: string;
    };
    response: { items: CustomerView[]; nextCursor: string | null; source?: DataSource };
  };
  'query.order.by-id': {
    request: { orderId: string };
    response: OrderView | null;
  };
  'query.order.list': {
    request: { customerId: string; limit: number };
    response: OrderView[];
  };
  'query.loyalty.ledger': {
    request: { customerId: string; recentLimit: number };
    response: LoyaltySummaryView;
  };
  'query.api-key.by-prefix': {
    request: { prefix: string };
    response: ApiKeyRecord | null;
  };
  'op.get': {
    request: { opId: string };
    response: (OpOutcome & { actor: string }) | null;
  };
}

export type QueryPattern = keyof QueryContracts;

/** The envelope a query handler receives for pattern `P`. */
export type QueryEnvelope<P extends QueryPattern> = RpcEnvelope<QueryContracts[P]['request']>;
