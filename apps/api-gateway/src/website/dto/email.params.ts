import { ApiProperty } from '@nestjs/swagger';
import { IsEmailAddress } from '../../universal/validation/is-email-address';

export class EmailParams {
  @ApiProperty({ format: 'email', maxLength: 254, example: 'ann@example.com' })
  @IsEmailAddress()
  email: string;
}
