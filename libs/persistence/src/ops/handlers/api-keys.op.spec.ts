import { randomUUID } from 'node:crypto';
import { useTestStore } from '../../../../../test/support/use-test-store';
import { applied } from '../../testing/applied';
import { makeOp } from '../../testing/make-op';
import { rejectionOf } from '../../testing/rejection-of';

describe('api_key.create and api_key.revoke', () => {
  const t = useTestStore();

  const createKey = (overrides: object = {}) =>
    makeOp('api_key.create', {
      keyId: randomUUID(),
      prefix: `kb_${randomUUID().slice(0, 8)}`,
      secretHash: 'hmac-of-the-secret',
      name: 'Partner shop',
      scopes: ['partner', 'merchant'],
      rateLimitPerMinute: 120,
      ...overrides,
    });

  it('stores a key and answers its view, without the hash; the gateway finds it by prefix with the hash', async () => {
    const op = createKey();

    const view = await applied(t.store, op);

    expect(view).toEqual({
      id: op.payload.keyId,
      prefix: op.payload.prefix,
      name: 'Partner shop',
      scopes: ['partner', 'merchant'],
      rateLimitPerMinute: 120,
      createdAt: op.at,
      revokedAt: null,
    });
    expect(await t.store.query('query.api-key.by-prefix', { prefix: op.payload.prefix })).toEqual({
      ...view,
      secretHash: 'hmac-of-the-secret',
    });
    expect(await t.store.query('query.api-key.by-prefix', { prefix: 'kb_nope' })).toBeNull();
  });

  it('refuses a second key with the same prefix', async () => {
    const first = createKey();
    await applied(t.store, first);

    const error = await rejectionOf(t.store, createKey({ prefix: first.payload.prefix }));

    expect(error.code).toBe('VALIDATION_FAILED');
  });

  it('revokes a key once: revoking again keeps the first time', async () => {
    const create = createKey();
    await applied(t.store, create);
    const revoke = makeOp('api_key.revoke', { keyId: create.payload.keyId });

    const revoked = await applied(t.store, revoke);
    const again = await applied(
      t.store,
      makeOp(
        'api_key.revoke',
        { keyId: create.payload.keyId },
        { at: new Date(Date.now() + 60_000).toISOString() },
      ),
    );

    expect(revoked.revokedAt).toBe(revoke.at);
    expect(again.revokedAt).toBe(revoke.at);
  });

  it('throws API_KEY_NOT_FOUND (unrecorded) for an unknown key', async () => {
    await expect(t.store.applyOp(makeOp('api_key.revoke', { keyId: randomUUID() }))).rejects.toMatchObject({
      code: 'API_KEY_NOT_FOUND',
    });
  });
});
