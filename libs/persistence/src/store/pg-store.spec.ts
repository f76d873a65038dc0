import { Client } from 'pg';
import { createTestDatabase, TestDatabase } from '../../../../test/support/databases';
import { applied } from '../testing/applied';
import { connectTestStore } from '../testing/connect-test-store';
import { sampleOps } from '../testing/sample-ops';
import { PgStore } from './pg-store';

describe('PgStore', () => {
  let db: TestDatabase;
  let store: PgStore;
  beforeAll(async () => {
    db = await createTestDatabase();
    store = connectTestStore(db.url);
  });
  afterAll(async () => {
    await store.close();
    await db.drop();
  });

  it('answers a ping with its latency', async () => {
    const latencyMs = await store.ping();

    expect(latencyMs).toBeGreaterThanOrEqual(0);
    expect(latencyMs).toBeLessThan(1000);
  });

  it('prunes ops past retention and keeps their effects and newer ops', async () => {
    const old = { ...sampleOps.registerTelegram(), at: '2020-01-01T00:00:00.000Z' };
    const recent = sampleOps.registerTelegram();
    const { customer } = await applied(store, old);
    await applied(store, recent);

    const deleted = await store.pruneOps(new Date('2021-01-01T00:00:00Z'));

    expect(deleted).toBe(1);
    expect(await store.query('op.get', { opId: old.opId })).toBeNull();
    expect(await store.query('op.get', { opId: recent.opId })).not.toBeNull();
    expect(await store.query('query.customer.by-id', { customerId: customer.id })).not.toBeNull();
  });

  it('keeps the loyalty ledger append-only', async () => {
    const { customer } = await applied(store, sampleOps.registerTelegram());
    await applied(store, sampleOps.placeOrder(customer.id));
    const sql = new Client({ connectionString: db.url });
    await sql.connect();
    try {
      await expect(
        sql.query('UPDATE loyalty_ledger SET points = 1000 WHERE customer_id = $1', [customer.id]),
      ).rejects.toThrow(/append-only/);
      await expect(
        sql.query('DELETE FROM loyalty_ledger WHERE customer_id = $1', [customer.id]),
      ).rejects.toThrow(/append-only/);
    } finally {
      await sql.end();
    }
  });

  it('reports the database going away as STORE_UNAVAILABLE', async () => {
    const doomed = await createTestDatabase();
    const doomedStore = connectTestStore(doomed.url);
    try {
      await doomedStore.ping();
      await doomed.drop();

      await expect(doomedStore.applyOp(sampleOps.registerTelegram())).rejects.toMatchObject({
        code: 'STORE_UNAVAILABLE',
        status: 503,
      });
    } finally {
      await doomedStore.close();
    }
  });
});
