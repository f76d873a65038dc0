import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { IsEmailAddress } from '../validation/is-email-address';
import { IsTelegramId } from '../validation/is-telegram-id';

/** A customer named by exactly one of its identities (checked by customerRefOf). */
export class CustomerRefBody {
  @ApiPropertyOptional({
    oneOf: [
      { type: 'string', pattern: '^[1-9][0-9]{0,19}$' },
      { type: 'integer', minimum: 1 },
    ],
    example: '123456789',
  })
  @IsOptional()
  @IsTelegramId()
  telegram_id?: string;

  @ApiPropertyOptional({ format: 'email', maxLength: 254 })
  @IsOptional()
  @IsEmailAddress()
  email?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'A customer id; a merged customer’s id leads to the live one',
  })
  @IsOptional()
  @IsUUID('all', { message: '$property must be a UUID' })
  customer_id?: string;
}
