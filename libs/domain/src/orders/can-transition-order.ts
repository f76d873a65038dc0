import { OrderStatus } from '@karmabot/contracts/orders';
import { ORDER_TRANSITIONS } from './order-transitions';

export function canTransitionOrder(from: OrderStatus, to: OrderStatus): boolean {
  // hasOwn guards against statuses read from the wire such as "constructor".
  return Object.hasOwn(ORDER_TRANSITIONS, from) && ORDER_TRANSITIONS[from].includes(to);
}
