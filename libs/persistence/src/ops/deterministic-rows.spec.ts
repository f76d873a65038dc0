import { Client } from 'pg';
import { Op } from '@karmabot/contracts';
import { customerIdForIdentity, deriveId, hashLinkCode } from '@karmabot/domain';
import { createTestDatabase, TestDatabase } from '../../../../test/support/databases';
import { connectTestStore } from '../testing/connect-test-store';
import { makeOp } from '../testing/make-op';
import { sampleOps } from '../testing/sample-ops';

/** Every table an op writes, with the columns that must match across stores (not seq or applied_at). */
const DUMPS = {
  customers: 'SELECT * FROM customers ORDER BY id',
  identities: 'SELECT * FROM identities ORDER BY platform, external_id',
  orders: 'SELECT * FROM orders ORDER BY id',
  loyalty_ledger: 'SELECT * FROM loyalty_ledger ORDER BY id',
  link_codes: 'SELECT * FROM link_codes ORDER BY id',
  api_keys: 'SELECT * FROM api_keys ORDER BY id',
  ops: `SELECT op_id, type, payload, actor, platform, at, request_hash, state, result, error, result_hash
          FROM ops ORDER BY op_id`,
};

async function dump(url: string): Promise<Record<string, unknown[]>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const tables: Record<string, unknown[]> = {};
    for (const [table, query] of Object.entries(DUMPS)) tables[table] = (await client.query(query)).rows;
    return tables;
  } finally {
    await client.end();
  }
}

/** A history touching every op type, a merge and a rejection; each op is built once and applied to both stores. */
function history(): Op[] {
  const telegramId = sampleOps.telegramId();
  const tgId = customerIdForIdentity('telegram', telegramId);
  const web = sampleOps.registerWebsite();
  const webId = customerIdForIdentity('website', web.payload.email);
  const codeHash = hashLinkCode('ABCD2345', 'pepper');
  const firstOrder = sampleOps.placeOrder(tgId);
  const keyId = '0190a0e2-0000-7000-8000-00000000000d';
  return [
    sampleOps.registerTelegram({ telegramId }),
    firstOrder,
    sampleOps.changeStatus(deriveId(firstOrder.opId, 'order'), 'paid'),
    sampleOps.placeOrder(tgId, { redeemPoints: 1000 }), // rejected: not enough points
    web,
    sampleOps.issueLinkCode(telegramId, codeHash, new Date(Date.now() + 600_000).toISOString()),
    sampleOps.linkWithCode(webId, codeHash),
    makeOp('customer.update_profile', {
      customerId: webId,
      changes: { phone: '+15550100' },
      expectedVersion: 2,
    }),
    sampleOps.placeOrder(webId, { redeemPoints: 10 }),
    makeOp('api_key.create', { keyId, prefix: 'kb_same', secretHash: 'h', name: 'k', scopes: ['website'] }),
    makeOp('api_key.revoke', { keyId }),
  ];
}

describe('rows an op creates', () => {
  let stores: TestDatabase[];
  beforeAll(async () => {
    stores = await Promise.all([createTestDatabase(), createTestDatabase()]);
  });
  afterAll(async () => {
    await Promise.all(stores.map((db) => db.drop()));
  });

  it('are identical on two stores that apply the same ops', async () => {
    const ops = history();
    for (const db of stores) {
      const store = connectTestStore(db.url);
      try {
        for (const op of ops) await store.applyOp(op);
      } finally {
        await store.close();
      }
    }

    const [primary, backup] = await Promise.all(stores.map((db) => dump(db.url)));

    expect(primary.ops.map((op) => (op as { state: string }).state)).toContain('rejected');
    expect(primary.customers).toHaveLength(2);
    expect(primary.loyalty_ledger.length).toBeGreaterThan(3);
    expect(backup).toEqual(primary);
  });
});
