import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { TelegramLoginResult } from './telegram-login-result';

/** Telegram and our clock may disagree a little; more than this in the future is a forgery or a broken clock. */
const MAX_CLOCK_SKEW_SECONDS = 60;

/**
 * Checks data from the Telegram Login Widget, as https://core.telegram.org/widgets/login#checking-authorization
 * prescribes: HMAC-SHA-256 of the sorted `key=value` lines, keyed with SHA-256 of the bot token.
 */
export function verifyTelegramLogin(
  data: Record<string, string | number>,
  botToken: string,
  nowSeconds: number,
  maxAgeSeconds = 86_400,
): TelegramLoginResult {
  if (botToken === '') throw new RangeError('bot token must not be empty');
  // NaN would make every freshness comparison false, and so let any old login through.
  if (!Number.isFinite(nowSeconds) || !Number.isFinite(maxAgeSeconds) || maxAgeSeconds < 0) {
    throw new RangeError('nowSeconds and maxAgeSeconds must be finite, maxAgeSeconds non-negative');
  }

  const { hash, ...fields } = data;
  if (typeof hash !== 'string' || !/^[0-9a-f]{64}$/i.test(hash)) {
    return { ok: false, reason: 'hash missing or malformed' };
  }

  const keys = Object.keys(fields).sort();
  // A newline in a key or value, or `=` in a key, could make two different field sets sign the same text.
  if (keys.some((k) => /[\n=]/.test(k) || String(fields[k]).includes('\n'))) {
    return { ok: false, reason: 'field contains a forbidden character' };
  }
  const dataCheckString = keys.map((k) => `${k}=${fields[k]}`).join('\n');
  const secret = createHash('sha256').update(botToken).digest();
  const expected = createHmac('sha256', secret).update(dataCheckString).digest();
  if (!timingSafeEqual(expected, Buffer.from(hash, 'hex'))) {
    return { ok: false, reason: 'signature mismatch' };
  }

  const authDateText = String(fields.auth_date ?? '');
  const authDate = Number(authDateText);
  if (!/^\d{1,15}$/.test(authDateText)) return { ok: false, reason: 'auth_date missing or malformed' };
  if (authDate > nowSeconds + MAX_CLOCK_SKEW_SECONDS) {
    return { ok: false, reason: 'auth_date is in the future' };
  }
  if (nowSeconds - authDate > maxAgeSeconds) return { ok: false, reason: 'login expired' };

  const telegramId = String(fields.id ?? '');
  if (!/^[1-9]\d*$/.test(telegramId)) return { ok: false, reason: 'id missing or malformed' };
  return { ok: true, telegramId };
}
