import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import { PLATFORMS, Platform } from '@karmabot/contracts';
import { PlaceOrderBody } from '../../orders/dto/place-order.body';
import { Trimmed } from '../validation/trimmed';
import { CustomerRefBody } from './customer-ref.body';

export class CrossPlatformOrderBody extends PlaceOrderBody {
  @ApiProperty({ type: CustomerRefBody, description: 'Exactly one of telegram_id, email, customer_id' })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => CustomerRefBody)
  customer: CustomerRefBody;

  @ApiProperty({
    enum: PLATFORMS,
    description: 'The platform the order is attributed to; the API key needs its scope',
  })
  @IsIn(PLATFORMS)
  platform: Platform;

  @ApiPropertyOptional({ minLength: 1, maxLength: 100, description: 'The partner an order came through' })
  @IsOptional()
  @Trimmed()
  @IsString()
  @Length(1, 100)
  @Matches(/^[A-Za-z0-9._:-]+$/, { message: '$property may hold letters, digits and . _ : - only' })
  partner_id?: string;
}
