import { LinkTelegramCommand, TelegramLoginData } from '@karmabot/contracts';
import { pickExactlyOne } from '../universal/validation/pick-exactly-one';
import { LinkTelegramBody } from './dto/link-telegram.body';

/**
 * The proof a link request carries, exactly one of `code` or `telegram_auth`. Widget data is
 * passed on with only the fields Telegram sent, under Telegram's own names, for the signature.
 */
export function linkProofOf(body: LinkTelegramBody): LinkTelegramCommand['proof'] {
  const kind = pickExactlyOne(body, ['code', 'telegram_auth'] as const);
  if (kind === 'code') return { kind: 'code', code: body.code as string };
  const sent = Object.entries(body.telegram_auth ?? {}).filter(([, value]) => value !== undefined);
  return { kind: 'telegram_auth', data: Object.fromEntries(sent) as TelegramLoginData };
}
