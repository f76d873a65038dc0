import { Sourced } from '../failover/store-mode';
import { Platform } from '../platforms';
import { OrderItem, OrderStatus } from '../orders';

export interface OrderView extends Sourced {
  id: string;
  customerId: string;
  platform: Platform;
  partnerId: string | null;
  status: OrderStatus;
  currency: string;
  items: OrderItem[];
  subtotalMinor: number;
  discountMinor: number;
  totalMinor: number;
  pointsEarned: number;
  pointsRedeemed: number;
  opId: string;
  createdAt: string;
  updatedAt: string;
}
