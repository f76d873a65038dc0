import { randomBytes, randomUUID } from 'node:crypto';
import { createApiKey, api } from './support/http';
import { startSuite, Suite } from './support/suite';
import { ORDER_POINTS, ORDER_TOTAL_MINOR, orderBody } from './fixtures/order-body';
import { uniqueEmail, uniqueTelegramId } from './fixtures/unique';

describe('Universal routes', () => {
  let suite: Suite;
  let platformKey: string;
  let partnerKey: string;
  let http: ReturnType<typeof api>;

  beforeAll(async () => {
    suite = await startSuite();
    http = api(suite);
    platformKey = (await createApiKey(suite, ['telegram', 'website', 'mobile'])).key;
    partnerKey = (await createApiKey(suite, ['partner'])).key;
  }, 90_000);
  afterAll(() => suite?.stop());

  const search = (body: Record<string, unknown>, apiKey = platformKey) =>
    http.post('/v1/universal/users/search', body, { apiKey });

  async function websiteCustomer(extra: Record<string, unknown> = {}) {
    const email = uniqueEmail();
    const res = await http.post(
      '/v1/website/users',
      { email, password: 'p4ssword!', ...extra },
      { apiKey: platformKey },
    );
    expect(res.status).toBe(201);
    return { email, id: res.body.id as string };
  }

  async function telegramCustomer() {
    const telegramId = uniqueTelegramId();
    const res = await http.post('/v1/telegram/users', { telegram_id: telegramId }, { apiKey: platformKey });
    return { telegramId, id: res.body.id as string };
  }

  describe('search', () => {
    it('finds a customer by email, by telegram_id, by phone and by free text', async () => {
      const name = `Zed${randomBytes(4).toString('hex')}`;
      const web = await websiteCustomer({ display_name: name });
      const phone = `+49151${String(Date.now()).slice(-8)}`;
      await http.put(`/v1/website/users/${web.email}/profile`, { phone }, { apiKey: platformKey });
      const tg = await telegramCustomer();

      const byEmail = await search({ email: web.email.toUpperCase() });
      const byTelegram = await search({ telegram_id: Number(tg.telegramId) });
      const byPhone = await search({ phone });
      const byQuery = await search({ query: name.toLowerCase() });

      expect(byEmail.status).toBe(200);
      expect(byEmail.body.items.map((c: { id: string }) => c.id)).toEqual([web.id]);
      expect(byTelegram.body.items.map((c: { id: string }) => c.id)).toEqual([tg.id]);
      expect(byPhone.body.items.map((c: { id: string }) => c.id)).toEqual([web.id]);
      expect(byQuery.body.items.map((c: { id: string }) => c.id)).toEqual([web.id]);
      expect(byQuery.body).toHaveProperty('next_cursor', null);
    });

    it('keeps only customers with an identity on `platform` when it is given', async () => {
      const web = await websiteCustomer();

      const onWebsite = await search({ email: web.email, platform: 'website' });
      const onTelegram = await search({ email: web.email, platform: 'telegram' });

      expect(onWebsite.body.items).toHaveLength(1);
      expect(onTelegram.body.items).toHaveLength(0);
    });

    it('pages through matches with next_cursor, each customer once', async () => {
      const tag = `Pager${randomBytes(4).toString('hex')}`;
      const created = [];
      for (let i = 0; i < 5; i++) created.push((await websiteCustomer({ display_name: `${tag} ${i}` })).id);

      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await search({ query: tag, limit: 2, ...(cursor ? { cursor } : {}) });
        expect(page.status).toBe(200);
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.body.items.map((c: { id: string }) => c.id));
        cursor = page.body.next_cursor ?? undefined;
        pages++;
      } while (cursor && pages < 10);

      expect(pages).toBe(3);
      expect(seen.sort()).toEqual([...created].sort());
    });

    it('needs exactly one criterion and a limit from 1 to 100', async () => {
      const none = await search({ platform: 'website' });
      const two = await search({ email: uniqueEmail(), phone: '+4915112345678' });
      const tooMany = await search({ query: 'x', limit: 101 });
      const zero = await search({ query: 'x', limit: 0 });

      expect([none.status, two.status, tooMany.status, zero.status]).toEqual([400, 400, 400, 400]);
      expect(tooMany.body.errors).toEqual([expect.objectContaining({ field: 'limit' })]);
    });
  });

  describe('cross-platform orders', () => {
    it('attributes an order to the platform named, for a customer named by any identity', async () => {
      const web = await websiteCustomer();
      const tg = await telegramCustomer();

      const byEmail = await http.post(
        '/v1/universal/orders/cross-platform',
        { ...orderBody(), customer: { email: web.email }, platform: 'mobile' },
        { apiKey: platformKey },
      );
      const byTelegram = await http.post(
        '/v1/universal/orders/cross-platform',
        { ...orderBody(), customer: { telegram_id: tg.telegramId }, platform: 'website' },
        { apiKey: platformKey },
      );
      const byId = await http.post(
        '/v1/universal/orders/cross-platform',
        { ...orderBody(), customer: { customer_id: web.id }, platform: 'telegram' },
        { apiKey: platformKey },
      );

      expect(byEmail.status).toBe(201);
      expect(byEmail.body).toMatchObject({
        customer_id: web.id,
        platform: 'mobile',
        total_minor: ORDER_TOTAL_MINOR,
      });
      expect(byTelegram.body).toMatchObject({ customer_id: tg.id, platform: 'website' });
      expect(byId.body).toMatchObject({ customer_id: web.id, platform: 'telegram' });
    });

    it('lets a partner key place partner orders only', async () => {
      const web = await websiteCustomer();
      const body = { ...orderBody(), customer: { email: web.email }, partner_id: 'acme-shop' };

      const partner = await http.post(
        '/v1/universal/orders/cross-platform',
        { ...body, platform: 'partner' },
        {
          apiKey: partnerKey,
        },
      );
      const asTelegram = await http.post(
        '/v1/universal/orders/cross-platform',
        { ...body, platform: 'telegram' },
        {
          apiKey: partnerKey,
        },
      );

      expect(partner.status).toBe(201);
      expect(partner.body).toMatchObject({ platform: 'partner', partner_id: 'acme-shop' });
      expect(asTelegram.status).toBe(403);
    });

    it('needs exactly one identity of a known customer', async () => {
      const web = await websiteCustomer();
      const base = { ...orderBody(), platform: 'mobile' };

      const two = await http.post(
        '/v1/universal/orders/cross-platform',
        { ...base, customer: { email: web.email, customer_id: web.id } },
        { apiKey: platformKey },
      );
      const unknown = await http.post(
        '/v1/universal/orders/cross-platform',
        { ...base, customer: { customer_id: randomUUID() } },
        { apiKey: platformKey },
      );
      const badPlatform = await http.post(
        '/v1/universal/orders/cross-platform',
        { ...base, platform: 'fax', customer: { email: web.email } },
        { apiKey: platformKey },
      );

      expect(two.status).toBe(400);
      expect(two.body.errors.map((e: { field: string }) => e.field)).toEqual([
        'customer.email',
        'customer.customer_id',
      ]);
      expect(unknown.status).toBe(404);
      expect(badPlatform.body.errors).toEqual([expect.objectContaining({ field: 'platform' })]);
    });
  });

  describe('unified loyalty', () => {
    it('answers the same balance for every identity of the customer', async () => {
      const web = await websiteCustomer();
      const order = await http.post(`/v1/website/users/${web.email}/orders`, orderBody(), {
        apiKey: platformKey,
      });
      await http.post(`/v1/orders/${order.body.id}/status`, { status: 'paid' }, { admin: true });
      await http.post(`/v1/website/users/${web.email}/orders`, orderBody(), { apiKey: platformKey });

      const byEmail = await http.post(
        '/v1/universal/loyalty/unified',
        { email: web.email },
        { apiKey: platformKey },
      );
      const byId = await http.post(
        '/v1/universal/loyalty/unified',
        { customer_id: web.id },
        { apiKey: platformKey },
      );

      expect(byEmail.status).toBe(200);
      expect(byEmail.body).toMatchObject({
        customer_id: web.id,
        balance: ORDER_POINTS,
        pending: ORDER_POINTS,
        lifetime_earned: expect.any(Number),
        tier: expect.any(String),
        identities: [expect.objectContaining({ platform: 'website', external_id: web.email })],
      });
      expect(byEmail.body.recent_entries.length).toBeGreaterThan(0);
      expect(byId.body).toEqual(byEmail.body);
    });

    it('answers 404 for an unknown identity and 400 without exactly one', async () => {
      const unknown = await http.post(
        '/v1/universal/loyalty/unified',
        { telegram_id: uniqueTelegramId() },
        {
          apiKey: platformKey,
        },
      );
      const none = await http.post('/v1/universal/loyalty/unified', {}, { apiKey: platformKey });

      expect(unknown.status).toBe(404);
      expect(none.status).toBe(400);
    });
  });

  it('needs a platform scope: a merchant-only key is refused', async () => {
    const merchantKey = (await createApiKey(suite, ['merchant'])).key;

    const res = await search({ query: 'x' }, merchantKey);

    expect(res.status).toBe(403);
  });
});
