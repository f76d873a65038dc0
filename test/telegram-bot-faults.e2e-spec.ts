import { api } from './support/http';
import { startSuite, Suite } from './support/suite';
import { waitForBotState } from './support/telegram-bot-status';
import { startTelegramFaultProxy, TelegramFaultProxy } from './support/telegram-fault-proxy';
import { startTelegramServer, TelegramTestServer } from './support/telegram-server';
import { BotReply, TelegramUser } from './support/telegram-user';
import { waitUntil } from './support/wait-until';

const UNAVAILABLE = '⚠️ The service is temporarily unavailable. Please try again in a minute.';

describe('Telegram bot under faults', () => {
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
        TELEGRAM_POLL_TIMEOUT_S: '0',
        RPC_TIMEOUT_MS: '1500',
      },
    });
    http = api(suite);
    await waitForBotState(suite.urlOf('platform-adapters'), 'polling');
  }, 120_000);

  afterAll(async () => {
    await suite?.stop();
    await proxy?.stop();
    await telegram?.stop();
  });

  async function registeredUser(): Promise<TelegramUser> {
    const user = telegram.user();
    await user.send('/start');
    await user.nextReply();
    return user;
  }

  /** Places an order of one coffee through the bot and returns its id. */
  async function orderCoffee(user: TelegramUser): Promise<string> {
    await user.send('/order');
    const flow = await user.nextReply();
    await user.tap(flow, 'Coffee — $3.50');
    await user.waitForMessage(flow.messageId, (m) => m.text.startsWith('How many'));
    await user.tap(user.message(flow.messageId), '1');
    await user.waitForMessage(flow.messageId, (m) => m.text.startsWith('Your order'));
    await user.tap(user.message(flow.messageId), '✅ Checkout');
    await user.waitForMessage(flow.messageId, (m) => m.text.startsWith('Please confirm'));
    await user.tap(user.message(flow.messageId), '✅ Confirm');
    const placed = await user.waitForMessage(flow.messageId, (m) => m.text.startsWith('✅ Order placed!'));
    return /Order: (\S+)/.exec(placed.text)![1];
  }

  const logLines = () =>
    suite
      .logs('platform-adapters')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);

  it('logs a throwing handler with its correlation id, answers with that reference and keeps serving', async () => {
    const user = await registeredUser();

    // An update Telegram would not send in a private chat (no sender): the handler throws on it.
    proxy.inject({
      update_id: 8_000_001,
      message: {
        message_id: 1,
        date: 0,
        chat: user.chat,
        text: '/loyalty',
        entities: [{ type: 'bot_command', offset: 0, length: 8 }],
      },
    });
    const apology = await user.nextReply();

    const reference =
      /^😕 Something went wrong on our side\. Please try again\. Reference: ([0-9a-f-]{36})$/.exec(
        apology.text,
      )?.[1];
    expect(reference).toBeDefined();
    const logged = logLines().find(
      (line) => line.msg === 'telegram.handler.failed' && line.update_id === 8_000_001,
    );
    expect(logged).toMatchObject({
      level: 'error',
      correlation_id: reference,
      error: 'update has no sender',
    });
    expect(logged?.stack).toEqual(expect.stringContaining('BotCustomers'));
    await user.send('/help');
    expect((await user.nextReply()).text).toMatch(/^What I can do:/);
  });

  it('retries a push answered 429 after retry_after, and keeps one second between pushes to a chat', async () => {
    const user = await registeredUser();
    const orderId = await orderCoffee(user);
    proxy.fail({
      method: 'sendMessage',
      chatId: user.id,
      status: 429,
      description: 'Too Many Requests: retry after 2',
      retryAfterS: 2,
    });

    await http.post(`/v1/orders/${orderId}/status`, { status: 'paid' }, { admin: true });
    await http.post(`/v1/orders/${orderId}/status`, { status: 'fulfilled' }, { admin: true });
    const paid = await user.nextReply();
    const fulfilled = await user.nextReply();

    expect(paid.text).toMatch(/is now paid\.\n⭐ 3 points are now available\./);
    expect(fulfilled.text).toMatch(/is now fulfilled\./);
    const sends = proxy.callsTo('sendMessage', user.id).slice(-3);
    expect(sends.map((c) => c.status)).toEqual([429, 200, 200]);
    expect(sends[1].at - sends[0].at).toBeGreaterThanOrEqual(2000);
    expect(sends[2].at - sends[1].at).toBeGreaterThanOrEqual(900);
  });

  it('marks a chat that blocked the bot unreachable instead of retrying, until the user writes again', async () => {
    const user = await registeredUser();
    const orderId = await orderCoffee(user);
    proxy.fail({
      method: 'sendMessage',
      chatId: user.id,
      status: 403,
      description: 'Forbidden: bot was blocked by the user',
    });

    await http.post(`/v1/orders/${orderId}/status`, { status: 'paid' }, { admin: true });
    await waitUntil(
      async () =>
        logLines().find((l) => l.msg === 'telegram.chat.unreachable' && l.chat_id === String(user.id)),
      {
        timeoutMs: 10_000,
        describe: () => 'the chat to be marked unreachable',
      },
    );
    await http.post(`/v1/orders/${orderId}/status`, { status: 'fulfilled' }, { admin: true });
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(proxy.callsTo('sendMessage', user.id).slice(-1)[0].status).toBe(403);

    await user.send('/help'); // writing to the bot again means it is unblocked
    await user.nextReply();
    await http.post(`/v1/orders/${orderId}/status`, { status: 'refunded' }, { admin: true });
    expect((await user.nextReply()).text).toMatch(
      /is now refunded\.\n⭐ 3 points from this order were reversed\./,
    );
  });

  it('answers that the service is unavailable while persistence is down, and places the order once it is back', async () => {
    const user = await registeredUser();
    await user.send('/order');
    const flow = await user.nextReply();
    await user.tap(flow, 'Tea — $2.50');
    await user.waitForMessage(flow.messageId, (m) => m.text.startsWith('How many'));
    await user.tap(user.message(flow.messageId), '2');
    await user.waitForMessage(flow.messageId, (m) => m.text.startsWith('Your order'));
    await user.tap(user.message(flow.messageId), '✅ Checkout');
    const summary = await user.waitForMessage(flow.messageId, (m) => m.text.startsWith('Please confirm'));

    await suite.stopApp('persistence');
    try {
      await user.send('/loyalty');
      expect((await user.nextReply()).text).toBe(UNAVAILABLE);
      await user.tap(summary, '✅ Confirm');
      expect((await user.nextReply()).text).toBe(UNAVAILABLE);
      expect(user.message(flow.messageId).text).toMatch(/^Please confirm/); // nothing pretended placed
      const failure = logLines().find(
        (l) => l.msg === 'telegram.handler.failed' && l.code === 'UPSTREAM_TIMEOUT',
      );
      expect(failure).toMatchObject({ level: 'warn', correlation_id: expect.any(String) });
    } finally {
      await suite.startApp('persistence');
    }

    await user.tap(summary, '✅ Confirm'); // the same draft, so the same op: placed once
    const placed: BotReply = await user.waitForMessage(
      flow.messageId,
      (m) => m.text.startsWith('✅ Order placed!'),
      20_000,
    );
    expect(placed.text).toMatch(/Total: \$5\.00\nPoints to earn: 5/);
    await user.send('/orders');
    expect((await user.nextReply()).text).toMatch(/^Your last order:\n1\. #\w{8} · \S+ · \$5\.00 · pending$/);
  });
});
