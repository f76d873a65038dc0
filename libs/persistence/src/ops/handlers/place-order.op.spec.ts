import { Platform } from '@karmabot/contracts';
import { deriveId } from '@karmabot/domain';
import { useTestStore } from '../../../../../test/support/use-test-store';
import { applied } from '../../testing/applied';
import { rejectionOf } from '../../testing/rejection-of';
import { sampleOps } from '../../testing/sample-ops';

describe('order.place', () => {
  const t = useTestStore();

  const newCustomerId = async () => (await applied(t.store, sampleOps.registerTelegram())).customer.id;
  const balanceOf = async (customerId: string) =>
    (await t.store.query('query.loyalty.ledger', { customerId, recentLimit: 0 })).balance;

  /** A customer holding `points` available points, earned by a paid order of `points` euros. */
  async function customerWithPoints(points: number): Promise<string> {
    const customerId = await newCustomerId();
    const items = [{ sku: 'gift', name: 'Gift card', qty: 1, unitPriceMinor: points * 100 }];
    const { order } = await applied(t.store, sampleOps.placeOrder(customerId, { items }));
    await applied(t.store, sampleOps.changeStatus(order.id, 'paid'));
    return customerId;
  }

  it('prices the order from its items and puts the earned points in pending', async () => {
    const customerId = await newCustomerId();
    const op = sampleOps.placeOrder(customerId, { partnerId: 'partner-7' });

    const { order } = await applied(t.store, op);

    expect(order).toMatchObject({
      id: deriveId(op.opId, 'order'),
      customerId,
      platform: 'website',
      partnerId: 'partner-7',
      status: 'pending',
      currency: 'EUR',
      subtotalMinor: 3499,
      discountMinor: 0,
      totalMinor: 3499,
      pointsEarned: 34,
      pointsRedeemed: 0,
      opId: op.opId,
      createdAt: op.at,
    });
    const summary = await t.store.query('query.loyalty.ledger', { customerId, recentLimit: 10 });
    expect(summary).toMatchObject({ balance: 0, pending: 34 });
    expect(summary.recentEntries).toEqual([
      expect.objectContaining({
        id: deriveId(op.opId, 'ledger:0'),
        kind: 'earn',
        bucket: 'pending',
        points: 34,
      }),
    ]);
  });

  it('takes redeemed points off the price (1 point = 1 euro) and spends them at once', async () => {
    const customerId = await customerWithPoints(50);

    const { order } = await applied(t.store, sampleOps.placeOrder(customerId, { redeemPoints: 10 }));

    expect(order).toMatchObject({
      subtotalMinor: 3499,
      discountMinor: 1000,
      totalMinor: 2499,
      pointsRedeemed: 10,
    });
    expect(order.pointsEarned).toBe(24); // earned on what is paid, not on the discount
    expect(await balanceOf(customerId)).toBe(40);
  });

  it('spends only the points the price needs when asked to redeem more', async () => {
    const customerId = await customerWithPoints(50);

    const { order } = await applied(t.store, sampleOps.placeOrder(customerId, { redeemPoints: 50 }));

    expect(order).toMatchObject({ discountMinor: 3499, totalMinor: 0, pointsRedeemed: 35, pointsEarned: 0 });
    expect(await balanceOf(customerId)).toBe(15);
  });

  it('converts points at the currency’s own exponent', async () => {
    const customerId = await customerWithPoints(50);
    const items = [{ sku: 'ramen', name: 'Ramen', qty: 1, unitPriceMinor: 900 }];

    const { order } = await applied(
      t.store,
      sampleOps.placeOrder(customerId, { currency: 'JPY', items, redeemPoints: 5 }),
    );

    expect(order).toMatchObject({ subtotalMinor: 900, discountMinor: 5, totalMinor: 895, pointsEarned: 895 });
  });

  it('rejects a redemption above the available balance (INSUFFICIENT_POINTS), pending points not counting', async () => {
    const customerId = await newCustomerId();
    await applied(t.store, sampleOps.placeOrder(customerId)); // 34 points, still pending

    const error = await rejectionOf(t.store, sampleOps.placeOrder(customerId, { redeemPoints: 1 }));

    expect(error.code).toBe('INSUFFICIENT_POINTS');
  });

  it('never lets two orders placed at once spend the same points', async () => {
    const customerId = await customerWithPoints(30);

    const outcomes = await Promise.all(
      Array.from({ length: 5 }, () =>
        t.store.applyOp(sampleOps.placeOrder(customerId, { redeemPoints: 20 })),
      ),
    );

    expect(outcomes.filter((outcome) => outcome.state === 'applied')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome.error?.code === 'INSUFFICIENT_POINTS')).toHaveLength(4);
    expect(await balanceOf(customerId)).toBe(10);
  });

  it('rejects an unsupported currency, an empty order and an unknown platform, writing nothing', async () => {
    const customerId = await newCustomerId();

    const currency = await rejectionOf(t.store, sampleOps.placeOrder(customerId, { currency: 'XXX' }));
    const empty = await rejectionOf(t.store, sampleOps.placeOrder(customerId, { items: [] }));
    const platform = await rejectionOf(
      t.store,
      sampleOps.placeOrder(customerId, { platform: 'fax' as Platform }),
    );

    expect([currency.code, empty.code, platform.code]).toEqual([
      'CURRENCY_UNSUPPORTED',
      'VALIDATION_FAILED',
      'VALIDATION_FAILED',
    ]);
    const { rows } = await t.sql.query('SELECT count(*)::int AS n FROM orders WHERE customer_id = $1', [
      customerId,
    ]);
    expect(rows[0].n).toBe(0);
  });
});
