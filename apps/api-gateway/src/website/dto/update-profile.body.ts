import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Length, Matches, MaxLength, ValidateIf } from 'class-validator';
import { BCP47_LOCALE } from '../../universal/validation/bcp47-locale';
import { E164_PHONE } from '../../universal/validation/e164-phone';
import { Trimmed } from '../../universal/validation/trimmed';

/** Sent fields change; absent fields stay; `null` clears a field. */
const isSet = (_: object, value: unknown) => value !== undefined && value !== null;

export class UpdateProfileBody {
  @ApiPropertyOptional({ type: String, nullable: true, minLength: 1, maxLength: 100 })
  @ValidateIf(isSet)
  @Trimmed()
  @IsString()
  @Length(1, 100)
  display_name?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    pattern: E164_PHONE.source,
    example: '+4915112345678',
  })
  @ValidateIf(isSet)
  @Trimmed()
  @IsString()
  @Matches(E164_PHONE, { message: '$property must be an E.164 number, e.g. +4915112345678' })
  phone?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 35, example: 'de-DE' })
  @ValidateIf(isSet)
  @Trimmed()
  @IsString()
  @MaxLength(35)
  @Matches(BCP47_LOCALE, { message: '$property must be a BCP 47 language tag, e.g. en or pt-BR' })
  locale?: string | null;
}
