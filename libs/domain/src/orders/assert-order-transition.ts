import { OrderStatus } from '@karmabot/contracts/orders';
import { OrderTransitionInvalid } from '../errors/order-transition-invalid';
import { canTransitionOrder } from './can-transition-order';

export function assertOrderTransition(from: OrderStatus, to: OrderStatus): void {
  if (!canTransitionOrder(from, to)) throw new OrderTransitionInvalid(from, to);
}
