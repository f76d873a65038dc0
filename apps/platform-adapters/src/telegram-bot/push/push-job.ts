import { OrderStatus, OrderView, Platform } from '@karmabot/contracts';

/** What a push says about an order: the facts only, rendered in the chat's language when sent. */
export interface PushedOrder {
  id: string;
  status: OrderStatus;
  platform: Platform;
  totalMinor: number;
  currency: string;
  pointsEarned: number;
  pointsRedeemed: number;
}

/**
 * One message for one chat (or for whichever chat a customer has), as a BullMQ job:
 * - `order_changed`: an order's status moved, or an order was placed outside the bot, with
 *   the loyalty change it brings;
 * - `queued_order_applied` / `queued_order_rejected`: the fate of an order the bot had to queue.
 */
export type PushJob =
  | { kind: 'order_changed'; change: 'status' | 'placed'; customerId: string; order: PushedOrder }
  | { kind: 'queued_order_applied'; chatId: string; order: PushedOrder }
  | { kind: 'queued_order_rejected'; chatId: string; reason: string };

export function pushedOrder(order: OrderView): PushedOrder {
  return {
    id: order.id,
    status: order.status,
    platform: order.platform,
    totalMinor: order.totalMinor,
    currency: order.currency,
    pointsEarned: order.pointsEarned,
    pointsRedeemed: order.pointsRedeemed,
  };
}
