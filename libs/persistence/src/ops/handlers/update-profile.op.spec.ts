import { makeOp } from '../../testing/make-op';
import { createTestDatabase, TestDatabase } from '../../../../../test/support/databases';
import { PgStore } from '../../store/pg-store';
import { applied } from '../../testing/applied';
import { connectTestStore } from '../../testing/connect-test-store';
import { rejectionOf } from '../../testing/rejection-of';
import { sampleOps } from '../../testing/sample-ops';

describe('customer.update_profile', () => {
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

  async function newCustomerId(): Promise<string> {
    return (await applied(store, sampleOps.registerWebsite({ displayName: 'Ann' }))).customer.id;
  }

  const update = (customerId: string, changes: object, expectedVersion?: number) =>
    makeOp('customer.update_profile', { customerId, changes, expectedVersion });

  it('changes the given fields, clears those set to null, and bumps the version by one', async () => {
    const customerId = await newCustomerId();
    await applied(store, update(customerId, { phone: '+4915112345678', locale: 'de' }));

    const op = update(customerId, { displayName: 'Ann Lee', locale: null });
    const { customer } = await applied(store, op);

    expect(customer).toMatchObject({
      displayName: 'Ann Lee',
      phone: '+4915112345678',
      locale: null,
      version: 3,
      updatedAt: op.at,
    });
  });

  it('applies only at the expected version (If-Match), refusing a stale one with PRECONDITION_FAILED', async () => {
    const customerId = await newCustomerId();

    const error = await rejectionOf(store, update(customerId, { displayName: 'Stale' }, 7));
    const { customer } = await applied(store, update(customerId, { displayName: 'Fresh' }, 1));

    expect(error.code).toBe('PRECONDITION_FAILED');
    expect(customer).toMatchObject({ displayName: 'Fresh', version: 2 });
  });

  it('keeps the version when nothing changes', async () => {
    const customerId = await newCustomerId();

    const { customer } = await applied(store, update(customerId, { displayName: 'Ann' }));

    expect(customer.version).toBe(1);
  });

  it('throws CUSTOMER_NOT_FOUND (unrecorded) for an unknown customer', async () => {
    await expect(
      store.applyOp(update('0190a0e2-0000-7000-8000-0000000000aa', { displayName: 'X' })),
    ).rejects.toMatchObject({ code: 'CUSTOMER_NOT_FOUND' });
  });
});
