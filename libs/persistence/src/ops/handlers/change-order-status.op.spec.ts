import { OrderView } from '@karmabot/contracts';
import { useTestStore } from '../../../../../test/support/use-test-store';
import { applied } from '../../testing/applied';
import { rejectionOf } from '../../testing/rejection-of';
import { sampleOps } from '../../testing/sample-ops';

describe('order.status_change', () => {
  const t = useTestStore();

  const loyaltyOf = (customerId: string) =>
    t.store.query('query.loyalty.ledger', { customerId, recentLimit: 50 });

  async function pendingOrder(redeemPoints?: number, customerId?: string): Promise<OrderView> {
    const id = customerId ?? (await applied(t.store, sampleOps.registerTelegram())).customer.id;
    return (await applied(t.store, sampleOps.placeOrder(id, { redeemPoints }))).order;
  }

  it('makes the earned points available when the order is paid', async () => {
    const order = await pendingOrder();
    const op = sampleOps.changeStatus(order.id, 'paid');

    const result = await applied(t.store, op);

    expect(result.order).toMatchObject({
      id: order.id,
      status: 'paid',
      createdAt: order.createdAt,
      updatedAt: op.at,
    });
    expect(await loyaltyOf(order.customerId)).toMatchObject({ balance: 34, pending: 0, lifetimeEarned: 34 });
  });

  it('takes back earned points on refund, and writes nothing on fulfilment', async () => {
    const order = await pendingOrder();
    await applied(t.store, sampleOps.changeStatus(order.id, 'paid'));
    await applied(t.store, sampleOps.changeStatus(order.id, 'fulfilled'));
    const fulfilled = await loyaltyOf(order.customerId);

    await applied(t.store, sampleOps.changeStatus(order.id, 'refunded', 'damaged in transit'));

    const refunded = await loyaltyOf(order.customerId);
    expect(fulfilled.recentEntries).toHaveLength(3);
    expect(refunded).toMatchObject({ balance: 0, pending: 0 });
    expect(refunded.recentEntries[0]).toMatchObject({
      kind: 'reverse',
      points: -34,
      reason: 'order refunded: damaged in transit',
    });
  });

  it('gives back redeemed points and drops the pending earn when an order is cancelled', async () => {
    const first = await pendingOrder();
    await applied(t.store, sampleOps.changeStatus(first.id, 'paid'));
    const second = await pendingOrder(10, first.customerId);
    expect((await loyaltyOf(first.customerId)).balance).toBe(24);

    await applied(t.store, sampleOps.changeStatus(second.id, 'cancelled'));

    expect(await loyaltyOf(first.customerId)).toMatchObject({ balance: 34, pending: 0 });
  });

  it('never takes the balance below zero when refunded points were already spent', async () => {
    const paid = await pendingOrder();
    await applied(t.store, sampleOps.changeStatus(paid.id, 'paid'));
    await pendingOrder(30, paid.customerId); // spends 30 of the 34 points

    await applied(t.store, sampleOps.changeStatus(paid.id, 'refunded'));

    expect((await loyaltyOf(paid.customerId)).balance).toBe(0);
  });

  it('rejects a move the state machine forbids (ORDER_TRANSITION_INVALID) and replays that answer', async () => {
    const order = await pendingOrder();
    await applied(t.store, sampleOps.changeStatus(order.id, 'cancelled'));
    const op = sampleOps.changeStatus(order.id, 'paid');

    const error = await rejectionOf(t.store, op);
    const replay = await t.store.applyOp(op);

    expect(error.code).toBe('ORDER_TRANSITION_INVALID');
    expect(replay).toMatchObject({ state: 'rejected', replayed: true, error });
    expect(await t.store.query('query.order.by-id', { orderId: order.id })).toMatchObject({
      status: 'cancelled',
    });
  });

  it('throws ORDER_NOT_FOUND (unrecorded) for an unknown order', async () => {
    await expect(
      t.store.applyOp(sampleOps.changeStatus('0190a0e2-0000-7000-8000-0000000000cc', 'paid')),
    ).rejects.toMatchObject({ code: 'ORDER_NOT_FOUND' });
  });
});
