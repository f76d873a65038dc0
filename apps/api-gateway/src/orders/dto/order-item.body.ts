import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Length, Max, Min } from 'class-validator';
import { Trimmed } from '../../universal/validation/trimmed';

/** One line of an order. Bounds keep any order's total far inside a safe integer. */
export class OrderItemBody {
  @ApiProperty({ minLength: 1, maxLength: 64, example: 'TEA-001' })
  @Trimmed()
  @IsString()
  @Length(1, 64)
  sku: string;

  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Green tea' })
  @Trimmed()
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 10_000, example: 2 })
  @IsInt()
  @Min(1)
  @Max(10_000)
  qty: number;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: 1e12,
    example: 450,
    description: 'Price of one unit in minor units (cents)',
  })
  @IsInt()
  @Min(0)
  @Max(1e12)
  unit_price_minor: number;
}
