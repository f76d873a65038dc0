import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { IsEmailAddress } from '../../universal/validation/is-email-address';
import { Trimmed } from '../../universal/validation/trimmed';

export class RegisterWebsiteUserBody {
  @ApiProperty({ format: 'email', maxLength: 254, example: 'ann@example.com' })
  @IsEmailAddress()
  email: string;

  /** Not trimmed: spaces may be part of a password. Hashed in platform-adapters, never stored or returned. */
  @ApiProperty({ format: 'password', minLength: 8, maxLength: 200, writeOnly: true })
  @IsString()
  @Length(8, 200)
  password: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 100, example: 'Ann' })
  @IsOptional()
  @Trimmed()
  @IsString()
  @Length(1, 100)
  display_name?: string;
}
