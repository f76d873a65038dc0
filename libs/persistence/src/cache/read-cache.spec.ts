import { randomUUID } from 'node:crypto';
import { CustomerView, OpOutcome } from '@karmabot/contracts';
import { sampleOps } from '../testing/sample-ops';
import { ReadCache } from './read-cache';
import { touchedKeys } from './touched-keys';

function customer(id = randomUUID(), telegramId = '42'): CustomerView {
  return {
    id,
    displayName: 'Ann',
    email: null,
    phone: null,
    locale: 'en',
    version: 1,
    mergedInto: null,
    identities: [
      { platform: 'telegram', externalId: telegramId, username: null, linkedAt: '2026-01-01T00:00:00.000Z' },
    ],
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

describe('ReadCache', () => {
  let now = 0;
  const clock = () => now;

  it('serves a fresh read hot, and an old one only as the last resort', () => {
    const cache = new ReadCache(100, 5000, clock);
    const view = customer();
    cache.remember('query.customer.by-id', { customerId: view.id }, view);

    expect(cache.hot('query.customer.by-id', { customerId: view.id })).toEqual(view);
    now += 6000;
    expect(cache.hot('query.customer.by-id', { customerId: view.id })).toBeUndefined();
    expect(cache.fallback('query.customer.by-id', { customerId: view.id })).toEqual(view);
    expect(cache.fallback('query.customer.by-identity', { platform: 'telegram', externalId: '42' })).toEqual(
      view,
    );
  });

  it('forgets the least recently used entries beyond its size', () => {
    const cache = new ReadCache(2, 5000, clock);
    const [a, b] = [customer(), customer()];
    cache.remember('query.customer.by-id', { customerId: a.id }, a);
    cache.remember('query.customer.by-id', { customerId: b.id }, b);

    expect(cache.fallback('query.customer.by-id', { customerId: a.id })).toBeUndefined();
    expect(cache.stats()).toMatchObject({ size: 2, capacity: 2, hits: 0, misses: 1 });
  });

  it('drops what an applied op touched and keeps the fresh view its result carries', () => {
    const cache = new ReadCache(100, 5000, clock);
    const before = customer();
    cache.remember('query.customer.by-id', { customerId: before.id }, before);
    cache.remember(
      'query.loyalty.ledger',
      { customerId: before.id, recentLimit: 5 },
      {
        customerId: before.id,
        balance: 0,
        pending: 0,
        lifetimeEarned: 0,
        tier: 'bronze',
        recentEntries: [],
      },
    );
    const edit = {
      ...sampleOps.registerTelegram(),
      type: 'customer.update_profile' as const,
      payload: { customerId: before.id, changes: { phone: '+49' } },
    };
    const after = { ...before, phone: '+49', version: 2 };
    const outcome: OpOutcome = {
      opId: edit.opId,
      type: edit.type,
      state: 'applied',
      replayed: false,
      at: edit.at,
      result: { customer: after },
    };

    cache.noteDecided(edit, outcome);

    expect(cache.fallback('query.customer.by-id', { customerId: before.id })).toEqual(after);
    const order = sampleOps.placeOrder(before.id);
    cache.invalidate(touchedKeys(order));
    expect(cache.fallback('query.loyalty.ledger', { customerId: before.id, recentLimit: 5 })).toBeUndefined();
  });

  it('remembers the decision of an op for a resend while no store can be asked', () => {
    const cache = new ReadCache(100, 5000, clock);
    const op = sampleOps.registerTelegram();
    const outcome: OpOutcome = {
      opId: op.opId,
      type: op.type,
      state: 'applied',
      replayed: false,
      at: op.at,
      result: { created: true, customer: customer() },
    };

    cache.noteDecided(op, outcome);

    expect(cache.outcomeOf(op.opId)).toMatchObject({
      requestHash: op.requestHash,
      outcome: { state: 'applied' },
    });
  });
});
