import { randomBytes } from 'node:crypto';
import { api } from './support/http';
import { startSuite, Suite } from './support/suite';
import { waitForBotState } from './support/telegram-bot-status';
import { startTelegramFaultProxy, TelegramFaultProxy } from './support/telegram-fault-proxy';
import { startTelegramServer, TelegramTestServer } from './support/telegram-server';

const SECRET = randomBytes(16).toString('hex');

describe('Telegram bot in webhook mode', () => {
  let telegram: TelegramTestServer;
  let proxy: TelegramFaultProxy;
  let suite: Suite;
  let http: ReturnType<typeof api>;

  beforeAll(async () => {
    telegram = await startTelegramServer();
    proxy = await startTelegramFaultProxy(telegram.apiRoot);
    suite = await startSuite({
      env: {
        TELEGRAM_BOT_TOKEN: telegram.botToken,
        TELEGRAM_API_ROOT: proxy.apiRoot,
        TELEGRAM_WEBHOOK_URL: proxy.webhookRelayUrl,
        TELEGRAM_WEBHOOK_SECRET: SECRET,
      },
    });
    http = api(suite);
    // Telegram (here: the proxy, relaying telegram-test-api's deliveries) calls the gateway.
    proxy.setRelayTarget(`${suite.baseUrl}/v1/telegram/webhook`);
    await waitForBotState(suite.urlOf('platform-adapters'), 'webhook');
  }, 120_000);

  afterAll(async () => {
    await suite?.stop();
    await proxy?.stop();
    await telegram?.stop();
  });

  const post = (update: unknown, secret: string | null = SECRET) =>
    http.post(
      '/v1/telegram/webhook',
      update,
      secret === null ? {} : { headers: { 'x-telegram-bot-api-secret-token': secret } },
    );

  it('registers the webhook with its secret token and never polls', async () => {
    const setWebhook = proxy.callsTo('setWebhook');
    expect(setWebhook).toHaveLength(1);
    expect(setWebhook[0].body).toMatchObject({ url: proxy.webhookRelayUrl, secret_token: SECRET });
    expect(proxy.callsTo('getUpdates')).toHaveLength(0);
  });

  it('serves a user whose updates arrive through the gateway', async () => {
    const user = telegram.user({ firstName: 'Wendy' });

    await user.send('/start');
    const greeting = await user.nextReply();
    expect(greeting.text).toMatch(/^Welcome, Wendy! Your account is ready\./);

    await user.send('/order');
    const flow = await user.nextReply();
    await user.tap(flow, 'Tea — $2.50');
    const asked = await user.waitForMessage(flow.messageId, (m) => m.text.startsWith('How many'));
    expect(asked.keyboard).toEqual([['1', '2', '3', '4', '5'], ['⬅️ Back']]);
  });

  it('refuses updates without the secret token, or with a wrong one, and handles none of them', async () => {
    const user = telegram.user();
    const update = {
      update_id: 9_000_001,
      message: { message_id: 1, date: 0, chat: user.chat, from: user.from, text: 'hello' },
    };

    const missing = await post(update, null);
    const wrong = await post(update, `${SECRET}x`);

    expect(missing.status).toBe(401);
    expect(missing.body).toMatchObject({
      code: 'UNAUTHENTICATED',
      detail: 'X-Telegram-Bot-Api-Secret-Token is missing or wrong',
    });
    expect(wrong.status).toBe(401);
    await user.expectSilence(1000);
  });

  it('handles a redelivered update once', async () => {
    const user = telegram.user();
    const update = {
      update_id: 9_000_002,
      message: {
        message_id: 2,
        date: 0,
        chat: user.chat,
        from: user.from,
        text: '/start',
        entities: [{ type: 'bot_command', offset: 0, length: 6 }],
      },
    };

    const first = await post(update);
    const again = await post(update);

    expect(first.status).toBe(200);
    expect(first.body).toEqual({ ok: true, update_id: 9_000_002 });
    expect(again.status).toBe(200);
    expect((await user.nextReply()).text).toMatch(/^Welcome, /);
    await user.expectSilence(1000);
  });

  it('answers 200 to edits and to group messages, answering no one', async () => {
    const user = telegram.user();
    const edited = await post({
      update_id: 9_000_003,
      edited_message: {
        message_id: 3,
        date: 0,
        edit_date: 1,
        chat: user.chat,
        from: user.from,
        text: '/start',
      },
    });
    const group = await post({
      update_id: 9_000_004,
      message: {
        message_id: 4,
        date: 0,
        chat: { id: -42, type: 'supergroup', title: 'G' },
        from: user.from,
        text: 'hi',
      },
    });

    expect([edited.status, group.status]).toEqual([200, 200]);
    await user.expectSilence(1000);
  });

  it('refuses a body that is not an update', async () => {
    const res = await post({ hello: 'world' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
  });
});
