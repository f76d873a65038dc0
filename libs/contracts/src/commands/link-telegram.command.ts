import { TelegramLoginData } from './telegram-login-data';
import { WriteMeta } from './write-meta';

/** Proof that the caller controls the Telegram account: a one-time code or signed widget data. */
export interface LinkTelegramCommand extends WriteMeta {
  email: string;
  proof: { kind: 'code'; code: string } | { kind: 'telegram_auth'; data: TelegramLoginData };
}
