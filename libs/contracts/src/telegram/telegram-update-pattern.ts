/**
 * The gateway's Telegram webhook forwards each raw Bot API update to platform-adapters under
 * this pattern. Kept beside `Patterns` until it joins that list (`Patterns.telegram.update`).
 */
export const TELEGRAM_UPDATE_PATTERN: string = 'telegram.update';

/** What platform-adapters answers once an update is handled (or recognised as already handled). */
export interface TelegramUpdateAck {
  updateId: number;
}
