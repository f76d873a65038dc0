import { randomUUID } from 'node:crypto';
import { hashLinkCode } from '@karmabot/domain';
import { useTestStore } from '../../../../../test/support/use-test-store';
import { applied } from '../../testing/applied';
import { makeOp } from '../../testing/make-op';
import { rejectionOf } from '../../testing/rejection-of';
import { sampleOps } from '../../testing/sample-ops';

const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
const newCodeHash = () => hashLinkCode(randomUUID().slice(0, 8), 'test-pepper');

describe('customer.link_telegram and link_code.issue', () => {
  const t = useTestStore();

  const websiteCustomer = async (payload = {}) =>
    (await applied(t.store, sampleOps.registerWebsite(payload))).customer;
  const telegramCustomer = async (telegramId = sampleOps.telegramId()) =>
    (await applied(t.store, sampleOps.registerTelegram({ telegramId }))).customer;
  const linkByTelegramLogin = (customerId: string, telegramId: string) =>
    makeOp('customer.link_telegram', { customerId, proof: { kind: 'telegram_auth', telegramId } });

  async function issuedCode(telegramId: string, expiresAt = inMinutes(10)): Promise<string> {
    const codeHash = newCodeHash();
    const result = await applied(t.store, sampleOps.issueLinkCode(telegramId, codeHash, expiresAt));
    expect(result).toEqual({ expiresAt });
    return codeHash;
  }

  /** A code the website obtained for its customer, for the Telegram side to use. */
  async function customerCode(customerId: string, expiresAt = inMinutes(10)): Promise<string> {
    const codeHash = newCodeHash();
    const result = await applied(t.store, sampleOps.issueCustomerLinkCode(customerId, codeHash, expiresAt));
    expect(result).toEqual({ expiresAt });
    return codeHash;
  }

  async function codeRow(codeHash: string) {
    const { rows } = await t.sql.query(
      'SELECT telegram_id, customer_id, used_at, used_by_customer_id FROM link_codes WHERE code_hash = $1',
      [codeHash],
    );
    return rows[0];
  }

  async function balanceOf(customerId: string) {
    return t.store.query('query.loyalty.ledger', { customerId, recentLimit: 50 });
  }

  it('stores an issued code by its hash, with an id derived from the op', async () => {
    const telegramId = sampleOps.telegramId();
    const codeHash = newCodeHash();
    const op = sampleOps.issueLinkCode(telegramId, codeHash, inMinutes(10));

    await applied(t.store, op);

    const { rows } = await t.sql.query('SELECT telegram_id, used_at FROM link_codes WHERE code_hash = $1', [
      codeHash,
    ]);
    expect(rows).toEqual([{ telegram_id: telegramId, used_at: null }]);
  });

  it('adds a Telegram account nobody has yet to the website customer, using up the code', async () => {
    const customer = await websiteCustomer();
    const telegramId = sampleOps.telegramId();
    const codeHash = await issuedCode(telegramId);
    const op = sampleOps.linkWithCode(customer.id, codeHash);

    const result = await applied(t.store, op);

    expect(result.mergedCustomerId).toBeNull();
    expect(result.customer.identities.map((i) => i.platform).sort()).toEqual(['telegram', 'website']);
    const { rows } = await t.sql.query(
      'SELECT used_at, used_by_customer_id FROM link_codes WHERE code_hash = $1',
      [codeHash],
    );
    expect(rows[0]).toEqual({ used_at: new Date(op.at), used_by_customer_id: customer.id });
    expect(
      await t.store.query('query.customer.by-identity', { platform: 'telegram', externalId: telegramId }),
    ).toMatchObject({ id: customer.id });
  });

  it('accepts a code only once', async () => {
    const telegramId = sampleOps.telegramId();
    const codeHash = await issuedCode(telegramId);
    await applied(t.store, sampleOps.linkWithCode((await websiteCustomer()).id, codeHash));

    const error = await rejectionOf(t.store, sampleOps.linkWithCode((await websiteCustomer()).id, codeHash));

    expect(error.code).toBe('LINK_PROOF_INVALID');
  });

  it('judges expiry at the time the op was accepted', async () => {
    const customer = await websiteCustomer();
    const telegramId = sampleOps.telegramId();
    const codeHash = await issuedCode(telegramId, inMinutes(1));

    const late = makeOp(
      'customer.link_telegram',
      { customerId: customer.id, proof: { kind: 'code', codeHash } },
      { at: inMinutes(2) },
    );
    expect((await rejectionOf(t.store, late)).code).toBe('LINK_PROOF_INVALID');
    // Accepted before the expiry but applied now (a deferred op): still valid.
    await applied(t.store, sampleOps.linkWithCode(customer.id, codeHash));
  });

  it('refuses a code never issued', async () => {
    const customer = await websiteCustomer();

    const unknown = await rejectionOf(t.store, sampleOps.linkWithCode(customer.id, newCodeHash()));

    expect(unknown.code).toBe('LINK_PROOF_INVALID');
  });

  it('merges the bot-created customer into the website customer: identities, orders and points move, balances add up', async () => {
    const telegramId = sampleOps.telegramId();
    const tg = await telegramCustomer(telegramId);
    await applied(
      t.store,
      makeOp('customer.update_profile', { customerId: tg.id, changes: { phone: '+491701234567' } }),
    );
    const tgOrder = (await applied(t.store, sampleOps.placeOrder(tg.id, { platform: 'telegram' }))).order;
    await applied(t.store, sampleOps.changeStatus(tgOrder.id, 'paid'));
    const web = await websiteCustomer();
    const webOrder = (await applied(t.store, sampleOps.placeOrder(web.id))).order;
    await applied(t.store, sampleOps.changeStatus(webOrder.id, 'paid'));
    const before = [await balanceOf(tg.id), await balanceOf(web.id)];

    const result = await applied(t.store, sampleOps.linkWithCode(web.id, await issuedCode(telegramId)));

    expect(result.mergedCustomerId).toBe(tg.id);
    expect(result.customer).toMatchObject({ id: web.id, phone: '+491701234567', version: web.version + 1 });
    expect(result.customer.identities.map((i) => i.platform).sort()).toEqual(['telegram', 'website']);
    const orders = await t.store.query('query.order.list', { customerId: web.id, limit: 10 });
    expect(orders.map((order) => order.id).sort()).toEqual([tgOrder.id, webOrder.id].sort());
    const after = await balanceOf(web.id);
    expect(after.balance).toBe(before[0].balance + before[1].balance);
    expect(after.lifetimeEarned).toBe(before[0].lifetimeEarned + before[1].lifetimeEarned);
    expect(after.recentEntries).toHaveLength(before[0].recentEntries.length + before[1].recentEntries.length);
    expect((await balanceOf(tg.id)).recentEntries).toEqual([]);
    const tombstone = await t.store.query('query.customer.by-id', { customerId: tg.id });
    expect(tombstone).toMatchObject({ mergedInto: web.id, version: 3, identities: [] });
  });

  it('attributes writes through a merged customer id to the customer it was merged into, or refuses them', async () => {
    const telegramId = sampleOps.telegramId();
    const tg = await telegramCustomer(telegramId);
    const web = await websiteCustomer();
    await applied(t.store, linkByTelegramLogin(web.id, telegramId));

    const { order } = await applied(t.store, sampleOps.placeOrder(tg.id));
    const profileError = await rejectionOf(
      t.store,
      makeOp('customer.update_profile', { customerId: tg.id, changes: { displayName: 'X' } }),
    );

    expect(order.customerId).toBe(web.id);
    expect(profileError.code).toBe('CUSTOMER_MERGED');
  });

  it('refuses to link to a merged customer (CUSTOMER_MERGED) and leaves the code unused', async () => {
    const telegramId = sampleOps.telegramId();
    const tg = await telegramCustomer(telegramId);
    await applied(t.store, linkByTelegramLogin((await websiteCustomer()).id, telegramId));
    const otherTelegramId = sampleOps.telegramId();
    const codeHash = await issuedCode(otherTelegramId);

    const error = await rejectionOf(t.store, sampleOps.linkWithCode(tg.id, codeHash));

    expect(error.code).toBe('CUSTOMER_MERGED');
    const { rows } = await t.sql.query('SELECT used_at FROM link_codes WHERE code_hash = $1', [codeHash]);
    expect(rows[0].used_at).toBeNull();
  });

  it('answers linking an account already linked to the same customer as a success that changes nothing', async () => {
    const telegramId = sampleOps.telegramId();
    const web = await websiteCustomer();
    const first = await applied(t.store, linkByTelegramLogin(web.id, telegramId));

    const again = await applied(t.store, linkByTelegramLogin(web.id, telegramId));

    expect(again).toEqual({ customer: first.customer, mergedCustomerId: null });
  });

  it('refuses an account whose customer was merged elsewhere (IDENTITY_LINKED_ELSEWHERE)', async () => {
    const telegramId = sampleOps.telegramId();
    const tg = await telegramCustomer(telegramId);
    const elsewhere = await websiteCustomer();
    // Identities move on merge, so only damaged or half-replicated data looks like this.
    await t.sql.query('UPDATE customers SET merged_into = $2 WHERE id = $1', [tg.id, elsewhere.id]);

    const error = await rejectionOf(t.store, linkByTelegramLogin((await websiteCustomer()).id, telegramId));

    expect(error.code).toBe('IDENTITY_LINKED_ELSEWHERE');
  });

  it('throws CUSTOMER_NOT_FOUND for an unknown website customer', async () => {
    await expect(
      t.store.applyOp(linkByTelegramLogin('0190a0e2-0000-7000-8000-0000000000bb', sampleOps.telegramId())),
    ).rejects.toMatchObject({ code: 'CUSTOMER_NOT_FOUND' });
  });
  describe('from the Telegram side, with a code issued for a website customer', () => {
    it('stores a code issued for a customer by its hash, naming the customer and no Telegram account', async () => {
      const customer = await websiteCustomer();

      const codeHash = await customerCode(customer.id);

      expect(await codeRow(codeHash)).toEqual({
        telegram_id: null,
        customer_id: customer.id,
        used_at: null,
        used_by_customer_id: null,
      });
    });

    it('adds the sender, who has no customer yet, to the customer the code was issued for, using up the code', async () => {
      const customer = await websiteCustomer();
      const telegramId = sampleOps.telegramId();
      const codeHash = await customerCode(customer.id);
      const op = sampleOps.linkFromTelegram(telegramId, codeHash);

      const result = await applied(t.store, op);

      expect(result.mergedCustomerId).toBeNull();
      expect(result.customer.id).toBe(customer.id);
      expect(result.customer.identities.map((i) => i.platform).sort()).toEqual(['telegram', 'website']);
      expect(await codeRow(codeHash)).toMatchObject({
        used_at: new Date(op.at),
        used_by_customer_id: customer.id,
      });
      expect(
        await t.store.query('query.customer.by-identity', { platform: 'telegram', externalId: telegramId }),
      ).toMatchObject({ id: customer.id });
    });

    it('merges the bot-created customer into the website customer, as the website direction does', async () => {
      const telegramId = sampleOps.telegramId();
      const tg = await telegramCustomer(telegramId);
      const tgOrder = (await applied(t.store, sampleOps.placeOrder(tg.id, { platform: 'telegram' }))).order;
      await applied(t.store, sampleOps.changeStatus(tgOrder.id, 'paid'));
      const web = await websiteCustomer();
      const webOrder = (await applied(t.store, sampleOps.placeOrder(web.id))).order;
      await applied(t.store, sampleOps.changeStatus(webOrder.id, 'paid'));
      const before = [await balanceOf(tg.id), await balanceOf(web.id)];

      const result = await applied(
        t.store,
        sampleOps.linkFromTelegram(telegramId, await customerCode(web.id)),
      );

      expect(result.mergedCustomerId).toBe(tg.id);
      expect(result.customer).toMatchObject({ id: web.id, mergedInto: null });
      const orders = await t.store.query('query.order.list', { customerId: web.id, limit: 10 });
      expect(orders.map((order) => order.id).sort()).toEqual([tgOrder.id, webOrder.id].sort());
      expect((await balanceOf(web.id)).balance).toBe(before[0].balance + before[1].balance);
      expect(await t.store.query('query.customer.by-id', { customerId: tg.id })).toMatchObject({
        mergedInto: web.id,
        identities: [],
      });
    });

    it('accepts a customer code only once', async () => {
      const codeHash = await customerCode((await websiteCustomer()).id);
      await applied(t.store, sampleOps.linkFromTelegram(sampleOps.telegramId(), codeHash));
      const other = sampleOps.telegramId();

      const error = await rejectionOf(t.store, sampleOps.linkFromTelegram(other, codeHash));

      expect(error.code).toBe('LINK_PROOF_INVALID');
      expect(
        await t.store.query('query.customer.by-identity', { platform: 'telegram', externalId: other }),
      ).toBeNull();
    });

    it('refuses an expired customer code, judged at the time the op was accepted', async () => {
      const customer = await websiteCustomer();
      const telegramId = sampleOps.telegramId();
      const codeHash = await customerCode(customer.id, inMinutes(1));
      const late = makeOp(
        'customer.link_telegram',
        { telegramId, proof: { kind: 'code', codeHash } },
        { at: inMinutes(2) },
      );

      expect((await rejectionOf(t.store, late)).code).toBe('LINK_PROOF_INVALID');
      expect((await codeRow(codeHash)).used_at).toBeNull();
      await applied(t.store, sampleOps.linkFromTelegram(telegramId, codeHash));
    });

    it('refuses a code never issued', async () => {
      const error = await rejectionOf(
        t.store,
        sampleOps.linkFromTelegram(sampleOps.telegramId(), newCodeHash()),
      );

      expect(error.code).toBe('LINK_PROOF_INVALID');
    });
  });

  describe('a code used by the side it was issued for', () => {
    it('refuses a Telegram code typed back into Telegram, and leaves it usable by the website', async () => {
      const telegramId = sampleOps.telegramId();
      const codeHash = await issuedCode(telegramId);

      const error = await rejectionOf(t.store, sampleOps.linkFromTelegram(telegramId, codeHash));

      expect(error.code).toBe('LINK_PROOF_INVALID');
      expect((await codeRow(codeHash)).used_at).toBeNull();
      await applied(t.store, sampleOps.linkWithCode((await websiteCustomer()).id, codeHash));
    });

    it('refuses a customer code used by the website, and leaves it usable from Telegram', async () => {
      const customer = await websiteCustomer();
      const codeHash = await customerCode(customer.id);

      const own = await rejectionOf(t.store, sampleOps.linkWithCode(customer.id, codeHash));
      const another = await rejectionOf(
        t.store,
        sampleOps.linkWithCode((await websiteCustomer()).id, codeHash),
      );

      expect([own.code, another.code]).toEqual(['LINK_PROOF_INVALID', 'LINK_PROOF_INVALID']);
      expect((await codeRow(codeHash)).used_at).toBeNull();
      await applied(t.store, sampleOps.linkFromTelegram(sampleOps.telegramId(), codeHash));
    });

    it('refuses Telegram Login data from the Telegram side: it proves the side already asking', async () => {
      const op = makeOp('customer.link_telegram', {
        telegramId: sampleOps.telegramId(),
        proof: { kind: 'telegram_auth', telegramId: sampleOps.telegramId() },
      } as never);

      expect((await rejectionOf(t.store, op)).code).toBe('LINK_PROOF_INVALID');
    });
  });

  describe('malformed payloads', () => {
    it('refuses a link naming both sides, or neither', async () => {
      const customer = await websiteCustomer();
      const codeHash = await customerCode(customer.id);
      const both = makeOp('customer.link_telegram', {
        customerId: customer.id,
        telegramId: sampleOps.telegramId(),
        proof: { kind: 'code', codeHash },
      } as never);
      const neither = makeOp('customer.link_telegram', { proof: { kind: 'code', codeHash } } as never);

      expect((await rejectionOf(t.store, both)).code).toBe('VALIDATION_FAILED');
      expect((await rejectionOf(t.store, neither)).code).toBe('VALIDATION_FAILED');
      expect((await codeRow(codeHash)).used_at).toBeNull();
    });

    it('refuses a code issued for both sides, or neither', async () => {
      const customer = await websiteCustomer();
      const expiresAt = inMinutes(10);
      const both = makeOp('link_code.issue', {
        customerId: customer.id,
        telegramId: sampleOps.telegramId(),
        codeHash: newCodeHash(),
        expiresAt,
      } as never);
      const neither = makeOp('link_code.issue', { codeHash: newCodeHash(), expiresAt } as never);

      expect((await rejectionOf(t.store, both)).code).toBe('VALIDATION_FAILED');
      expect((await rejectionOf(t.store, neither)).code).toBe('VALIDATION_FAILED');
    });

    it('issues no code for an unknown customer (CUSTOMER_NOT_FOUND) or a merged one (CUSTOMER_MERGED)', async () => {
      const telegramId = sampleOps.telegramId();
      const tg = await telegramCustomer(telegramId);
      await applied(t.store, linkByTelegramLogin((await websiteCustomer()).id, telegramId));

      await expect(
        t.store.applyOp(
          sampleOps.issueCustomerLinkCode(
            '0190a0e2-0000-7000-8000-0000000000cc',
            newCodeHash(),
            inMinutes(10),
          ),
        ),
      ).rejects.toMatchObject({ code: 'CUSTOMER_NOT_FOUND' });
      const merged = await rejectionOf(
        t.store,
        sampleOps.issueCustomerLinkCode(tg.id, newCodeHash(), inMinutes(10)),
      );
      expect(merged.code).toBe('CUSTOMER_MERGED');
    });

    it('keeps exactly one side per code in the table itself', async () => {
      await expect(
        t.sql.query(
          `INSERT INTO link_codes (id, code_hash, created_at, expires_at) VALUES (gen_random_uuid(), $1, now(), now())`,
          [newCodeHash()],
        ),
      ).rejects.toMatchObject({ code: '23514' });
    });
  });
});
