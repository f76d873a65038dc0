import { OpOutcome, RegisterCustomerResult } from '@karmabot/contracts';
import { useTestStore } from '../../../../test/support/use-test-store';
import { PgStore } from '../store/pg-store';
import { makeOp } from '../testing/make-op';

describe('applying an op', () => {
  const t = useTestStore();

  const count = async (query: string, params: unknown[]) =>
    Number((await t.sql.query<{ n: string }>(`SELECT count(*) AS n FROM ${query}`, params)).rows[0].n);

  const registerTelegram = (telegramId: string) =>
    makeOp('customer.register_telegram', { telegramId, username: `u${telegramId}`, firstName: 'Ann' });

  async function newCustomer(): Promise<string> {
    const outcome = await t.store.applyOp(
      registerTelegram(String(Date.now() * 1000 + Math.floor(Math.random() * 1000))),
    );
    return (outcome.result as RegisterCustomerResult).customer.id;
  }

  const placeOrder = (customerId: string, redeemPoints?: number) =>
    makeOp('order.place', {
      customerId,
      platform: 'telegram',
      items: [{ sku: 'tea', name: 'Tea', qty: 2, unitPriceMinor: 1250 }],
      currency: 'EUR',
      pointsPerUnit: 1,
      redeemPoints,
    });

  it('records the op with its result and answers applied', async () => {
    const op = registerTelegram('1001');

    const outcome = await t.store.applyOp(op);

    expect(outcome).toMatchObject({
      opId: op.opId,
      type: op.type,
      state: 'applied',
      replayed: false,
      at: op.at,
    });
    const { rows } = await t.sql.query(
      'SELECT state, result, result_hash, request_hash FROM ops WHERE op_id = $1',
      [op.opId],
    );
    expect(rows[0]).toMatchObject({ state: 'applied', result: outcome.result, request_hash: op.requestHash });
    expect(rows[0].result_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('answers a replay with the first outcome and applies nothing again', async () => {
    const customerId = await newCustomer();
    const op = placeOrder(customerId);

    const first = await t.store.applyOp(op);
    const again = await t.store.applyOp(op);

    expect(again).toEqual({ ...first, replayed: true });
    expect(await count('orders WHERE customer_id = $1', [customerId])).toBe(1);
    expect(await count('loyalty_ledger WHERE customer_id = $1', [customerId])).toBe(1);
  });

  it('refuses the same op id with another request body (IDEMPOTENCY_KEY_REUSED, 422)', async () => {
    const customerId = await newCustomer();
    const op = placeOrder(customerId);
    await t.store.applyOp(op);

    const reused = { ...placeOrder(customerId, undefined), opId: op.opId, requestHash: 'another-body' };

    await expect(t.store.applyOp(reused)).rejects.toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
      status: 422,
    });
    expect(await count('orders WHERE customer_id = $1', [customerId])).toBe(1);
  });

  it('applies 20 concurrent copies of one op once and answers all 20 alike', async () => {
    const customerId = await newCustomer();
    const op = placeOrder(customerId);

    const outcomes = await Promise.all(Array.from({ length: 20 }, () => t.store.applyOp(op)));

    const strip = ({ replayed: _, ...rest }: OpOutcome) => rest;
    expect(outcomes.filter((outcome) => !outcome.replayed)).toHaveLength(1);
    expect(new Set(outcomes.map((outcome) => JSON.stringify(strip(outcome)))).size).toBe(1);
    expect(await count('orders WHERE customer_id = $1', [customerId])).toBe(1);
    expect(await count('loyalty_ledger WHERE customer_id = $1', [customerId])).toBe(1);
    expect(await count('ops WHERE op_id = $1', [op.opId])).toBe(1);
  });

  it('records a refused op as rejected, with no effects, and replays the refusal', async () => {
    const customerId = await newCustomer();
    const op = placeOrder(customerId, 500);

    const outcome = await t.store.applyOp(op);
    const replay = await t.store.applyOp(op);

    expect(outcome).toMatchObject({
      state: 'rejected',
      replayed: false,
      error: { code: 'INSUFFICIENT_POINTS' },
    });
    expect(outcome.result).toBeUndefined();
    expect(replay).toEqual({ ...outcome, replayed: true });
    expect(await count('orders WHERE customer_id = $1', [customerId])).toBe(0);
    const { rows } = await t.sql.query('SELECT state, error FROM ops WHERE op_id = $1', [op.opId]);
    expect(rows[0]).toEqual({ state: 'rejected', error: outcome.error });
  });

  it('does not record an op for a customer that does not exist, so a later retry can apply', async () => {
    const op = placeOrder('0190a0e2-0000-7000-8000-000000000001');

    await expect(t.store.applyOp(op)).rejects.toMatchObject({ code: 'CUSTOMER_NOT_FOUND', status: 404 });

    expect(await count('ops WHERE op_id = $1', [op.opId])).toBe(0);
  });

  it('refuses a malformed op before writing anything', async () => {
    const op = { ...registerTelegram('1002'), opId: 'not-a-uuid' };

    await expect(t.store.applyOp(op)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('reports an unreachable database as STORE_UNAVAILABLE (503)', async () => {
    const down = PgStore.connect({
      url: 'postgres://postgres@127.0.0.1:1/nowhere',
      poolSize: 1,
      connectTimeoutMs: 500,
      statementTimeoutMs: 500,
    });
    try {
      await expect(down.applyOp(registerTelegram('1003'))).rejects.toMatchObject({
        code: 'STORE_UNAVAILABLE',
        status: 503,
      });
      await expect(down.ping()).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
      await expect(down.query('query.customer.by-id', { customerId: customerIdOf() })).rejects.toMatchObject({
        code: 'STORE_UNAVAILABLE',
      });
    } finally {
      await down.close();
    }
  });
});

function customerIdOf(): string {
  return '0190a0e2-0000-7000-8000-000000000002';
}
