import { Op } from '@karmabot/contracts';
import { customerIdForIdentity, deriveId } from '@karmabot/domain';
import { createTestDatabase, TestDatabase } from '../../../../test/support/databases';
import { startTcpProxy } from '../../../../test/support/tcp-proxy';
import { waitUntil } from '../../../../test/support/wait-until';
import { applied } from '../testing/applied';
import { connectTestStore } from '../testing/connect-test-store';
import { ReplayHarness, startReplayHarness } from '../testing/replay-harness';
import { sampleOps } from '../testing/sample-ops';
import { PgStore } from '../store/pg-store';

/**
 * The recovery worker replaying the deferred-write queue into a real database, from a real
 * Redis: in order per customer, once, recording refusals, parking what waits for the other store.
 */
describe('RecoveryWorker', () => {
  let db: TestDatabase;
  let store: PgStore;
  let harness: ReplayHarness;

  beforeEach(async () => {
    db = await createTestDatabase();
    store = connectTestStore(db.url);
    harness = await startReplayHarness(db.url, store);
  });
  afterEach(async () => {
    await harness.close();
    await store.close();
    await db.drop();
  });

  const drained = () =>
    waitUntil(async () => ((await harness.queue.pendingCount()) === 0 ? true : undefined), {
      timeoutMs: 20_000,
      describe: () => 'the queue to drain',
    });

  it('replays a customer’s queued ops once, in the order they were queued', async () => {
    const register = sampleOps.registerTelegram();
    const customerId = (await applied(store, register)).customer.id;
    const place = sampleOps.placeOrder(customerId);
    const orderId = deriveId(place.opId, 'order');
    const cancel = sampleOps.changeStatus(orderId, 'cancelled');
    const second = sampleOps.placeOrder(customerId);
    for (const op of [place, cancel, second]) await harness.enqueue(op);
    await harness.enqueue(place); // the same op sent again while queued

    harness.worker.setReplayTarget('primary');
    await drained();

    expect(harness.decided.map(({ op }) => op.opId)).toEqual([place.opId, cancel.opId, second.opId]);
    expect(await store.query('query.order.by-id', { orderId })).toMatchObject({ status: 'cancelled' });
    expect(await store.query('query.order.list', { customerId, limit: 10 })).toHaveLength(2);
    expect(await harness.queue.stats()).toMatchObject({ depth: 0, failed: 0, oldestAgeSeconds: null });
  });

  it('answers an op the store already holds with its stored decision, adding nothing', async () => {
    const customerId = (await applied(store, sampleOps.registerTelegram())).customer.id;
    const place = sampleOps.placeOrder(customerId);
    await applied(store, place);
    await harness.enqueue(place);

    harness.worker.setReplayTarget('primary');
    await drained();

    expect(harness.decided[0].outcome).toMatchObject({ state: 'applied', replayed: true });
    expect(await store.query('query.order.list', { customerId, limit: 10 })).toHaveLength(1);
  });

  it('records an op that no longer applies as rejected, with its reason, and carries on', async () => {
    const customerId = (await applied(store, sampleOps.registerTelegram())).customer.id;
    const place = sampleOps.placeOrder(customerId);
    const orderId = deriveId(place.opId, 'order');
    const refund = sampleOps.changeStatus(orderId, 'refunded'); // pending → refunded is not a transition
    const next = sampleOps.placeOrder(customerId);
    for (const op of [place, refund, next]) await harness.enqueue(op);

    harness.worker.setReplayTarget('primary');
    await drained();

    expect(harness.decided.map(({ outcome }) => outcome.state)).toEqual(['applied', 'rejected', 'applied']);
    expect(await store.query('op.get', { opId: refund.opId })).toMatchObject({
      state: 'rejected',
      error: { code: 'ORDER_TRANSITION_INVALID' },
    });
    expect(await harness.queue.find(refund.opId)).toMatchObject({ state: 'rejected' });
  });

  it('parks an op whose customer is only on the other store, and applies it once the customer arrives', async () => {
    const register = sampleOps.registerTelegram();
    const customerId = deriveCustomer(register.payload.telegramId);
    const place = sampleOps.placeOrder(customerId);
    const after = sampleOps.placeOrder(customerId);
    await harness.enqueue(place);
    await harness.enqueue(after);

    harness.worker.setReplayTarget('primary');
    await waitUntil(async () => ((await harness.queue.stats()).parked === 2 ? true : undefined), {
      timeoutMs: 10_000,
      describe: () => 'both ops to be parked',
    });
    expect(await harness.queue.pendingCount()).toBe(0);

    // The customer arrives (replication from the other store, here applied directly).
    await applied(store, register);
    harness.worker.setReplayTarget(null);
    harness.worker.setReplayTarget('primary'); // a store returning wakes what was parked
    await waitUntil(async () => ((await harness.queue.stats()).depth === 0 ? true : undefined), {
      timeoutMs: 15_000,
      describe: () => 'the parked ops to apply',
    });
    expect(harness.decided.map(({ op }) => op.opId)).toEqual([place.opId, after.opId]);
  });

  it('waits out an outage of its target and then replays everything, in order, once', async () => {
    const proxy = await startTcpProxy(Number(new URL(db.url).port || 5432));
    const proxiedUrl = Object.assign(new URL(db.url), { port: String(proxy.port) }).toString();
    const proxiedStore = connectTestStore(proxiedUrl);
    const cut = await startReplayHarness(proxiedUrl, proxiedStore);
    try {
      const customerId = (await applied(store, sampleOps.registerTelegram())).customer.id;
      const ops: Op[] = Array.from({ length: 10 }, () => sampleOps.placeOrder(customerId));
      ops.splice(1, 0, sampleOps.changeStatus(deriveId(ops[0].opId, 'order'), 'cancelled'));
      for (const op of ops) await cut.enqueue(op);

      await proxy.refuse();
      cut.worker.setReplayTarget('primary');
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(cut.decided).toEqual([]);
      expect(await cut.queue.stats()).toMatchObject({ depth: ops.length, failed: 0 });

      await proxy.heal();
      await waitUntil(async () => ((await cut.queue.pendingCount()) === 0 ? true : undefined), {
        timeoutMs: 30_000,
        describe: () => 'the queue to drain after the outage',
      });
      expect(cut.decided.map(({ op }) => op.opId)).toEqual(ops.map((op) => op.opId));
      expect(await store.query('query.order.list', { customerId, limit: 20 })).toHaveLength(10);
    } finally {
      await cut.close();
      await proxiedStore.close();
      await proxy.close();
    }
  });

  it('keeps an op that can never apply as a failed job, never dropping it', async () => {
    harness.setMayArriveLater(false);
    const ghost = sampleOps.placeOrder(deriveCustomer('1'));
    await harness.enqueue(ghost);

    harness.worker.setReplayTarget('primary');
    await waitUntil(async () => ((await harness.queue.stats()).failed === 1 ? true : undefined), {
      timeoutMs: 10_000,
      describe: () => 'the op to fail',
    });
    expect(await harness.queue.find(ghost.opId)).toMatchObject({
      state: 'rejected',
      error: { code: 'CUSTOMER_NOT_FOUND' },
    });
    expect(await harness.queue.stats()).toMatchObject({ depth: 0, failed: 1 });
  });
});

function deriveCustomer(telegramId: string): string {
  return customerIdForIdentity('telegram', telegramId);
}
