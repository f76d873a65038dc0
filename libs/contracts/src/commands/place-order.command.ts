import { OrderItem } from '../orders';
import { Platform } from '../platforms';
import { CustomerRef } from './customer-ref';
import { WriteMeta } from './write-meta';

/** No total: it is computed from the items, never taken from a client. */
export interface PlaceOrderCommand extends WriteMeta {
  customer: CustomerRef;
  /** The platform the order is attributed to; the caller's key must hold this scope. */
  platform: Platform;
  partnerId?: string;
  items: OrderItem[];
  currency: string;
  redeemPoints?: number;
}
