import { TelegramError } from 'telegraf';

/** Seconds Telegram asks us to wait (429 `parameters.retry_after`), or null. */
export function retryAfterSecondsOf(error: unknown): number | null {
  if (!(error instanceof TelegramError) || error.code !== 429) return null;
  const seconds = error.parameters?.retry_after;
  return typeof seconds === 'number' && seconds >= 0 ? seconds : 1;
}

/** 403: the user blocked the bot (or deleted their account); sending again will not help. */
export function isChatUnreachable(error: unknown): boolean {
  return error instanceof TelegramError && error.code === 403;
}

/** A 4xx other than 429: the request itself is wrong (chat not found, message too long); retrying repeats it. */
export function isPermanentTelegramError(error: unknown): boolean {
  return error instanceof TelegramError && error.code >= 400 && error.code < 500 && error.code !== 429;
}
