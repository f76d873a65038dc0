import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { Trimmed } from '../../universal/validation/trimmed';
import { TelegramAuthBody } from './telegram-auth.body';

/** Exactly one proof that the caller controls the Telegram account; never a bare telegram_id. */
export class LinkTelegramBody {
  @ApiPropertyOptional({
    minLength: 1,
    maxLength: 32,
    example: 'K7XQ2MPA',
    description:
      "One-time code issued for the Telegram account: POST /v1/telegram/users/{id}/link-code or the bot's /link " +
      '(8 characters, 10 minutes, single use)',
  })
  @IsOptional()
  @Trimmed()
  @IsString()
  @Length(1, 32)
  code?: string;

  @ApiPropertyOptional({
    type: TelegramAuthBody,
    description: 'Telegram Login Widget data, verified by its signature',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => TelegramAuthBody)
  telegram_auth?: TelegramAuthBody;
}
