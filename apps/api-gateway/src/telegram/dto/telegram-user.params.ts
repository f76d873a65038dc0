import { ApiProperty } from '@nestjs/swagger';
import { IsTelegramId } from '../../universal/validation/is-telegram-id';

export class TelegramUserParams {
  @ApiProperty({ description: 'Telegram user id', pattern: '^[1-9][0-9]{0,19}$', example: '123456789' })
  @IsTelegramId()
  id: string;
}
