import { makeOp } from '../../testing/make-op';
import { useTestStore } from '../../../../../test/support/use-test-store';
import { applied } from '../../testing/applied';
import { rejectionOf } from '../../testing/rejection-of';
import { sampleOps } from '../../testing/sample-ops';

describe('customer.update_profile', () => {
  const t = useTestStore();

  async function newCustomerId(): Promise<string> {
    return (await applied(t.store, sampleOps.registerWebsite({ displayName: 'Ann' }))).customer.id;
  }

  const update = (customerId: string, changes: object, expectedVersion?: number) =>
    makeOp('customer.update_profile', { customerId, changes, expectedVersion });

  it('changes the given fields, clears those set to null, and bumps the version by one', async () => {
    const customerId = await newCustomerId();
    await applied(t.store, update(customerId, { phone: '+4915112345678', locale: 'de' }));

    const op = update(customerId, { displayName: 'Ann Lee', locale: null });
    const { customer } = await applied(t.store, op);

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

    const error = await rejectionOf(t.store, update(customerId, { displayName: 'Stale' }, 7));
    const { customer } = await applied(t.store, update(customerId, { displayName: 'Fresh' }, 1));

    expect(error.code).toBe('PRECONDITION_FAILED');
    expect(customer).toMatchObject({ displayName: 'Fresh', version: 2 });
  });

  it('keeps the version when nothing changes', async () => {
    const customerId = await newCustomerId();

    const { customer } = await applied(t.store, update(customerId, { displayName: 'Ann' }));

    expect(customer.version).toBe(1);
  });

  it('throws CUSTOMER_NOT_FOUND (unrecorded) for an unknown customer', async () => {
    await expect(
      t.store.applyOp(update('0190a0e2-0000-7000-8000-0000000000aa', { displayName: 'X' })),
    ).rejects.toMatchObject({ code: 'CUSTOMER_NOT_FOUND' });
  });
});
