import { customerIdForIdentity } from '@karmabot/domain';
import { useTestStore } from '../../../../../test/support/use-test-store';
import { applied } from '../../testing/applied';
import { rejectionOf } from '../../testing/rejection-of';
import { sampleOps } from '../../testing/sample-ops';

describe('customer.register_telegram', () => {
  const t = useTestStore();

  it('creates a customer whose id is derived from the Telegram id, with its identity', async () => {
    const op = sampleOps.registerTelegram({ username: 'ann', firstName: 'Ann', languageCode: 'de' });

    const { created, customer } = await applied(t.store, op);

    expect(created).toBe(true);
    expect(customer).toMatchObject({
      id: customerIdForIdentity('telegram', op.payload.telegramId),
      displayName: 'Ann',
      locale: 'de',
      email: null,
      version: 1,
      mergedInto: null,
      createdAt: op.at,
      updatedAt: op.at,
      identities: [
        { platform: 'telegram', externalId: op.payload.telegramId, username: 'ann', linkedAt: op.at },
      ],
    });
  });

  it('answers the existing customer (created: false) and refreshes a changed username', async () => {
    const telegramId = sampleOps.telegramId();
    const first = await applied(t.store, sampleOps.registerTelegram({ telegramId, username: 'old' }));

    const again = await applied(
      t.store,
      sampleOps.registerTelegram({ telegramId, username: 'new', firstName: 'Other' }),
    );

    expect(again.created).toBe(false);
    expect(again.customer.id).toBe(first.customer.id);
    expect(again.customer.identities[0].username).toBe('new');
    expect(again.customer.displayName).toBe('Ann'); // a name the customer has is kept
    expect(again.customer.version).toBe(1);
  });

  it('fills in a first name the customer has no value for yet', async () => {
    const telegramId = sampleOps.telegramId();
    await applied(t.store, sampleOps.registerTelegram({ telegramId, firstName: undefined }));

    const again = await applied(t.store, sampleOps.registerTelegram({ telegramId, firstName: 'Ann' }));

    expect(again.customer).toMatchObject({ displayName: 'Ann', version: 2 });
  });

  it('creates one customer when different ops register the same Telegram user at once', async () => {
    const telegramId = sampleOps.telegramId();

    const results = await Promise.all(
      Array.from({ length: 8 }, () => applied(t.store, sampleOps.registerTelegram({ telegramId }))),
    );

    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(new Set(results.map((result) => result.customer.id)).size).toBe(1);
  });

  it('rejects an empty Telegram id', async () => {
    const error = await rejectionOf(t.store, sampleOps.registerTelegram({ telegramId: ' ' }));

    expect(error.code).toBe('VALIDATION_FAILED');
  });
});
