import { applyDecorators } from '@nestjs/common';
import { IsEmail, IsString, MaxLength } from 'class-validator';
import { Trimmed } from './trimmed';

/** RFC 5321 caps a forward path at 256 octets, i.e. an address at 254. */
const EMAIL_MAX_LENGTH = 254;

export function IsEmailAddress(): PropertyDecorator {
  return applyDecorators(
    Trimmed(),
    IsString(),
    MaxLength(EMAIL_MAX_LENGTH),
    IsEmail({}, { message: '$property must be an email address' }),
  );
}
