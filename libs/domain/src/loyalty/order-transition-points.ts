import { OrderStatus } from '@karmabot/contracts/orders';
import { LedgerPosting } from './ledger-posting';

export interface OrderTransitionPoints {
  orderId: string;
  from: OrderStatus;
  to: OrderStatus;
  /** Every ledger entry already written for this order, in any order. */
  orderEntries: readonly LedgerPosting[];
  /** The customer's available balance before this transition, from a store (not the cache). */
  availableBalance: number;
}
