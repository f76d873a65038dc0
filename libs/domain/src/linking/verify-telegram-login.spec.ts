import { createHash, createHmac } from 'node:crypto';
import { verifyTelegramLogin } from './verify-telegram-login';

const botToken = '123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11';
const now = 1_700_000_000;

/** Signs widget data exactly as https://core.telegram.org/widgets/login#checking-authorization describes. */
function sign(fields: Record<string, string | number>, token = botToken): Record<string, string | number> {
  const dataCheckString = Object.keys(fields)
    .sort()
    .map((key) => `${key}=${fields[key]}`)
    .join('\n');
  const secretKey = createHash('sha256').update(token).digest();
  const hash = createHmac('sha256', secretKey).update(dataCheckString).digest('hex');
  return { ...fields, hash };
}

const widgetData = (overrides: Record<string, string | number> = {}) => ({
  id: '987654321',
  first_name: 'Ann',
  last_name: 'Lee',
  username: 'annlee',
  photo_url: 'https://t.me/i/userpic/320/annlee.jpg',
  auth_date: String(now - 30),
  ...overrides,
});

describe('verifyTelegramLogin', () => {
  it('accepts data signed with the bot token and returns the Telegram id', () => {
    expect(verifyTelegramLogin(sign(widgetData()), botToken, now)).toEqual({
      ok: true,
      telegramId: '987654321',
    });
  });

  it('accepts numbers where the widget sent numbers', () => {
    const data = sign(widgetData({ id: 987654321, auth_date: now - 30 }));
    expect(verifyTelegramLogin(data, botToken, now)).toEqual({ ok: true, telegramId: '987654321' });
  });

  it('accepts the minimal field set: id, first name and auth date', () => {
    const data = sign({ id: '5', first_name: 'Bo', auth_date: String(now) });
    expect(verifyTelegramLogin(data, botToken, now)).toEqual({ ok: true, telegramId: '5' });
  });

  it('accepts the hash in upper case', () => {
    const data = sign(widgetData());
    data.hash = String(data.hash).toUpperCase();
    expect(verifyTelegramLogin(data, botToken, now).ok).toBe(true);
  });

  it.each([
    ['a changed id', { id: '111111111' }],
    ['a changed username', { username: 'mallory' }],
    ['a changed auth date', { auth_date: String(now - 10) }],
    ['an added field', { is_admin: 'true' }],
  ])('rejects data with %s', (_, tamper) => {
    const data = { ...sign(widgetData()), ...tamper };
    expect(verifyTelegramLogin(data, botToken, now)).toEqual({ ok: false, reason: 'signature mismatch' });
  });

  it('rejects data with a field removed', () => {
    const { username: _username, ...data } = sign(widgetData());
    expect(verifyTelegramLogin(data, botToken, now)).toEqual({ ok: false, reason: 'signature mismatch' });
  });

  it('rejects data signed with another bot token', () => {
    const data = sign(widgetData(), '999999:other-token');
    expect(verifyTelegramLogin(data, botToken, now)).toEqual({ ok: false, reason: 'signature mismatch' });
  });

  it('rejects a signature made with the raw bot token instead of its SHA-256', () => {
    const fields = widgetData();
    const dataCheckString = Object.keys(fields)
      .sort()
      .map((k) => `${k}=${fields[k as keyof typeof fields]}`)
      .join('\n');
    const hash = createHmac('sha256', botToken).update(dataCheckString).digest('hex');
    expect(verifyTelegramLogin({ ...fields, hash }, botToken, now).ok).toBe(false);
  });

  it.each([
    ['missing', undefined],
    ['too short', 'abc123'],
    ['not hex', 'z'.repeat(64)],
    ['a number', 12345],
  ])('rejects a hash that is %s', (_, hash) => {
    const data: Record<string, string | number> = widgetData();
    if (hash !== undefined) data.hash = hash;
    expect(verifyTelegramLogin(data, botToken, now)).toEqual({
      ok: false,
      reason: 'hash missing or malformed',
    });
  });

  it('rejects a login older than a day by default', () => {
    const data = sign(widgetData({ auth_date: String(now - 86_401) }));
    expect(verifyTelegramLogin(data, botToken, now)).toEqual({ ok: false, reason: 'login expired' });
  });

  it('accepts a login exactly at the maximum age', () => {
    const data = sign(widgetData({ auth_date: String(now - 86_400) }));
    expect(verifyTelegramLogin(data, botToken, now).ok).toBe(true);
  });

  it('applies a custom maximum age', () => {
    const data = sign(widgetData({ auth_date: String(now - 301) }));
    expect(verifyTelegramLogin(data, botToken, now, 300)).toEqual({ ok: false, reason: 'login expired' });
    expect(verifyTelegramLogin(data, botToken, now, 301).ok).toBe(true);
  });

  it('rejects an auth date more than 60 seconds in the future', () => {
    const data = sign(widgetData({ auth_date: String(now + 61) }));
    expect(verifyTelegramLogin(data, botToken, now)).toEqual({
      ok: false,
      reason: 'auth_date is in the future',
    });
  });

  it('tolerates up to 60 seconds of clock skew', () => {
    const data = sign(widgetData({ auth_date: String(now + 60) }));
    expect(verifyTelegramLogin(data, botToken, now).ok).toBe(true);
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['not a number', 'yesterday'],
    ['fractional', '1700000000.5'],
    ['negative', '-5'],
  ])('rejects a signed auth date that is %s', (_, authDate) => {
    const fields: Record<string, string | number> = widgetData();
    if (authDate === undefined) delete fields.auth_date;
    else fields.auth_date = authDate;
    expect(verifyTelegramLogin(sign(fields), botToken, now)).toEqual({
      ok: false,
      reason: 'auth_date missing or malformed',
    });
  });

  it.each([
    ['missing', undefined],
    ['not numeric', 'annlee'],
    ['zero', '0'],
    ['negative', '-7'],
  ])('rejects a signed id that is %s', (_, id) => {
    const fields: Record<string, string | number> = widgetData();
    if (id === undefined) delete fields.id;
    else fields.id = id;
    expect(verifyTelegramLogin(sign(fields), botToken, now)).toEqual({
      ok: false,
      reason: 'id missing or malformed',
    });
  });

  it('rejects fields carrying a newline, which could forge another field set with the same signature', () => {
    const data = sign(widgetData({ first_name: 'Ann\nid=1' }));
    expect(verifyTelegramLogin(data, botToken, now)).toEqual({
      ok: false,
      reason: 'field contains a forbidden character',
    });
  });

  it('refuses to run without a bot token, since the empty token is public knowledge', () => {
    expect(() => verifyTelegramLogin(sign(widgetData(), ''), '', now)).toThrow(RangeError);
  });

  it('refuses a clock reading that is not a number instead of skipping the age checks', () => {
    expect(() => verifyTelegramLogin(sign(widgetData()), botToken, Number.NaN)).toThrow(RangeError);
    expect(() => verifyTelegramLogin(sign(widgetData()), botToken, now, Number.NaN)).toThrow(RangeError);
  });
});
