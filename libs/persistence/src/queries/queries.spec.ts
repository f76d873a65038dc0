import { randomUUID } from 'node:crypto';
import { CustomerView } from '@karmabot/contracts';
import { useTestStore } from '../../../../test/support/use-test-store';
import { applied } from '../testing/applied';
import { makeOp } from '../testing/make-op';
import { sampleOps } from '../testing/sample-ops';

describe('queries', () => {
  const ctx = useTestStore();

  const tag = () => randomUUID().slice(0, 8);
  const telegramCustomer = async (payload = {}) =>
    (await applied(ctx.store, sampleOps.registerTelegram(payload))).customer;

  describe('customer by identity and by id', () => {
    it('finds a customer by any of its identities, a website one by its email in any case', async () => {
      const email = sampleOps.email();
      const web = (await applied(ctx.store, sampleOps.registerWebsite({ email }))).customer;
      const tg = await telegramCustomer();

      const byEmail = await ctx.store.query('query.customer.by-identity', {
        platform: 'website',
        externalId: email.toUpperCase(),
      });
      const byTelegram = await ctx.store.query('query.customer.by-identity', {
        platform: 'telegram',
        externalId: tg.identities[0].externalId,
      });

      expect(byEmail).toEqual(web);
      expect(byTelegram).toEqual(tg);
      expect(
        await ctx.store.query('query.customer.by-identity', { platform: 'mobile', externalId: 'nobody' }),
      ).toBeNull();
    });

    it('answers null for an unknown or malformed id', async () => {
      expect(await ctx.store.query('query.customer.by-id', { customerId: randomUUID() })).toBeNull();
      expect(await ctx.store.query('query.customer.by-id', { customerId: 'nope' })).toBeNull();
    });
  });

  describe('customer search', () => {
    it('pages through every match in id order with an opaque cursor', async () => {
      const name = `Zed${tag()}`;
      const created = await Promise.all(
        Array.from({ length: 5 }, (_, i) => telegramCustomer({ firstName: `${name} ${i}` })),
      );

      const seen: CustomerView[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await ctx.store.query('query.customer.search', {
          query: name.toLowerCase(),
          limit: 2,
          cursor,
        });
        seen.push(...page.items);
        cursor = page.nextCursor ?? undefined;
        pages++;
      } while (cursor);

      expect(pages).toBe(3);
      expect(seen.map((c) => c.id)).toEqual(created.map((c) => c.id).sort());
    });

    it('matches the start of a name, email, phone or username, case-insensitively', async () => {
      const t = tag();
      const byName = await telegramCustomer({ firstName: `Quinn${t}` });
      const byUsername = await telegramCustomer({ username: `quinnie_${t}` });
      const byEmail = (await applied(ctx.store, sampleOps.registerWebsite({ email: `qx${t}@example.com` })))
        .customer;
      const phone = `+99${Date.now()}`;
      const byPhone = await telegramCustomer();
      await applied(
        ctx.store,
        makeOp('customer.update_profile', { customerId: byPhone.id, changes: { phone } }),
      );

      const search = async (query: string) =>
        (await ctx.store.query('query.customer.search', { query, limit: 100 })).items.map((c) => c.id);

      expect(await search(`QUINN${t}`)).toEqual([byName.id]);
      expect(await search(`@Quinnie_${t}`)).toEqual([byUsername.id]);
      expect(await search(`QX${t}`)).toEqual([byEmail.id]);
      expect(await search(phone.slice(0, -2))).toEqual([byPhone.id]);
    });

    it('treats LIKE wildcards in the query as plain characters', async () => {
      const page = await ctx.store.query('query.customer.search', { query: '%', limit: 100 });

      expect(page.items).toEqual([]);
    });

    it('filters by email, Telegram id, phone and platform, combined', async () => {
      const tg = await telegramCustomer();
      const email = sampleOps.email();
      const web = (await applied(ctx.store, sampleOps.registerWebsite({ email }))).customer;
      const telegramId = tg.identities[0].externalId;

      const ids = async (request: object) =>
        (await ctx.store.query('query.customer.search', { limit: 100, ...request })).items.map((c) => c.id);

      expect(await ids({ email: email.toUpperCase() })).toEqual([web.id]);
      expect(await ids({ telegramId })).toEqual([tg.id]);
      expect(await ids({ telegramId, platform: 'website' })).toEqual([]);
      expect(await ids({ email, platform: 'website' })).toEqual([web.id]);
    });

    it('leaves merged customers out', async () => {
      const t = tag();
      const tg = await telegramCustomer({ firstName: `Merged${t}` });
      const web = (await applied(ctx.store, sampleOps.registerWebsite({ displayName: undefined }))).customer;
      await applied(
        ctx.store,
        makeOp('customer.link_telegram', {
          customerId: web.id,
          proof: { kind: 'telegram_auth', telegramId: tg.identities[0].externalId },
        }),
      );

      const page = await ctx.store.query('query.customer.search', { query: `merged${t}`, limit: 10 });

      expect(page.items.map((c) => c.id)).toEqual([web.id]); // the survivor took the name over
    });

    it('refuses a cursor it did not issue', async () => {
      await expect(
        ctx.store.query('query.customer.search', { limit: 10, cursor: 'bm9wZQ' }),
      ).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
      });
    });
  });

  describe('orders, loyalty and ops', () => {
    it('lists a customer’s orders newest first, up to the limit', async () => {
      const customer = await telegramCustomer();
      const placed = [];
      for (let i = 0; i < 3; i++) {
        const at = new Date(Date.UTC(2026, 0, 1 + i)).toISOString();
        placed.push((await applied(ctx.store, { ...sampleOps.placeOrder(customer.id), at })).order);
      }

      const orders = await ctx.store.query('query.order.list', { customerId: customer.id, limit: 2 });

      expect(orders.map((order) => order.id)).toEqual([placed[2].id, placed[1].id]);
      expect(await ctx.store.query('query.order.by-id', { orderId: placed[0].id })).toEqual(placed[0]);
      expect(await ctx.store.query('query.order.by-id', { orderId: randomUUID() })).toBeNull();
    });

    it('summarizes the ledger and shows the most recent entries first', async () => {
      const customer = await telegramCustomer();
      const { order } = await applied(ctx.store, sampleOps.placeOrder(customer.id));
      await applied(ctx.store, sampleOps.changeStatus(order.id, 'paid'));

      const summary = await ctx.store.query('query.loyalty.ledger', {
        customerId: customer.id,
        recentLimit: 2,
      });

      expect(summary).toMatchObject({
        customerId: customer.id,
        balance: 34,
        pending: 0,
        lifetimeEarned: 34,
        tier: 'bronze',
      });
      expect(summary.recentEntries).toHaveLength(2);
      expect(summary.recentEntries.every((entry) => entry.reason === 'order paid')).toBe(true);
    });

    it('answers an op’s stored decision with its actor, and null for an unknown op', async () => {
      const op = { ...sampleOps.registerTelegram(), actor: 'key-123' };
      const outcome = await ctx.store.applyOp(op);

      expect(await ctx.store.query('op.get', { opId: op.opId })).toEqual({ ...outcome, actor: 'key-123' });
      expect(await ctx.store.query('op.get', { opId: randomUUID() })).toBeNull();
    });
  });
});
