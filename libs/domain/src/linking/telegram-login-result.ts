export type TelegramLoginResult = { ok: true; telegramId: string } | { ok: false; reason: string };
