import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { OrderStatus } from '@karmabot/contracts';
import { Trimmed } from '../../universal/validation/trimmed';

/** Every status an order can move to; `pending` is only where orders start. */
const TARGET_STATUSES = [
  'paid',
  'fulfilled',
  'cancelled',
  'refunded',
] as const satisfies readonly OrderStatus[];

export class ChangeOrderStatusBody {
  @ApiProperty({
    enum: TARGET_STATUSES,
    description:
      'paid, fulfilled and refunded need the admin token or a merchant key; any platform key may cancel',
  })
  @IsIn(TARGET_STATUSES)
  status: (typeof TARGET_STATUSES)[number];

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @Trimmed()
  @IsString()
  @Length(1, 500)
  reason?: string;
}
