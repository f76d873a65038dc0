import { randomUUID } from 'node:crypto';
import { createApiKey, api } from './support/http';
import { startSuite, Suite } from './support/suite';
import { ORDER_POINTS, ORDER_TOTAL_MINOR, orderBody } from './fixtures/order-body';
import { uniqueTelegramId } from './fixtures/unique';

describe('Orders', () => {
  let suite: Suite;
  let telegramKey: string;
  let merchantKey: string;
  let http: ReturnType<typeof api>;

  beforeAll(async () => {
    suite = await startSuite();
    http = api(suite);
    telegramKey = (await createApiKey(suite, ['telegram'])).key;
    merchantKey = (await createApiKey(suite, ['merchant'])).key;
  }, 90_000);
  afterAll(() => suite?.stop());

  async function telegramCustomer(): Promise<string> {
    const telegramId = uniqueTelegramId();
    const res = await http.post('/v1/telegram/users', { telegram_id: telegramId }, { apiKey: telegramKey });
    expect(res.status).toBe(201);
    return telegramId;
  }

  async function placeOrder(telegramId: string, extra: Record<string, unknown> = {}) {
    return http.post(`/v1/telegram/users/${telegramId}/orders`, orderBody(extra), { apiKey: telegramKey });
  }

  const setStatus = (orderId: string, status: string, auth: { apiKey?: string; admin?: boolean }) =>
    http.post(`/v1/orders/${orderId}/status`, { status }, auth);
  const loyalty = async (telegramId: string) =>
    (await http.get(`/v1/telegram/users/${telegramId}/loyalty`, { apiKey: telegramKey })).body;

  it('returns a placed order by id, with the total the server computed', async () => {
    const order = (await placeOrder(await telegramCustomer())).body;

    const res = await http.get(`/v1/orders/${order.id}`, { apiKey: telegramKey });

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: order.id, status: 'pending', total_minor: ORDER_TOTAL_MINOR });
  });

  it('answers 404 ORDER_NOT_FOUND for an unknown order and 400 for a malformed id', async () => {
    const missing = await http.get(`/v1/orders/${randomUUID()}`, { apiKey: telegramKey });
    const malformed = await http.get('/v1/orders/12345', { apiKey: telegramKey });

    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('ORDER_NOT_FOUND');
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors).toEqual([expect.objectContaining({ field: 'id' })]);
  });

  it('refuses to let a platform key mark an order paid (403)', async () => {
    const telegramId = await telegramCustomer();
    const order = (await placeOrder(telegramId)).body;

    const res = await setStatus(order.id, 'paid', { apiKey: telegramKey });

    expect(res.status).toBe(403);
    expect(res.body.code).toBe('FORBIDDEN');
    expect((await http.get(`/v1/orders/${order.id}`, { apiKey: telegramKey })).body.status).toBe('pending');
  });

  it('moves pending → paid (admin) → fulfilled (merchant), making pending points available on payment', async () => {
    const telegramId = await telegramCustomer();
    const order = (await placeOrder(telegramId)).body;
    expect(await loyalty(telegramId)).toMatchObject({ balance: 0, pending: ORDER_POINTS });

    const paid = await setStatus(order.id, 'paid', { admin: true });
    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({ id: order.id, status: 'paid', op_id: paid.headers['x-op-id'] });
    expect(await loyalty(telegramId)).toMatchObject({ balance: ORDER_POINTS, pending: 0 });

    const fulfilled = await setStatus(order.id, 'fulfilled', { apiKey: merchantKey });
    expect(fulfilled.status).toBe(200);
    expect(fulfilled.body.status).toBe('fulfilled');
  });

  it('refuses a transition the state machine does not allow (409)', async () => {
    const order = (await placeOrder(await telegramCustomer())).body;
    await setStatus(order.id, 'paid', { admin: true });
    await setStatus(order.id, 'fulfilled', { admin: true });

    const res = await setStatus(order.id, 'cancelled', { apiKey: telegramKey });

    expect(res.status).toBe(409);
    expect(res.body.code).toBe('ORDER_TRANSITION_INVALID');
  });

  it('refuses pending and unknown statuses as invalid input', async () => {
    const order = (await placeOrder(await telegramCustomer())).body;

    const pending = await setStatus(order.id, 'pending', { admin: true });
    const unknown = await setStatus(order.id, 'shipped', { admin: true });

    expect(pending.status).toBe(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'status' })]);
  });

  it('lets a platform key cancel a pending order, reversing its pending points', async () => {
    const telegramId = await telegramCustomer();
    const order = (await placeOrder(telegramId)).body;

    const res = await setStatus(order.id, 'cancelled', { apiKey: telegramKey });

    expect(res.status).toBe(200);
    expect(res.body.status).toBe('cancelled');
    expect(await loyalty(telegramId)).toMatchObject({ balance: 0, pending: 0 });
  });

  it('on refund reverses the points earned and restores the points redeemed', async () => {
    const telegramId = await telegramCustomer();
    const first = (await placeOrder(telegramId)).body;
    await setStatus(first.id, 'paid', { admin: true });
    expect(await loyalty(telegramId)).toMatchObject({ balance: ORDER_POINTS });

    const second = await placeOrder(telegramId, { redeem_points: 10 });
    expect(second.status).toBe(201);
    expect(second.body.points_redeemed).toBe(10);
    expect(await loyalty(telegramId)).toMatchObject({ balance: ORDER_POINTS - 10 });
    await setStatus(second.body.id, 'paid', { apiKey: merchantKey });

    const refunded = await setStatus(second.body.id, 'refunded', { apiKey: merchantKey });

    expect(refunded.status).toBe(200);
    expect(await loyalty(telegramId)).toMatchObject({ balance: ORDER_POINTS, pending: 0 });
  });

  it('on cancel restores the points redeemed by the order', async () => {
    const telegramId = await telegramCustomer();
    const first = (await placeOrder(telegramId)).body;
    await setStatus(first.id, 'paid', { admin: true });
    const second = (await placeOrder(telegramId, { redeem_points: 5 })).body;

    await setStatus(second.id, 'cancelled', { apiKey: telegramKey });

    expect(await loyalty(telegramId)).toMatchObject({ balance: ORDER_POINTS, pending: 0 });
  });

  it('refuses to redeem more points than are available (422 INSUFFICIENT_POINTS)', async () => {
    const telegramId = await telegramCustomer();
    await placeOrder(telegramId); // its points are still pending, so not spendable

    const res = await placeOrder(telegramId, { redeem_points: 5 });

    expect(res.status).toBe(422);
    expect(res.body.code).toBe('INSUFFICIENT_POINTS');
  });
});
