import { api, createApiKey } from './support/http';
import { startSuite, Suite } from './support/suite';
import { waitForBotState } from './support/telegram-bot-status';
import { startTelegramFaultProxy, TelegramFaultProxy } from './support/telegram-fault-proxy';
import { startTelegramServer, TelegramTestServer } from './support/telegram-server';
import { BotReply, TelegramUser } from './support/telegram-user';
import { queryDatabase } from './fixtures/query-database';
import { uniqueEmail } from './fixtures/unique';

const MENU = [
  ['🛒 Order', '📦 My orders'],
  ['⭐ Points', '👤 Profile'],
  ['🔗 Link account', '🌐 Language'],
  ['❓ Help'],
];
const RU_MENU = [
  ['🛒 Заказать', '📦 Мои заказы'],
  ['⭐ Баллы', '👤 Профиль'],
  ['🔗 Связать аккаунт', '🌐 Язык'],
  ['❓ Помощь'],
];
const ITEMS = [['Coffee — $3.50'], ['Tea — $2.50'], ['Croissant — $3.00'], ['Sandwich — $6.50']];
const TODAY = () => new Date().toISOString().slice(0, 10);

/** The user's next reply, asserted by its text (exact, or a pattern) and its inline keyboard (none by default). */
async function expectReply(
  user: TelegramUser,
  text: string | RegExp,
  keyboard: string[][] = [],
): Promise<BotReply> {
  const reply = await user.nextReply();
  if (typeof text === 'string') expect(reply.text).toBe(text);
  else expect(reply.text).toMatch(text);
  expect(reply.keyboard).toEqual(keyboard);
  return reply;
}

