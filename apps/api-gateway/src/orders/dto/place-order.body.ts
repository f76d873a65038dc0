import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { OrderItemBody } from './order-item.body';

/**
 * An order as a client places it. There is no `total`: the server computes it from the items,
 * and a client sending one is told the field is not allowed.
 */
export class PlaceOrderBody {
  @ApiProperty({ type: [OrderItemBody], minItems: 1, maxItems: 100 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => OrderItemBody)
  items: OrderItemBody[];

  @ApiProperty({ pattern: '^[A-Z]{3}$', example: 'EUR', description: 'ISO 4217 code, upper case' })
  @IsString()
  @Matches(/^[A-Z]{3}$/, { message: '$property must be an ISO 4217 code in upper case' })
  currency: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 1e12,
    description: 'Loyalty points to spend on this order',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1e12)
  redeem_points?: number;
}
