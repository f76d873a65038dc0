import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { BCP47_LOCALE } from '../../universal/validation/bcp47-locale';
import { IsTelegramId } from '../../universal/validation/is-telegram-id';
import { Trimmed } from '../../universal/validation/trimmed';

export class RegisterTelegramUserBody {
  @ApiProperty({
    description: 'Telegram user id, as a string of digits or a positive integer; answered as a string',
    oneOf: [
      { type: 'string', pattern: '^[1-9][0-9]{0,19}$' },
      { type: 'integer', minimum: 1 },
    ],
    example: '123456789',
  })
  @IsTelegramId()
  telegram_id: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 64, example: 'ann_k' })
  @IsOptional()
  @Trimmed()
  @IsString()
  @Length(1, 64)
  username?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 64, example: 'Ann' })
  @IsOptional()
  @Trimmed()
  @IsString()
  @Length(1, 64)
  first_name?: string;

  @ApiPropertyOptional({ maxLength: 35, example: 'en' })
  @IsOptional()
  @Trimmed()
  @IsString()
  @Length(2, 35)
  @Matches(BCP47_LOCALE, { message: '$property must be a BCP 47 language tag, e.g. en or pt-BR' })
  language_code?: string;
}
