import { OrderStatus } from '@karmabot/contracts/orders';
import { DomainError } from './domain-error';

export class OrderTransitionInvalid extends DomainError {
  constructor(
    readonly from: OrderStatus,
    readonly to: OrderStatus,
  ) {
    super('ORDER_TRANSITION_INVALID', `An order cannot move from ${from} to ${to}`);
  }
}
