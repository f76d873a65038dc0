import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsTelegramId } from '../../universal/validation/is-telegram-id';

/**
 * Telegram Login Widget data (https://core.telegram.org/widgets/login). Nothing here is
 * trimmed or renamed: the signature covers the fields exactly as Telegram sent them.
 */
export class TelegramAuthBody {
  @ApiProperty({
    oneOf: [
      { type: 'integer', minimum: 1 },
      { type: 'string', pattern: '^[1-9][0-9]{0,19}$' },
    ],
  })
  @IsTelegramId()
  id: string;

  @ApiPropertyOptional({ maxLength: 256 })
  @IsOptional()
  @IsString()
  @MaxLength(256)
  first_name?: string;

  @ApiPropertyOptional({ maxLength: 256 })
  @IsOptional()
  @IsString()
  @MaxLength(256)
  last_name?: string;

  @ApiPropertyOptional({ maxLength: 256 })
  @IsOptional()
  @IsString()
  @MaxLength(256)
  username?: string;

  @ApiPropertyOptional({ maxLength: 2048 })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  photo_url?: string;

  @ApiProperty({
    description: 'Unix time of the login; accepted for a day',
    oneOf: [{ type: 'integer' }, { type: 'string' }],
  })
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? String(value) : value,
  )
  @IsString({ message: '$property must be a Unix time in seconds' })
  @Matches(/^\d{1,15}$/, { message: '$property must be a Unix time in seconds' })
  auth_date: string;

  @ApiProperty({ pattern: '^[0-9a-f]{64}$', description: 'HMAC-SHA-256 by Telegram, hex' })
  @IsString()
  @Matches(/^[0-9a-fA-F]{64}$/, { message: '$property must be 64 hex digits' })
  hash: string;
}
