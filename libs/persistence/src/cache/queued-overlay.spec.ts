import { customerIdForIdentity, deriveId } from '@karmabot/domain';
import { makeOp } from '../testing/make-op';
import { sampleOps } from '../testing/sample-ops';
import { QueuedOverlay } from './queued-overlay';

describe('QueuedOverlay', () => {
  it('shows a Telegram customer whose registration is still queued', () => {
    const op = sampleOps.registerTelegram({ firstName: 'Ann', languageCode: 'de' });
    const id = customerIdForIdentity('telegram', op.payload.telegramId);

    const view = QueuedOverlay.customer(null, [op], id);

    expect(view).toMatchObject({
      id,
      displayName: 'Ann',
      locale: 'de',
      version: 1,
      identities: [{ platform: 'telegram', externalId: op.payload.telegramId }],
    });
  });

  it('lays queued profile edits over the cached customer, skipping one with a stale If-Match', () => {
    const register = sampleOps.registerTelegram();
    const id = customerIdForIdentity('telegram', register.payload.telegramId);
    const base = QueuedOverlay.customer(null, [register], id)!;
    const edit = makeOp('customer.update_profile', {
      customerId: id,
      expectedVersion: 1,
      changes: { phone: '+491511' },
    });
    const stale = makeOp('customer.update_profile', {
      customerId: id,
      expectedVersion: 1,
      changes: { locale: 'fr' },
    });

    const view = QueuedOverlay.customer(base, [edit, stale], id);

    expect(view).toMatchObject({ phone: '+491511', locale: 'en', version: 2 });
  });

  it('shows a queued order and its queued status change', () => {
    const customerId = customerIdForIdentity('telegram', '42');
    const place = sampleOps.placeOrder(customerId);
    const orderId = deriveId(place.opId, 'order');
    const cancel = sampleOps.changeStatus(orderId, 'cancelled');

    const view = QueuedOverlay.order(null, [place, cancel], orderId);

    expect(view).toMatchObject({
      id: orderId,
      customerId,
      status: 'cancelled',
      totalMinor: 3499,
      pointsEarned: 34,
    });
  });

  it('ignores an impossible queued transition, as its replay will refuse it', () => {
    const place = sampleOps.placeOrder(customerIdForIdentity('telegram', '43'));
    const orderId = deriveId(place.opId, 'order');

    const view = QueuedOverlay.order(null, [place, sampleOps.changeStatus(orderId, 'refunded')], orderId);

    expect(view?.status).toBe('pending');
  });

  it('adds the pending points of queued orders to a cached balance', () => {
    const customerId = customerIdForIdentity('telegram', '44');
    const base = {
      customerId,
      balance: 10,
      pending: 5,
      lifetimeEarned: 10,
      tier: 'bronze' as const,
      recentEntries: [],
    };

    const view = QueuedOverlay.loyalty(base, [
      sampleOps.placeOrder(customerId),
      sampleOps.placeOrder(customerId),
    ]);

    expect(view).toMatchObject({ balance: 10, pending: 5 + 2 * 34 });
  });
});
