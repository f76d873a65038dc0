/**
 * Telegram Login Widget data exactly as Telegram sent it: keys keep Telegram's snake_case
 * names and values are untouched, because the signature covers both.
 */
export type TelegramLoginData = Record<string, string | number> & {
  id: string | number;
  auth_date: string | number;
  hash: string;
};
