import { ApiProperty } from '@nestjs/swagger';
import { ORDER_STATUSES, OrderStatus, PLATFORMS, Platform } from '@karmabot/contracts';
import { OrderItemResponse } from './order-item.response';

export class OrderResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  customer_id: string;

  @ApiProperty({ enum: PLATFORMS, description: 'The platform the order came from' })
  platform: Platform;

  @ApiProperty({ type: String, nullable: true })
  partner_id: string | null;

  @ApiProperty({ enum: ORDER_STATUSES })
  status: OrderStatus;

  @ApiProperty({ example: 'EUR' })
  currency: string;

  @ApiProperty({ type: [OrderItemResponse] })
  items: OrderItemResponse[];

  @ApiProperty({ description: 'Sum of qty × unit_price_minor, computed by the server' })
  subtotal_minor: number;

  @ApiProperty({ description: 'Paid with redeemed points' })
  discount_minor: number;

  @ApiProperty()
  total_minor: number;

  @ApiProperty()
  points_earned: number;

  @ApiProperty()
  points_redeemed: number;

  @ApiProperty({
    format: 'uuid',
    description: 'In a GET: the op that placed the order; in a write answer: the op of that write',
  })
  op_id: string;

  @ApiProperty({ format: 'date-time' })
  created_at: string;

  @ApiProperty({ format: 'date-time' })
  updated_at: string;
}