describe('Telegram bot: a customer registers, orders, checks points and links accounts', () => {
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

  /** A user who has sent /start (its greeting read). */
  async function registeredUser(
    options: ConstructorParameters<typeof TelegramUser>[2] = {},
  ): Promise<TelegramUser> {
    const user = telegram.user(options);
    await user.send('/start');
    await user.nextReply();
    return user;
  }

  /** Runs /order for `user` through to the confirmation message, choosing `picks` ([item, qty] each). */
  async function order(user: TelegramUser, picks: [string, string][]): Promise<BotReply> {
    await user.send('/order');
    const flow = await user.nextReply();
    for (const [item, qty] of picks) {
      await user.tap(user.message(flow.messageId), new RegExp(`^${item} — `));
      await user.waitForMessage(flow.messageId, (m) => m.text.startsWith('How many'));
      await user.tap(user.message(flow.messageId), qty);
      await user.waitForMessage(
        flow.messageId,
        (m) => m.text.startsWith('Your order:') && m.text.includes(item),
      );
    }
    await user.tap(user.message(flow.messageId), '✅ Checkout');
    await user.waitForMessage(flow.messageId, (m) => m.text.startsWith('Please confirm'));
    await user.tap(user.message(flow.messageId), '✅ Confirm');
    return user.waitForMessage(flow.messageId, (m) => m.text.startsWith('✅ Order placed!'));
  }

  const orderIdIn = (reply: BotReply) => /Order: ([0-9a-f-]{36})/.exec(reply.text)![1];

  it('registers the user on /start and greets them by name, with the menu', async () => {
    const user = telegram.user({ firstName: 'Alice' });

    await user.send('/start');
    const greeting = await user.nextReply();

    expect(greeting.text).toBe(
      'Welcome, Alice! Your account is ready.\n\n' +
        'Order with /order, see your points with /loyalty. /help lists everything I can do.',
    );
    expect(greeting.keyboard).toEqual(MENU);
    const customer = await http.get(`/v1/telegram/users/${user.id}`, { admin: true });
    expect(customer.status).toBe(200);
    expect(customer.body.identities).toEqual([
      expect.objectContaining({ platform: 'telegram', external_id: String(user.id) }),
    ]);

    await user.send('/start');
    await expectReply(user, /^Welcome back, Alice!/, MENU);
  });

  it('takes an order of two items through the inline keyboard and confirms it with id, total and points', async () => {
    const user = await registeredUser();

    await user.send('/order');
    const flow = await user.nextReply();
    expect(flow.text).toBe('Choose an item:');
    expect(flow.keyboard).toEqual([...ITEMS, ['✖️ Cancel']]);

    await user.tap(flow, 'Coffee — $3.50');
    const quantity = await user.waitForMessage(flow.messageId, (m) => m.text.startsWith('How many'));
    expect(quantity.text).toBe('How many Coffee ($3.50 each)? Pick a number or type one.');
    expect(quantity.keyboard).toEqual([['1', '2', '3', '4', '5'], ['⬅️ Back']]);

    await user.tap(quantity, '2');
    const cart = await user.waitForMessage(flow.messageId, (m) => m.text.startsWith('Your order:'));
    expect(cart.text).toBe('Your order:\n• 2 × Coffee — $7.00\nTotal: $7.00\n\nAdd more, or check out.');
    expect(cart.keyboard).toEqual([...ITEMS, ['✅ Checkout', '✖️ Cancel']]);

    // The second item's quantity is typed, first wrongly.
    await user.tap(cart, 'Croissant — $3.00');
    await user.waitForMessage(flow.messageId, (m) => m.text.startsWith('How many Croissant'));
    await user.send('two');
    await expectReply(user, 'Please send a whole number from 1 to 99.');
    await user.send('1');
    const typedCart = await user.nextReply();
    expect(typedCart.text).toBe(
      'Your order:\n• 2 × Coffee — $7.00\n• 1 × Croissant — $3.00\nTotal: $10.00\n\nAdd more, or check out.',
    );
    expect(typedCart.keyboard).toEqual([...ITEMS, ['✅ Checkout', '✖️ Cancel']]);

    await user.tap(typedCart, '✅ Checkout');
    const summary = await user.waitForMessage(typedCart.messageId, (m) =>
      m.text.startsWith('Please confirm'),
    );
    expect(summary.text).toBe(
      'Please confirm your order:\n• 2 × Coffee — $7.00\n• 1 × Croissant — $3.00\nTotal: $10.00\nPoints to earn: 10',
    );
    expect(summary.keyboard).toEqual([['✅ Confirm'], ['✏️ Change', '✖️ Cancel']]);

    await user.tap(summary, '✅ Confirm');
    const placed = await user.waitForMessage(typedCart.messageId, (m) => m.text.startsWith('✅'));
    expect(placed.text).toMatch(
      /^✅ Order placed!\nOrder: [0-9a-f-]{36}\nTotal: \$10\.00\nPoints to earn: 10 \(credited once the order is paid\)$/,
    );
    expect(placed.keyboard).toEqual([]);

    const stored = await http.get(`/v1/orders/${orderIdIn(placed)}`, { admin: true });
    expect(stored.status).toBe(200);
    expect(stored.body).toMatchObject({
      platform: 'telegram',
      status: 'pending',
      currency: 'USD',
      total_minor: 1000,
      points_earned: 10,
      items: [
        { sku: 'coffee', name: 'Coffee', qty: 2, unit_price_minor: 350 },
        { sku: 'croissant', name: 'Croissant', qty: 1, unit_price_minor: 300 },
      ],
    });
  });

  it('places one order however often Confirm is tapped', async () => {
    const user = await registeredUser();
    const placed = await order(user, [['Tea', '1']]);

    await user.tapData(placed.messageId, user.message(placed.messageId).buttons[0]?.data ?? 'o:gone:ok');
    await user.expectSilence(800);
    await user.send('/orders');

    await expectReply(user, /^Your last order:\n1\. #[0-9a-f]{8} · /);
  });

  it('lists the last orders with their status on /orders', async () => {
    const user = await registeredUser();
    await user.send('/orders');
    await expectReply(user, 'You have no orders yet. Send /order to place one.');

    const first = orderIdIn(await order(user, [['Tea', '2']]));
    const second = orderIdIn(await order(user, [['Sandwich', '1']]));
    await http.post(`/v1/orders/${first}/status`, { status: 'cancelled' }, { admin: true });
    await expectReply(
      user,
      `📦 Order #${first.slice(-8)} ($5.00) is now cancelled.\n⭐ 5 points from this order were reversed.\n` +
        'Balance: 0 points, pending: 6 points.',
    );
    await user.send('/orders');

    await expectReply(
      user,
      `Your last 2 orders:\n` +
        `1. #${second.slice(-8)} · ${TODAY()} · $6.50 · pending\n` +
        `2. #${first.slice(-8)} · ${TODAY()} · $5.00 · cancelled`,
    );
  });

  it('shows balance, pending points, tier and recent entries on /loyalty', async () => {
    const user = await registeredUser();
    await user.send('/loyalty');
    await expectReply(
      user,
      '⭐ Your points\nBalance: 0 points\nPending: 0 points\nTier: Bronze\nEarned in total: 0 points\n\n' +
        'No entries yet: your first order earns points.',
    );

    await order(user, [['Sandwich', '2']]);
    await user.send('/loyalty');

    await expectReply(
      user,
      '⭐ Your points\nBalance: 0 points\nPending: 13 points\nTier: Bronze\nEarned in total: 0 points\n\n' +
        `Recent:\n+13 · earned · pending · ${TODAY()}`,
    );
  });

  it('pushes an order status change with the points it makes available', async () => {
    const user = await registeredUser({ firstName: 'Pat' });
    const orderId = orderIdIn(await order(user, [['Coffee', '3']]));

    const paid = await http.post(`/v1/orders/${orderId}/status`, { status: 'paid' }, { admin: true });
    expect(paid.status).toBe(200);
    const push = await user.nextReply();

    expect(push.text).toBe(
      `📦 Order #${orderId.slice(-8)} ($10.50) is now paid.\n⭐ 10 points are now available.\n` +
        'Balance: 10 points, pending: 0 points.',
    );
    expect(push.keyboard).toEqual([]);
  });

  it('links the Telegram account to a website account with the code /link shows', async () => {
    const websiteKey = (await createApiKey(suite, ['website'])).key;
    const email = uniqueEmail('linker');
    await http.post('/v1/website/users', { email, password: 'p4ssword!' }, { apiKey: websiteKey });
    const user = await registeredUser({ firstName: 'Lin' });

    await user.send('/link');
    const shown = await user.nextReply();
    expect(shown.text).toMatch(
      /^🔗 Your link code: ([A-Z0-9]{8})\n\nEnter it on the website \(Profile → Link Telegram\) within 10 minutes to join this Telegram account with your website account\. The code works once\.$/,
    );
    expect(shown.keyboard).toEqual([['🔄 New code']]);
    const code = /link code: (\S+)/.exec(shown.text)![1];

    const linked = await http.post(
      `/v1/website/users/${email}/link-telegram`,
      { code },
      { apiKey: websiteKey },
    );
    expect(linked.status).toBe(200);
    await user.send('/profile');

    await expectReply(
      user,
      `👤 Profile\nName: Lin\nEmail: ${email}\nPhone: —\nLinked: Website, Telegram\nCustomer since: ${TODAY()}`,
    );
    const reused = await http.post(
      `/v1/website/users/${email}/link-telegram`,
      { code },
      { apiKey: websiteKey },
    );
    expect(reused.status).toBe(422);
  });

  describe('linking with a code the website issued', () => {
    let websiteKey: string;
    beforeAll(async () => {
      websiteKey = (await createApiKey(suite, ['website'])).key;
    });

    /** A website user and a code the website obtained for them (POST …/link-code). */
    async function websiteUserWithCode(): Promise<{ email: string; customerId: string; code: string }> {
      const email = uniqueEmail('web');
      const registered = await http.post(
        '/v1/website/users',
        { email, password: 'p4ssword!' },
        { apiKey: websiteKey },
      );
      const issued = await http.post(`/v1/website/users/${email}/link-code`, undefined, {
        apiKey: websiteKey,
      });
      expect(issued.status).toBe(201);
      return { email, customerId: registered.body.id, code: issued.body.code };
    }

    const linked = (email: string, balance: string, pending: string) =>
      `✅ Accounts linked: this Telegram account and the website account ${email} are now one. ` +
      `Your orders and points from both are together.\nBalance: ${balance}, pending: ${pending}.`;
    const INVALID =
      '❌ This code does not work: it may be mistyped, expired (codes last 10 minutes) or already used. ' +
      'Get a new code on the website (Profile → Link Telegram) and send it here as /link CODE. ' +
      '(A code I show you with /link is for the website, not for me.)';

    it('links the sender to the website account whose code they type as /link CODE; orders and points join', async () => {
      const website = await websiteUserWithCode();
      const user = await registeredUser({ firstName: 'Tom' });
      const orderId = orderIdIn(await order(user, [['Tea', '2']]));

      await user.send(`/link ${website.code}`);

      await expectReply(user, linked(website.email, '0 points', '5 points'));
      await user.send('/profile');
      await expectReply(
        user,
        `👤 Profile\nName: Tom\nEmail: ${website.email}\nPhone: —\nLinked: Website, Telegram\nCustomer since: ${TODAY()}`,
      );
      const customer = await http.get(`/v1/website/users/${website.email}`, { apiKey: websiteKey });
      expect(customer.body.identities).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ platform: 'telegram', external_id: String(user.id) }),
        ]),
      );
      const moved = await queryDatabase(suite.databaseUrl, 'SELECT customer_id FROM orders WHERE id = $1', [
        orderId,
      ]);
      expect(moved).toEqual([{ customer_id: website.customerId }]);

      const other = await registeredUser();
      await other.send(`/link ${website.code}`);
      await expectReply(other, INVALID);
    });

    it('links on the deep link /start link_CODE, registering a user who never wrote before', async () => {
      const website = await websiteUserWithCode();
      const user = telegram.user({ firstName: 'Dee' });

      await user.send(`/start link_${website.code}`);

      await expectReply(user, /^Welcome, Dee! Your account is ready\./, MENU);
      await expectReply(user, linked(website.email, '0 points', '0 points'));
      const viaTelegram = await http.get(`/v1/telegram/users/${user.id}`, { admin: true });
      expect(viaTelegram.body.id).toBe(website.customerId);
    });

    it("answers a bad code with how to get a good one, in the user's language, and links nothing", async () => {
      const user = await registeredUser();
      await user.send('/link ZZZZ2222');
      await expectReply(user, INVALID);

      // A code the bot itself showed is for the website: typed back here, it proves nothing.
      await user.send('/link');
      const shown = await user.nextReply();
      const ownCode = /link code: (\S+)/.exec(shown.text)![1];
      await user.send(`/link ${ownCode}`);
      await expectReply(user, INVALID);
      await user.send('/start link_ZZZZ2222');
      await expectReply(user, /^Welcome back/, MENU);
      await expectReply(user, INVALID);

      const russian = await registeredUser({ languageCode: 'ru' });
      await russian.send('/link ZZZZ2222');
      await expectReply(
        russian,
        '❌ Этот код не подходит: возможно, он набран с ошибкой, истёк (код действует 10 минут) или уже ' +
          'использован. Получите новый код на сайте (Профиль → Связать Telegram) и отправьте его сюда: /link КОД. ' +
          '(Код, который я показываю по команде /link, вводится на сайте, а не здесь.)',
      );

      const customer = await http.get(`/v1/telegram/users/${user.id}`, { admin: true });
      expect(customer.body.identities).toEqual([expect.objectContaining({ platform: 'telegram' })]);
    });

    it('still shows a code for the website on the deep link /start link', async () => {
      const user = await registeredUser();

      await user.send('/start link');

      await expectReply(user, /^Welcome back/, MENU);
      const deepLinked = await user.nextReply();
      expect(deepLinked.text).toMatch(/^🔗 Your link code: [A-Z0-9]{8}\n/);
      expect(deepLinked.keyboard).toEqual([['🔄 New code']]);
    });
  });

  it('answers in Russian after /lang, and from a Russian language_code', async () => {
    const user = await registeredUser();
    await user.send('/lang');
    const ask = await user.nextReply();
    expect(ask.text).toBe('Choose your language:');
    expect(ask.keyboard).toEqual([['English', 'Русский']]);

    await user.tap(ask, 'Русский');
    const set = await user.nextReply();
    expect(set.text).toBe('Язык переключён на русский.');
    expect(set.keyboard).toEqual(RU_MENU);
    await user.send('/orders');
    await expectReply(user, 'У вас пока нет заказов. Отправьте /order, чтобы сделать заказ.');

    const russian = telegram.user({ firstName: 'Иван', languageCode: 'ru' });
    await russian.send('/start');
    await expectReply(russian, /^Добро пожаловать, Иван! Ваш аккаунт создан\./, RU_MENU);
  });

  it('opens each command from the menu buttons', async () => {
    const user = await registeredUser();
    await user.send('/menu');
    const menu = await user.nextReply();
    expect(menu.text).toBe('What would you like to do?');
    expect(menu.keyboard).toEqual(MENU);

    await user.tap(menu, '🛒 Order');
    await expectReply(user, 'Choose an item:', [...ITEMS, ['✖️ Cancel']]);
    await user.tap(menu, '❓ Help');
    await expectReply(user, /^What I can do:\n\/order — place an order\n/);
  });

  it('says a button has expired instead of acting on an old order', async () => {
    const user = await registeredUser();
    await user.send('/order');
    const old = await user.nextReply();
    await user.send('/order'); // a new draft: the old message's buttons are stale
    await user.nextReply();
    const answersBefore = proxy.callsTo('answerCallbackQuery').length;

    await user.tap(old, 'Tea — $2.50');

    const answer = await waitForAnswer(proxy, answersBefore);
    expect(answer.body.text).toBe('This button has expired. Send /order to start again.');
    expect(user.message(old.messageId).text).toBe('Choose an item:');
    await user.tapData(old.messageId, 'garbage:from-an-old-bot');
    expect((await waitForAnswer(proxy, answersBefore + 1)).body.text).toBe(
      'This button has expired. Send /order to start again.',
    );
  });

  it('hints at /help for unknown commands, free text, huge messages and stickers', async () => {
    const user = await registeredUser();
    await user.send('/frobnicate');
    await expectReply(user, "I don't know that command. /help lists what I can do.");
    await user.send('hello there');
    await expectReply(user, 'I work with commands. Try /menu or /help.');
    await user.send('x'.repeat(4096));
    await expectReply(user, 'That message is too long for me. Send a command such as /help.');
    proxy.inject({
      update_id: 7_000_001,
      message: {
        message_id: 1,
        date: 0,
        chat: user.chat,
        from: user.from,
        sticker: { file_id: 'x', width: 1, height: 1 },
      },
    });
    await expectReply(user, 'I can only read text. Try /menu or /help.');
  });

  it('ignores edits of old messages and answers commands in groups with a hint', async () => {
    const user = await registeredUser();
    proxy.inject({
      update_id: 7_000_101,
      edited_message: {
        message_id: 5,
        date: 0,
        edit_date: 1,
        chat: user.chat,
        from: user.from,
        text: '/order',
      },
    });
    await user.expectSilence(1500);

    const group = { id: -1_000_000_000_123, type: 'group', title: 'Friends' };
    proxy.inject(
      {
        update_id: 7_000_102,
        message: { message_id: 6, date: 0, chat: group, from: user.from, text: 'hi all' },
      },
      {
        update_id: 7_000_103,
        message: { message_id: 7, date: 0, chat: group, from: user.from, text: '/order' },
      },
      {
        update_id: 7_000_104,
        channel_post: { message_id: 8, date: 0, chat: { id: -100_777, type: 'channel' }, text: '/order' },
      },
    );
    const groupReplies = await waitForCalls(proxy, 'sendMessage', String(group.id), 1);

    expect(groupReplies.map((c) => c.body.text)).toEqual([
      'I only work in private chats. Write to me directly: @TestNameBot',
    ]);
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(proxy.callsTo('sendMessage', String(group.id))).toHaveLength(1);
    expect(proxy.callsTo('sendMessage', '-100777')).toHaveLength(0);
  });

  it('handles a redelivered update once: one reply, one order', async () => {
    const user = await registeredUser();
    await user.send('/order');
    const flow = await user.nextReply();
    await user.tap(flow, 'Tea — $2.50');
    await user.waitForMessage(flow.messageId, (m) => m.text.startsWith('How many'));
    await user.tap(user.message(flow.messageId), '1');
    await user.waitForMessage(flow.messageId, (m) => m.text.startsWith('Your order'));
    await user.tap(user.message(flow.messageId), '✅ Checkout');
    const summary = await user.waitForMessage(flow.messageId, (m) => m.text.startsWith('Please confirm'));
    const confirm = summary.buttons.find((b) => b.text === '✅ Confirm')!;
    const update = {
      update_id: 7_000_201,
      callback_query: {
        id: 'cb-7000201',
        from: user.from,
        chat_instance: '1',
        message: { message_id: flow.messageId, date: 0, chat: user.chat },
        data: confirm.data,
      },
    };

    proxy.inject(update);
    await user.waitForMessage(flow.messageId, (m) => m.text.startsWith('✅ Order placed!'));
    proxy.inject(update); // Telegram delivers the same update again
    await new Promise((resolve) => setTimeout(resolve, 1000));

    const customer = await http.get(`/v1/telegram/users/${user.id}`, { admin: true });
    const orders = await listOrders(user);
    expect(customer.status).toBe(200);
    expect(orders).toHaveLength(1);
    expect(
      proxy.callsTo('answerCallbackQuery').filter((c) => c.body.callback_query_id === 'cb-7000201'),
    ).toHaveLength(1);
  });

  it('does not serve the webhook route while no webhook secret is configured', async () => {
    const res = await http.post(
      '/v1/telegram/webhook',
      { update_id: 1 },
      { headers: { 'x-telegram-bot-api-secret-token': 'x' } },
    );
    expect(res.status).toBe(404);
  });

  async function listOrders(user: TelegramUser): Promise<string[]> {
    await user.send('/orders');
    const reply = await user.nextReply();
    return reply.text.split('\n').filter((line) => /^\d+\. #/.test(line));
  }
});

async function waitForAnswer(proxy: TelegramFaultProxy, countBefore: number) {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const answers = proxy.callsTo('answerCallbackQuery');
    if (answers.length > countBefore) return answers[countBefore];
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the bot answered no callback query');
}

async function waitForCalls(proxy: TelegramFaultProxy, method: string, chatId: string, count: number) {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const calls = proxy.callsTo(method, chatId);
    if (calls.length >= count) return calls;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(
    `fewer than ${count} ${method} calls to ${chatId}: ${JSON.stringify(proxy.callsTo(method, chatId))}`,
  );
}
