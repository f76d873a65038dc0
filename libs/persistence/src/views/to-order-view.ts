import { OrderView } from '@karmabot/contracts';
import { OrderRow } from '../rows/order-row';
import { toSafeNumber } from '../rows/to-safe-number';

export function toOrderView(row: OrderRow): OrderView {
  return {
    id: row.id,
    customerId: row.customer_id,
    platform: row.platform,
    partnerId: row.partner_id,
    status: row.status,
    currency: row.currency,
    items: row.items,
    subtotalMinor: toSafeNumber(row.subtotal_minor, 'orders.subtotal_minor'),
    discountMinor: toSafeNumber(row.discount_minor, 'orders.discount_minor'),
    totalMinor: toSafeNumber(row.total_minor, 'orders.total_minor'),
    pointsEarned: row.points_earned,
    pointsRedeemed: row.points_redeemed,
    opId: row.op_id,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
