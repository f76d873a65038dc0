import { ApiProperty } from '@nestjs/swagger';

export class OrderItemResponse {
  @ApiProperty()
  sku: string;

  @ApiProperty()
  name: string;

  @ApiProperty()
  qty: number;

  @ApiProperty({ description: 'Minor units' })
  unit_price_minor: number;
}
