import { OrderItem, OrderStatus, Platform } from '@karmabot/contracts';

/** An `orders` row; pg returns bigint columns as strings, converted by the view mapper. */
export interface OrderRow {
  id: string;
  customer_id: string;
  platform: Platform;
  partner_id: string | null;
  status: OrderStatus;
  currency: string;
  items: OrderItem[];
  subtotal_minor: string;
  discount_minor: string;
  total_minor: string;
  points_earned: number;
  points_redeemed: number;
  op_id: string;
  created_at: Date;
  updated_at: Date;
}
