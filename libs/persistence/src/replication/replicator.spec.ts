import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { Op } from '@karmabot/contracts';
import { customerIdForIdentity, deriveId, hashLinkCode } from '@karmabot/domain';
import { expectStoresEqual } from '../../../../test/support/expect-stores-equal';
import { createReplicatedStores, ReplicatedStores } from '../../../../test/support/replicated-stores';
import { waitUntil } from '../../../../test/support/wait-until';
import { databaseNameOf } from '../db/database-name-of';
import { withDatabase } from '../db/with-database';
import { applyOpInTransaction } from '../ops/apply-op';
import { PgStore } from '../store/pg-store';
import { applied } from '../testing/applied';
import { makeOp } from '../testing/make-op';
import { sampleOps } from '../testing/sample-ops';
import { Replicator } from './replicator';

/** A history touching every op type, a merge, a rejection and a deleted link code. */
function history(): Op[] {
  const telegramId = sampleOps.telegramId();
  const tgId = customerIdForIdentity('telegram', telegramId);
  const web = sampleOps.registerWebsite();
  const webId = customerIdForIdentity('website', web.payload.email);
  const codeHash = hashLinkCode(randomUUID().slice(0, 8).toUpperCase(), 'pepper');
  const firstOrder = sampleOps.placeOrder(tgId);
  const keyId = randomUUID();
  return [
    sampleOps.registerTelegram({ telegramId }),
    firstOrder,
    sampleOps.changeStatus(deriveId(firstOrder.opId, 'order'), 'paid'),
    sampleOps.placeOrder(tgId, { redeemPoints: 100_000 }), // rejected: not enough points
    web,
    // A dead code with the same hash is deleted by the next issue: a 'D' effect.
    sampleOps.issueLinkCode(telegramId, codeHash, new Date(Date.now() - 1000).toISOString()),
    sampleOps.issueLinkCode(telegramId, codeHash, new Date(Date.now() + 600_000).toISOString()),
    sampleOps.linkWithCode(webId, codeHash), // merges the Telegram customer into the website one
    makeOp('customer.update_profile', { customerId: webId, changes: { phone: '+15550100' } }),
    sampleOps.placeOrder(webId, { redeemPoints: 10 }),
    makeOp('api_key.create', {
      keyId,
      prefix: `kb_${randomUUID().slice(0, 8)}`,
      secretHash: 'h',
      name: 'k',
      scopes: ['website'],
    }),
    makeOp('api_key.revoke', { keyId }),
  ];
}

async function applyAll(store: PgStore, ops: Op[]): Promise<void> {
  for (const op of ops) await store.applyOp(op);
}

async function opOn(stores: ReplicatedStores, store: 'primary' | 'backup', opId: string) {
  const [row] = await stores.rows<{ origin: string; state: string }>(
    store,
    'SELECT origin, state FROM ops WHERE op_id = $1',
    [opId],
  );
  return row ?? null;
}

const waitForCopies = (replicator: Replicator) =>
  waitUntil(
    async () => {
      const lag = await replicator.lag();
      return lag.toBackup?.ops === 0 && lag.toPrimary?.ops === 0 ? true : undefined;
    },
    { timeoutMs: 15_000, intervalMs: 20, describe: () => 'both directions to catch up' },
  );

