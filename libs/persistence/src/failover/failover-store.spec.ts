import { Client } from 'pg';
import { createTestDatabasePair, TestDatabasePair } from '../../../../test/support/databases';
import { ReadCache } from '../cache/read-cache';
import { databaseNameOf } from '../db/database-name-of';
import { withDatabase } from '../db/with-database';
import { PgStore } from '../store/pg-store';
import { applied } from '../testing/applied';
import { makeOp } from '../testing/make-op';
import { sampleOps } from '../testing/sample-ops';
import { FailoverStore } from './failover-store';
import { ModeMachine } from './mode-machine';
import { pgProbe } from './pg-probe';
import { WriteGate } from './write-gate';

/**
 * The failover repository on two real databases with tight timeouts: a slow statement or a
 * full pool is a 503 for that call only, never a change of mode (issue 4, Precisions: "A
 * breaker opens on connection failures confirmed by the probe, not on a single statement
 * timeout or a full pool").
 */
describe('FailoverStore', () => {
  let dbs: TestDatabasePair;
  let stores: { primary: PgStore; backup: PgStore };
  let machine: ModeMachine;
  let failover: FailoverStore;
  let locker: Client;

  beforeEach(async () => {
    dbs = await createTestDatabasePair();
    const settings = (url: string) => ({ url, poolSize: 1, connectTimeoutMs: 300, statementTimeoutMs: 300 });
    stores = {
      primary: PgStore.connect(settings(dbs.primaryUrl), 'primary'),
      backup: PgStore.connect(settings(dbs.backupUrl), 'backup'),
    };
    const gate = new WriteGate();
    machine = new ModeMachine({
      probes: { primary: pgProbe(dbs.primaryUrl, 1000), backup: pgProbe(dbs.backupUrl, 1000) },
      probeIntervalMs: 3_600_000,
      catchUp: () => null,
      backlog: { pendingCount: async () => 0, setReplayTarget: () => undefined },
      gate,
    });
    await machine.start();
    machine.lead();
    failover = new FailoverStore({
      stores,
      machine,
      gate,
      cache: new ReadCache(100),
      queue: null,
      durability: () => ({ isDurable: false, allowsVolatile: false }),
    });
    locker = new Client({ connectionString: dbs.primaryUrl });
    locker.on('error', () => undefined); // the last test drops its database
    await locker.connect();
  });
  afterEach(async () => {
    await locker.end().catch(() => undefined);
    await machine.stop();
    await failover.close();
    await dbs.drop();
  });

  /** Holds the customer's row lock in another session, so a write to it waits past its timeout. */
  async function lockCustomer(customerId: string) {
    await locker.query('BEGIN');
    await locker.query('SELECT 1 FROM customers WHERE id = $1 FOR UPDATE', [customerId]);
  }
  const editProfile = (customerId: string) =>
    makeOp('customer.update_profile', { customerId, changes: { phone: '+4915100000' } });

  it('answers a statement timeout with 503 and stays in the mode', async () => {
    const { customer } = await applied(failover, sampleOps.registerTelegram());
    await lockCustomer(customer.id);

    await expect(failover.applyOp(editProfile(customer.id))).rejects.toMatchObject({
      code: 'STORE_UNAVAILABLE',
      message: expect.stringContaining('statement timeout'),
    });
    expect(machine.mode).toBe('FULL_OPERATIONAL');
    await locker.query('ROLLBACK');
  });

  it('answers a full pool with 503 and stays in the mode', async () => {
    const { customer } = await applied(failover, sampleOps.registerTelegram());
    await lockCustomer(customer.id);
    const stuck = failover.applyOp(editProfile(customer.id)).catch((error: unknown) => error);

    await expect(failover.applyOp(sampleOps.registerTelegram())).rejects.toMatchObject({
      code: 'STORE_UNAVAILABLE',
      message: expect.stringContaining('timeout exceeded when trying to connect'),
    });
    expect(machine.mode).toBe('FULL_OPERATIONAL');
    await stuck;
    await locker.query('ROLLBACK');
  });

  it('writes to the backup, and refuses redemptions there, once the primary is gone', async () => {
    const { customer } = await applied(failover, sampleOps.registerTelegram());
    await dropDatabase(dbs.primaryUrl);

    const registration = sampleOps.registerTelegram();
    const outcome = await failover.applyOp(registration);

    expect(outcome.state).toBe('applied');
    expect(machine.mode).toBe('SUPABASE_ONLY');
    expect(await stores.backup.query('op.get', { opId: registration.opId })).not.toBeNull();
    await expect(
      failover.applyOp(sampleOps.placeOrder(customer.id, { redeemPoints: 10 })),
    ).rejects.toMatchObject({
      code: 'STORE_UNAVAILABLE',
      headers: { 'Retry-After': '5' },
    });
  });

  it('refuses to queue while Redis could lose the queue, with 503 and Retry-After', async () => {
    const { customer } = await applied(failover, sampleOps.registerTelegram());
    await Promise.all([dropDatabase(dbs.primaryUrl), dropDatabase(dbs.backupUrl)]);
    await machine.tick();
    expect(machine.mode).toBe('CACHE_ONLY');

    await expect(failover.applyOp(sampleOps.placeOrder(customer.id))).rejects.toMatchObject({
      code: 'STORE_UNAVAILABLE',
      headers: { 'Retry-After': '5' },
      message: expect.stringContaining('appendfsync always'),
    });
    // Reads still come from the cache, and say so.
    expect(await failover.query('query.customer.by-id', { customerId: customer.id })).toMatchObject({
      id: customer.id,
      source: 'cache',
    });
  });
});

async function dropDatabase(url: string): Promise<void> {
  const client = new Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${databaseNameOf(url)}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
