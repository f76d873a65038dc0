import { Client } from 'pg';
import { customerIdForIdentity } from '@karmabot/domain';
import { createTestDatabase, TestDatabase } from '../../../../../test/support/databases';
import { PgStore } from '../../store/pg-store';
import { applied } from '../../testing/applied';
import { connectTestStore } from '../../testing/connect-test-store';
import { rejectionOf } from '../../testing/rejection-of';
import { sampleOps } from '../../testing/sample-ops';

describe('customer.register_website', () => {
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

  it('creates a customer under the normalized email, with a website identity, never showing the password hash', async () => {
    const op = sampleOps.registerWebsite({ email: '  Ann.Lee@Example.COM ', displayName: 'Ann Lee' });

    const { created, customer } = await applied(store, op);

    expect(created).toBe(true);
    expect(customer).toMatchObject({
      id: customerIdForIdentity('website', 'ann.lee@example.com'),
      email: 'ann.lee@example.com',
      displayName: 'Ann Lee',
      version: 1,
      identities: [{ platform: 'website', externalId: 'ann.lee@example.com', username: null }],
    });
    expect(JSON.stringify(customer)).not.toContain(op.payload.passwordHash);

    const sql = new Client({ connectionString: db.url });
    await sql.connect();
    const { rows } = await sql.query('SELECT password_hash FROM customers WHERE id = $1', [customer.id]);
    await sql.end();
    expect(rows[0].password_hash).toBe(op.payload.passwordHash);
  });

  it('rejects an email already registered, whatever its case (EMAIL_TAKEN)', async () => {
    const email = sampleOps.email();
    await applied(store, sampleOps.registerWebsite({ email }));

    const error = await rejectionOf(store, sampleOps.registerWebsite({ email: email.toUpperCase() }));

    expect(error.code).toBe('EMAIL_TAKEN');
  });

  it('lets exactly one of several ops racing for one email register it', async () => {
    const email = sampleOps.email();

    const outcomes = await Promise.all(
      Array.from({ length: 6 }, () => store.applyOp(sampleOps.registerWebsite({ email }))),
    );

    expect(outcomes.filter((outcome) => outcome.state === 'applied')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome.error?.code === 'EMAIL_TAKEN')).toHaveLength(5);
  });

  it('rejects an empty email', async () => {
    const error = await rejectionOf(store, sampleOps.registerWebsite({ email: '' }));

    expect(error.code).toBe('VALIDATION_FAILED');
  });
});
