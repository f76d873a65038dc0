import { AppError } from '@karmabot/contracts';
import { BotMessages } from '../i18n/bot-messages';

const UNAVAILABLE = new Set([
  'STORE_UNAVAILABLE',
  'UPSTREAM_TIMEOUT',
  'UPSTREAM_UNAVAILABLE',
  'RATE_LIMITED',
]);

/** What the user is told about an error: an outage is named as one, anything else gets a reference to quote. */
export function friendlyErrorText(error: unknown, t: BotMessages, reference: string): string {
  if (error instanceof AppError) {
    if (UNAVAILABLE.has(error.code)) return t.unavailable;
    if (error.code === 'CUSTOMER_NOT_FOUND') return t.notRegistered;
  }
  return t.failed(reference);
}

/** Errors the user caused or an outage explains are expected; anything else is a bug to look at. */
export function isExpectedError(error: unknown): boolean {
  if (!(error instanceof AppError)) return false;
  return error.status < 500 || UNAVAILABLE.has(error.code);
}
