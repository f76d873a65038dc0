import { OrderView } from '../views/order-view';

/** The result of `order.place` and `order.status_change`: the order as it stands after the op. */
export interface OrderResult {
  order: OrderView;
}
