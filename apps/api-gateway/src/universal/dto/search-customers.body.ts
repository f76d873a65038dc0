import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { PLATFORMS, Platform } from '@karmabot/contracts';
import { E164_PHONE } from '../validation/e164-phone';
import { IsEmailAddress } from '../validation/is-email-address';
import { IsTelegramId } from '../validation/is-telegram-id';
import { Trimmed } from '../validation/trimmed';

/** Exactly one of query, email, telegram_id, phone; `platform` keeps customers with an identity there. */
export class SearchCustomersBody {
  @ApiPropertyOptional({
    minLength: 1,
    maxLength: 200,
    description: 'Free text over name, email, phone and usernames',
  })
  @IsOptional()
  @Trimmed()
  @IsString()
  @Length(1, 200)
  query?: string;

  @ApiPropertyOptional({ format: 'email', maxLength: 254 })
  @IsOptional()
  @IsEmailAddress()
  email?: string;

  @ApiPropertyOptional({
    oneOf: [
      { type: 'string', pattern: '^[1-9][0-9]{0,19}$' },
      { type: 'integer', minimum: 1 },
    ],
  })
  @IsOptional()
  @IsTelegramId()
  telegram_id?: string;

  @ApiPropertyOptional({ pattern: E164_PHONE.source, example: '+4915112345678' })
  @IsOptional()
  @Trimmed()
  @IsString()
  @Matches(E164_PHONE, { message: '$property must be an E.164 number, e.g. +4915112345678' })
  phone?: string;

  @ApiPropertyOptional({ enum: PLATFORMS })
  @IsOptional()
  @IsIn(PLATFORMS)
  platform?: Platform;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ maxLength: 512, description: '`next_cursor` of the previous page' })
  @IsOptional()
  @IsString()
  @Length(1, 512)
  cursor?: string;
}
