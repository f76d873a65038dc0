import { OrderStatus } from '../orders';
import { WriteMeta } from './write-meta';

export interface ChangeOrderStatusCommand extends WriteMeta {
  orderId: string;
  status: OrderStatus;
  reason?: string;
}
