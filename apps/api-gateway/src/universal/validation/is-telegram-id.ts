import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { Matches } from 'class-validator';

/** Telegram ids are positive integers; as text, no leading zero, so one id has one spelling. */
const TELEGRAM_ID_PATTERN = /^[1-9]\d{0,19}$/;

/**
 * A Telegram id sent as a string of digits or as a positive JSON integer, kept as a string:
 * ids can outgrow what a double holds exactly, and a string is what identities store. A number
 * past 2^53 is left as a number and refused, since it may already have been rounded.
 * (`Matches` refuses non-strings too, so a wrong type gets the same single message.)
 */
export function IsTelegramId(): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? String(value) : value,
    ),
    Matches(TELEGRAM_ID_PATTERN, {
      message: '$property must be a positive integer or a string of 1 to 20 digits without a leading zero',
    }),
  );
}
