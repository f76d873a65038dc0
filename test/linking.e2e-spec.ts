import { createApiKey, api } from './support/http';
import { startSuite, Suite } from './support/suite';
import { ORDER_POINTS, orderBody } from './fixtures/order-body';
import { queryDatabase } from './fixtures/query-database';
import { signedTelegramLogin } from './fixtures/telegram-login';
import { uniqueEmail, uniqueKey, uniqueTelegramId } from './fixtures/unique';

const BOT_TOKEN = '123456:test-bot-token-for-login-widget';

describe('Linking a Telegram account to a website account', () => {
  let suite: Suite;
  let telegramKey: string;
  let websiteKey: string;
  let http: ReturnType<typeof api>;

  beforeAll(async () => {
    suite = await startSuite({ env: { TELEGRAM_BOT_TOKEN: BOT_TOKEN } });
    http = api(suite);
    telegramKey = (await createApiKey(suite, ['telegram'])).key;
    websiteKey = (await createApiKey(suite, ['website'])).key;
  }, 90_000);
  afterAll(() => suite?.stop());

  async function telegramUserWithPaidOrder(): Promise<{ telegramId: string; customerId: string }> {
    const telegramId = uniqueTelegramId();
    const customer = await http.post(
      '/v1/telegram/users',
      { telegram_id: telegramId },
      { apiKey: telegramKey },
    );
    const order = await http.post(`/v1/telegram/users/${telegramId}/orders`, orderBody(), {
      apiKey: telegramKey,
    });
    await http.post(`/v1/orders/${order.body.id}/status`, { status: 'paid' }, { admin: true });
    return { telegramId, customerId: customer.body.id };
  }

  async function websiteUserWithPaidOrder(): Promise<{ email: string; customerId: string }> {
    const email = uniqueEmail();
    const customer = await http.post(
      '/v1/website/users',
      { email, password: 'p4ssword!' },
      { apiKey: websiteKey },
    );
    const order = await http.post(`/v1/website/users/${email}/orders`, orderBody(), { apiKey: websiteKey });
    await http.post(`/v1/orders/${order.body.id}/status`, { status: 'paid' }, { admin: true });
    return { email, customerId: customer.body.id };
  }

  async function websiteUser(): Promise<string> {
    const email = uniqueEmail();
    await http.post('/v1/website/users', { email, password: 'p4ssword!' }, { apiKey: websiteKey });
    return email;
  }

  async function linkCode(telegramId: string): Promise<string> {
    const res = await http.post(`/v1/telegram/users/${telegramId}/link-code`, undefined, {
      apiKey: telegramKey,
    });
    expect(res.status).toBe(201);
    return res.body.code;
  }

  const link = (email: string, body: unknown) =>
    http.post(`/v1/website/users/${email}/link-telegram`, body, { apiKey: websiteKey });
  const identitiesOf = async (email: string) =>
    (await http.get(`/v1/website/users/${email}`, { apiKey: websiteKey })).body.identities;

  it('merges two customers with orders on both platforms: balances and order counts add up', async () => {
    const telegram = await telegramUserWithPaidOrder();
    const website = await websiteUserWithPaidOrder();

    const res = await link(website.email, { code: await linkCode(telegram.telegramId) });

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      customer: { id: website.customerId, merged_into: null },
      merged_customer_id: telegram.customerId,
      op_id: res.headers['x-op-id'],
    });
    expect(res.body.customer.identities.map((i: { platform: string }) => i.platform).sort()).toEqual([
      'telegram',
      'website',
    ]);

    const unified = await http.post(
      '/v1/universal/loyalty/unified',
      { telegram_id: telegram.telegramId },
      {
        apiKey: telegramKey,
      },
    );
    expect(unified.body).toMatchObject({
      customer_id: website.customerId,
      balance: 2 * ORDER_POINTS,
      pending: 0,
    });

    const viaTelegram = await http.get(`/v1/telegram/users/${telegram.telegramId}`, { apiKey: telegramKey });
    expect(viaTelegram.body.id).toBe(website.customerId);

    const orders = await queryDatabase<{ customer_id: string; n: string }>(
      suite.databaseUrl,
      `SELECT customer_id, count(*) AS n FROM orders WHERE customer_id = ANY($1) GROUP BY customer_id`,
      [[telegram.customerId, website.customerId]],
    );
    expect(orders).toEqual([{ customer_id: website.customerId, n: '2' }]);
    const tombstone = await queryDatabase(
      suite.databaseUrl,
      `SELECT merged_into FROM customers WHERE id = $1`,
      [telegram.customerId],
    );
    expect(tombstone).toEqual([{ merged_into: website.customerId }]);
  });

  it('uses a code once: a second account cannot link with it', async () => {
    const telegram = await telegramUserWithPaidOrder();
    const code = await linkCode(telegram.telegramId);
    const first = await websiteUser();
    const second = await websiteUser();

    expect((await link(first, { code })).status).toBe(200);
    const again = await link(second, { code });

    expect(again.status).toBe(422);
    expect(again.body.code).toBe('LINK_PROOF_INVALID');
    expect(await identitiesOf(second)).toEqual([expect.objectContaining({ platform: 'website' })]);
  });

  it('refuses a wrong code, links nothing', async () => {
    const email = await websiteUser();

    const res = await link(email, { code: 'ZZZZ2222' });

    expect(res.status).toBe(422);
    expect(res.body.code).toBe('LINK_PROOF_INVALID');
    expect(await identitiesOf(email)).toHaveLength(1);
  });

  it('refuses an expired code', async () => {
    const telegram = await telegramUserWithPaidOrder();
    const code = await linkCode(telegram.telegramId);
    // Ten minutes cannot pass in a test: the code's expiry is moved into the past instead.
    await queryDatabase(
      suite.databaseUrl,
      `UPDATE link_codes SET expires_at = now() - interval '1 second', created_at = now() - interval '11 minutes'
       WHERE telegram_id = $1`,
      [telegram.telegramId],
    );
    const email = await websiteUser();

    const res = await link(email, { code });

    expect(res.status).toBe(422);
    expect(await identitiesOf(email)).toHaveLength(1);
  });

  it('accepts a code typed in lower case with spaces around it', async () => {
    const telegram = await telegramUserWithPaidOrder();
    const code = await linkCode(telegram.telegramId);
    const email = await websiteUser();

    const res = await link(email, { code: `  ${code.toLowerCase()} ` });

    expect(res.status).toBe(200);
  });

  it('links by Telegram Login Widget data signed with the bot token', async () => {
    const telegramId = uniqueTelegramId();
    const email = await websiteUser();
    const auth = signedTelegramLogin(BOT_TOKEN, {
      id: Number(telegramId),
      first_name: 'Ann',
      username: 'ann_tg',
      auth_date: Math.floor(Date.now() / 1000),
    });

    const res = await link(email, { telegram_auth: auth });

    expect(res.status).toBe(200);
    expect(res.body.merged_customer_id).toBeNull();
    expect(res.body.customer.identities).toEqual(
      expect.arrayContaining([expect.objectContaining({ platform: 'telegram', external_id: telegramId })]),
    );
  });

  it('refuses tampered or stale Telegram Login data, links nothing', async () => {
    const email = await websiteUser();
    const fields = {
      id: Number(uniqueTelegramId()),
      first_name: 'Ann',
      auth_date: Math.floor(Date.now() / 1000),
    };
    const tampered = { ...signedTelegramLogin(BOT_TOKEN, fields), first_name: 'Mallory' };
    const stale = signedTelegramLogin(BOT_TOKEN, { ...fields, auth_date: fields.auth_date - 2 * 86_400 });
    const otherBot = signedTelegramLogin('999:another-bot', fields);

    for (const telegram_auth of [tampered, stale, otherBot]) {
      const res = await link(email, { telegram_auth });
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('LINK_PROOF_INVALID');
    }
    expect(await identitiesOf(email)).toHaveLength(1);
  });

  it('needs exactly one proof: code or telegram_auth, never a bare telegram_id', async () => {
    const email = await websiteUser();

    const neither = await link(email, {});
    const both = await link(email, {
      code: 'ABCDEFGH',
      telegram_auth: signedTelegramLogin(BOT_TOKEN, { id: 1, auth_date: 1 }),
    });
    const bare = await link(email, { telegram_id: uniqueTelegramId() });

    expect([neither.status, both.status, bare.status]).toEqual([400, 400, 400]);
    expect(bare.body.errors).toEqual([{ field: 'telegram_id', message: 'is not allowed' }]);
  });

  it('answers 404 for an unknown website user', async () => {
    const res = await link(uniqueEmail(), { code: 'ABCDEFGH' });

    expect(res.status).toBe(404);
  });

  describe('codes the website issues for its user, to be sent to the bot', () => {
    const websiteLinkCode = (email: string, options: { apiKey?: string; idempotencyKey?: string } = {}) =>
      http.post(`/v1/website/users/${email}/link-code`, undefined, { apiKey: websiteKey, ...options });

    it('issues an 8-character code for the website user, valid 10 minutes, shown once and stored only hashed', async () => {
      const email = uniqueEmail();
      const registered = await http.post(
        '/v1/website/users',
        { email, password: 'p4ssword!' },
        { apiKey: websiteKey },
      );
      const idempotencyKey = uniqueKey();

      const first = await websiteLinkCode(email, { idempotencyKey });
      const replay = await websiteLinkCode(email, { idempotencyKey });

      expect(first.status).toBe(201);
      expect(first.body).toEqual({
        code: expect.stringMatching(/^[A-Z2-9]{8}$/),
        expires_at: expect.any(String),
        op_id: first.headers['x-op-id'],
      });
      const ttlMs = Date.parse(first.body.expires_at) - Date.now();
      expect(ttlMs).toBeGreaterThan(9 * 60_000);
      expect(ttlMs).toBeLessThanOrEqual(10 * 60_000);
      expect(replay.status).toBe(201);
      expect(replay.body).toMatchObject({
        code: null,
        expires_at: first.body.expires_at,
        op_id: first.body.op_id,
      });
      expect(replay.body.detail).toMatch(/shown only once/);

      const stored = await queryDatabase<{
        telegram_id: string | null;
        code_hash: string;
        used_at: Date | null;
      }>(suite.databaseUrl, `SELECT telegram_id, code_hash, used_at FROM link_codes WHERE customer_id = $1`, [
        registered.body.id,
      ]);
      expect(stored).toEqual([
        { telegram_id: null, code_hash: expect.stringMatching(/^[0-9a-f]{64}$/), used_at: null },
      ]);
      const [op] = await queryDatabase<{ payload: string }>(
        suite.databaseUrl,
        `SELECT payload::text AS payload FROM ops WHERE op_id = $1`,
        [first.body.op_id],
      );
      expect(op.payload).toContain(registered.body.id);
      expect(op.payload).not.toContain(first.body.code);
    });

    it('refuses a website code at the website link route: it proves nothing there, and stays unused', async () => {
      const email = await websiteUser();
      const { code } = (await websiteLinkCode(email)).body;
      const other = await websiteUser();

      const own = await link(email, { code });
      const another = await link(other, { code });

      expect([own.status, another.status]).toEqual([422, 422]);
      expect([own.body.code, another.body.code]).toEqual(['LINK_PROOF_INVALID', 'LINK_PROOF_INVALID']);
      expect(await identitiesOf(email)).toHaveLength(1);
      const unused = await queryDatabase(
        suite.databaseUrl,
        `SELECT used_at FROM link_codes l JOIN identities i ON i.customer_id = l.customer_id
          WHERE i.platform = 'website' AND i.external_id = $1`,
        [email],
      );
      expect(unused).toEqual([{ used_at: null }]);
    });

    it('answers 404 for an unknown website user and 403 for a key without the website scope', async () => {
      const email = await websiteUser();

      const unknown = await websiteLinkCode(uniqueEmail());
      const wrongScope = await websiteLinkCode(email, { apiKey: telegramKey });

      expect(unknown.status).toBe(404);
      expect(wrongScope.status).toBe(403);
    });
  });
});

describe('Linking by Telegram Login data without a bot token', () => {
  let suite: Suite;

  beforeAll(async () => {
    suite = await startSuite();
  }, 90_000);
  afterAll(() => suite?.stop());

  it('refuses with 422 saying Telegram login is not configured', async () => {
    const http = api(suite);
    const websiteKey = (await createApiKey(suite, ['website'])).key;
    const email = uniqueEmail();
    await http.post('/v1/website/users', { email, password: 'p4ssword!' }, { apiKey: websiteKey });
    const auth = signedTelegramLogin(BOT_TOKEN, { id: 42, auth_date: Math.floor(Date.now() / 1000) });

    const res = await http.post(
      `/v1/website/users/${email}/link-telegram`,
      { telegram_auth: auth },
      {
        apiKey: websiteKey,
      },
    );

    expect(res.status).toBe(422);
    expect(res.body.code).toBe('LINK_PROOF_INVALID');
    expect(res.body.detail).toMatch(/not configured/);
  });
});
