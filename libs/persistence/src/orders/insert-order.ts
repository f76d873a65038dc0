import { OrderItem, OrderStatus, Platform } from '@karmabot/contracts';
import { Sql } from '../db/sql';
import { OrderRow } from '../rows/order-row';

export interface NewOrder {
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
  /** The op's `at`: created_at and updated_at on every store. */
  at: string;
}

export async function insertOrder(tx: Sql, order: NewOrder): Promise<OrderRow> {
  const { rows } = await tx.query<OrderRow>(
    `INSERT INTO orders (id, customer_id, platform, partner_id, status, currency, items, subtotal_minor,
                         discount_minor, total_minor, points_earned, points_redeemed, op_id, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14)
     RETURNING *`,
    [
      order.id,
      order.customerId,
      order.platform,
      order.partnerId,
      order.status,
      order.currency,
      JSON.stringify(order.items),
      order.subtotalMinor,
      order.discountMinor,
      order.totalMinor,
      order.pointsEarned,
      order.pointsRedeemed,
      order.opId,
      order.at,
    ],
  );
  return rows[0];
}