describe('Replicator', () => {
  let stores: ReplicatedStores;
  beforeEach(async () => {
    stores = await createReplicatedStores();
  });
  afterEach(async () => {
    await stores.close();
  });

  it('copies every write decided on the primary to the backup, effects and all', async () => {
    stores.replicator.start();

    await applyAll(stores.primary, history());
    await waitForCopies(stores.replicator);

    await expectStoresEqual(stores.dbs.primaryUrl, stores.dbs.backupUrl);
    const [{ count }] = await stores.rows<{ count: string }>(
      'backup',
      `SELECT count(*) FROM ops WHERE origin = 'primary'`,
    );
    expect(Number(count)).toBe(history().length);
    expect(await stores.rows('backup', 'SELECT * FROM conflicts')).toEqual([]);
    // The history's replaced link code travelled as a delete, and the merge as updates.
    const kinds = await stores.rows<{ k: string; t: string }>(
      'backup',
      `SELECT DISTINCT e->>'k' AS k, e->>'t' AS t FROM ops, jsonb_array_elements(effects) e`,
    );
    expect(kinds).toEqual(
      expect.arrayContaining([
        { k: 'D', t: 'link_codes' },
        { k: 'U', t: 'loyalty_ledger' },
        { k: 'U', t: 'identities' },
      ]),
    );
  });

  it('copies ops decided on the backup to the primary, and never copies an op back', async () => {
    stores.replicator.start();
    const onBackup = history();
    const onPrimary = history();

    await Promise.all([applyAll(stores.backup, onBackup), applyAll(stores.primary, onPrimary)]);
    await waitForCopies(stores.replicator);

    await expectStoresEqual(stores.dbs.primaryUrl, stores.dbs.backupUrl);
    expect(await opOn(stores, 'primary', onBackup[0].opId)).toEqual({ origin: 'backup', state: 'applied' });
    expect(await opOn(stores, 'backup', onPrimary[0].opId)).toEqual({ origin: 'primary', state: 'applied' });
    const positions = await stores.rows<{ source: string; copied_total: string }>(
      'primary',
      'SELECT source, copied_total FROM replication_state',
    );
    // Only the backup's own ops came in; the primary's copies on the backup were not sent back.
    expect(positions).toEqual([{ source: 'backup', copied_total: String(onBackup.length) }]);
  });

  it('does not skip an op whose sequence committed after a later one', async () => {
    const early = sampleOps.registerTelegram();
    const late = sampleOps.registerTelegram();
    const held = new Client({ connectionString: stores.dbs.primaryUrl, options: '-c karma.store=primary' });
    await held.connect();
    try {
      await held.query('BEGIN');
      // Takes its seq first and holds its transaction open.
      await applyOpInTransaction(held as never, { ...early, at: new Date(early.at).toISOString() });
      await stores.primary.applyOp(late); // a higher seq, committed first

      await stores.replicator.toBackup.step();
      // A tail by seq alone would have copied `late` and moved past `early` for good.
      expect(await opOn(stores, 'backup', late.opId)).toBeNull();

      await held.query('COMMIT');
    } finally {
      await held.end();
    }
    await stores.replicator.catchUp('primary', 'backup');

    expect(await opOn(stores, 'backup', early.opId)).toMatchObject({ origin: 'primary' });
    expect(await opOn(stores, 'backup', late.opId)).toMatchObject({ origin: 'primary' });
    await expectStoresEqual(stores.dbs.primaryUrl, stores.dbs.backupUrl);
  });

  it('ends with equal databases after concurrent writers on both stores', async () => {
    stores.replicator.start();
    const writer = async (store: PgStore) => {
      for (let i = 0; i < 6; i++) await applyAll(store, history());
    };

    await Promise.all([
      ...Array.from({ length: 6 }, () => writer(stores.primary)),
      ...Array.from({ length: 2 }, () => writer(stores.backup)),
    ]);
    await waitForCopies(stores.replicator);

    await expectStoresEqual(stores.dbs.primaryUrl, stores.dbs.backupUrl);
    expect(await stores.rows('primary', 'SELECT * FROM conflicts')).toEqual([]);
    expect(await stores.rows('backup', 'SELECT * FROM conflicts')).toEqual([]);
  });

  it('converges a split (paid on the primary, cancelled on the backup) and lists the conflict', async () => {
    const registration = sampleOps.registerTelegram();
    const { customer } = await applied(stores.primary, registration);
    const order = sampleOps.placeOrder(customer.id);
    await applied(stores.primary, order);
    await stores.replicator.catchUp('primary', 'backup');
    const orderId = deriveId(order.opId, 'order');
    const paid = sampleOps.changeStatus(orderId, 'paid');
    const cancelled = {
      ...sampleOps.changeStatus(orderId, 'cancelled'),
      at: new Date(Date.now() + 1000).toISOString(),
    };

    // Both decided before either is copied: the primary crashed just after paying it.
    await applied(stores.primary, paid);
    await applied(stores.backup, cancelled);
    const report = await stores.replicator.reconcile({ report: true });

    expect(report.copied).toEqual({ toBackup: 1, toPrimary: 1 });
    await expectStoresEqual(stores.dbs.primaryUrl, stores.dbs.backupUrl);
    // Last writer (by op time) wins on both: the later cancel.
    const [row] = await stores.rows<{ status: string }>(
      'primary',
      'SELECT status FROM orders WHERE id = $1',
      [orderId],
    );
    expect(row.status).toBe('cancelled');
    expect(report.conflicts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          reason: 'concurrent_update',
          relation: 'orders',
          rowKey: { t: 'orders', id: orderId },
          opId: expect.stringMatching(new RegExp(`^(${paid.opId}|${cancelled.opId})$`)),
          sourceVersion: expect.objectContaining({ status: expect.any(String) }),
          targetVersion: expect.objectContaining({ status: expect.any(String) }),
        }),
      ]),
    );
    expect(stores.lines).toEqual(
      expect.arrayContaining([expect.objectContaining({ msg: 'replication.conflict', alert: true })]),
    );
    // Listed once: the next sync reports nothing new.
    expect((await stores.replicator.reconcile({ report: true })).conflicts).toEqual([]);
  });

  it('converges an op decided differently on each store to the primary’s decision', async () => {
    const { customer } = await applied(stores.primary, sampleOps.registerTelegram());
    const order = sampleOps.placeOrder(customer.id);
    await applied(stores.primary, order);
    await stores.replicator.catchUp('primary', 'backup');
    // The primary has points to spend; the backup never saw the payment.
    await applied(stores.primary, sampleOps.changeStatus(deriveId(order.opId, 'order'), 'paid'));
    const redeem = sampleOps.placeOrder(customer.id, { redeemPoints: 10 });

    expect((await stores.primary.applyOp(redeem)).state).toBe('applied');
    expect((await stores.backup.applyOp(redeem)).state).toBe('rejected');
    const report = await stores.replicator.reconcile({ report: true });

    await expectStoresEqual(stores.dbs.primaryUrl, stores.dbs.backupUrl);
    expect(await opOn(stores, 'backup', redeem.opId)).toEqual({ origin: 'primary', state: 'applied' });
    expect(report.conflicts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          opId: redeem.opId,
          reason: 'decided_differently',
          sourceVersion: expect.objectContaining({ origin: 'primary', state: 'applied' }),
          targetVersion: expect.objectContaining({ origin: 'backup', state: 'rejected' }),
          resolution: 'took_source',
        }),
      ]),
    );
  });

  it('records an op that cannot apply, carries on, and applies it once it can', async () => {
    const prefix = `kb_${randomUUID().slice(0, 8)}`;
    const keyOnPrimary = makeOp('api_key.create', {
      keyId: randomUUID(),
      prefix,
      secretHash: 'p',
      name: 'p',
      scopes: ['website'],
    });
    const keyOnBackup = makeOp('api_key.create', {
      keyId: randomUUID(),
      prefix,
      secretHash: 'b',
      name: 'b',
      scopes: ['website'],
    });
    await applied(stores.primary, keyOnPrimary);
    await applied(stores.backup, keyOnBackup); // the same prefix, during a split
    const after = sampleOps.registerTelegram();
    await applied(stores.backup, after);

    await stores.replicator.catchUp('backup', 'primary');

    // The clash is recorded and skipped; the op after it is copied all the same.
    expect(await opOn(stores, 'primary', keyOnBackup.opId)).toBeNull();
    expect(await opOn(stores, 'primary', after.opId)).toMatchObject({ origin: 'backup' });
    const [deferred] = await stores.rows<{
      reason: string;
      resolution: string;
      detail: string;
      resolved: boolean;
    }>('primary', 'SELECT reason, resolution, detail, resolved FROM conflicts WHERE op_id = $1', [
      keyOnBackup.opId,
    ]);
    expect(deferred).toMatchObject({ reason: 'cannot_apply', resolution: 'deferred', resolved: false });
    expect(deferred.detail).toMatch(/^23505: .*api_keys_prefix_key/);

    // An operator frees the prefix on the primary; the next reconciliation applies the op.
    await stores.rows('primary', 'DELETE FROM api_keys WHERE prefix = $1', [prefix]);
    const report = await stores.replicator.reconcile();

    expect(report.copied.toPrimary).toBe(1);
    expect(await opOn(stores, 'primary', keyOnBackup.opId)).toMatchObject({ origin: 'backup' });
    const [resolved] = await stores.rows(
      'primary',
      'SELECT resolution, resolved FROM conflicts WHERE op_id = $1',
      [keyOnBackup.opId],
    );
    expect(resolved).toEqual({ resolution: 'applied_later', resolved: true });
  });

  it('reconciles both ways, reporting how many ops went each way', async () => {
    const onPrimary = history();
    const onBackup = history();
    await applyAll(stores.primary, onPrimary);
    await applyAll(stores.backup, onBackup);

    const first = await stores.replicator.reconcile({ report: true });
    const second = await stores.replicator.reconcile({ report: true });

    expect(first).toMatchObject({
      copied: { toBackup: onPrimary.length, toPrimary: onBackup.length },
      conflicts: [],
      negativeBalances: [],
      tookMs: expect.any(Number),
    });
    expect(second.copied).toEqual({ toBackup: 0, toPrimary: 0 });
    await expectStoresEqual(stores.dbs.primaryUrl, stores.dbs.backupUrl);
    // The streams find nothing left to copy afterwards.
    await stores.replicator.catchUp('primary', 'backup');
    await stores.replicator.catchUp('backup', 'primary');
    await expectStoresEqual(stores.dbs.primaryUrl, stores.dbs.backupUrl);
  });

  it('applies a batch given as one JSON object, the shape an rpc() call sends', async () => {
    const op = sampleOps.registerTelegram();
    await applied(stores.primary, op);
    const [{ batch }] = await stores.rows<{ batch: unknown[] }>(
      'primary',
      'SELECT karma_read_ops($1) AS batch',
      [[op.opId]],
    );

    const [{ report }] = await stores.rows<{ report: unknown }>(
      'backup',
      'SELECT karma_apply_ops($1::jsonb) AS report',
      [JSON.stringify({ source: 'primary', ops: batch })],
    );

    expect(report).toMatchObject({ stale: false, copied: 1, present: 0, conflicts: [] });
    await expectStoresEqual(stores.dbs.primaryUrl, stores.dbs.backupUrl);
  });

  it('waits for the copy of a write, and says when the other store cannot take it', async () => {
    stores.replicator.start();
    const op = sampleOps.registerTelegram();
    await applied(stores.primary, op);

    expect(await stores.replicator.waitUntilCopied(op.opId, 2000)).toBe(true);
    expect(await opOn(stores, 'backup', op.opId)).not.toBeNull();

    // The backup goes away for good (its database is dropped under the running replicator).
    const admin = new Client({ connectionString: withDatabase(stores.dbs.backupUrl, 'postgres') });
    await admin.connect();
    await admin.query(`DROP DATABASE "${databaseNameOf(stores.dbs.backupUrl)}" WITH (FORCE)`);
    await admin.end();
    const next = sampleOps.registerTelegram();
    await applied(stores.primary, next);

    const started = Date.now();
    expect(await stores.replicator.waitUntilCopied(next.opId, 5000)).toBe(false);
    expect(Date.now() - started).toBeLessThan(2500);
    expect((await stores.replicator.lag()).toBackup).toMatchObject({ ops: 1 });
  });
});
