import { OrderStatus } from '@karmabot/contracts/orders';

/**
 * The order state machine, as data so persistence and the dashboard can show it. `cancelled`
 * and `refunded` are terminal, which is what makes a reversal of points happen at most once.
 */
export const ORDER_TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = Object.freeze({
  pending: ['paid', 'cancelled'],
  paid: ['fulfilled', 'cancelled', 'refunded'],
  fulfilled: ['refunded'],
  cancelled: [],
  refunded: [],
});
