import { createApiKey, api } from './support/http';
import { startSuite, Suite } from './support/suite';
import { ORDER_TOTAL_MINOR, orderBody } from './fixtures/order-body';
import { uniqueEmail } from './fixtures/unique';

describe('Website users', () => {
  let suite: Suite;
  let websiteKey: string;
  let telegramKey: string;
  let http: ReturnType<typeof api>;

  beforeAll(async () => {
    suite = await startSuite();
    http = api(suite);
    websiteKey = (await createApiKey(suite, ['website'])).key;
    telegramKey = (await createApiKey(suite, ['telegram'])).key;
  }, 90_000);
  afterAll(() => suite?.stop());

  const register = (email: string, extra: Record<string, unknown> = {}) =>
    http.post(
      '/v1/website/users',
      { email, password: 'correct horse battery', ...extra },
      { apiKey: websiteKey },
    );
  const profilePath = (email: string) => `/v1/website/users/${encodeURIComponent(email)}/profile`;

  it('registers a website user (201) and never returns the password', async () => {
    const email = uniqueEmail('ann');
    const res = await register(email, { display_name: '  Ann  ' });

    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      email,
      display_name: 'Ann',
      version: 1,
      identities: [expect.objectContaining({ platform: 'website', external_id: email })],
      op_id: res.headers['x-op-id'],
    });
    expect(res.text).not.toContain('correct horse battery');
    expect(res.text).not.toMatch(/password/i);
  });

  it('stores the email in one spelling: a differently cased address is the same user (409 EMAIL_TAKEN)', async () => {
    const email = uniqueEmail('bob');
    expect((await register(email)).status).toBe(201);

    const again = await register(email.toUpperCase());

    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'EMAIL_TAKEN', status: 409 });
  });

  it('refuses a password shorter than 8 or longer than 200 characters and an invalid email', async () => {
    const short = await register(uniqueEmail(), { password: 'short' });
    const long = await register(uniqueEmail(), { password: 'x'.repeat(201) });
    const badEmail = await http.post(
      '/v1/website/users',
      { email: 'not-an-email', password: 'long enough' },
      { apiKey: websiteKey },
    );

    expect(short.status).toBe(400);
    expect(short.body.errors).toEqual([expect.objectContaining({ field: 'password' })]);
    expect(long.status).toBe(400);
    expect(badEmail.body.errors).toEqual([expect.objectContaining({ field: 'email' })]);
  });

  it('returns a customer by email with an ETag; 404 for an unknown one', async () => {
    const email = uniqueEmail();
    const created = await register(email);

    const found = await http.get(`/v1/website/users/${encodeURIComponent(email)}`, { apiKey: websiteKey });
    const missing = await http.get(`/v1/website/users/${uniqueEmail()}`, { apiKey: websiteKey });

    expect(found.status).toBe(200);
    expect(found.body.id).toBe(created.body.id);
    expect(found.headers.etag).toBe('"1"');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('CUSTOMER_NOT_FOUND');
  });

  it('updates only the fields sent, when If-Match names the current version, and sends the new ETag', async () => {
    const email = uniqueEmail();
    await register(email, { display_name: 'Cy' });

    const res = await http.put(
      profilePath(email),
      { phone: '+4915112345678', locale: 'de-DE' },
      {
        apiKey: websiteKey,
        ifMatch: '"1"',
      },
    );

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      display_name: 'Cy',
      phone: '+4915112345678',
      locale: 'de-DE',
      version: 2,
    });
    expect(res.headers.etag).toBe('"2"');
    expect(res.headers['x-op-id']).toBe(res.body.op_id);
  });

  it('answers 412 when If-Match names a stale version, and changes nothing', async () => {
    const email = uniqueEmail();
    await register(email);
    await http.put(profilePath(email), { display_name: 'First' }, { apiKey: websiteKey, ifMatch: '"1"' });

    const stale = await http.put(
      profilePath(email),
      { display_name: 'Second' },
      { apiKey: websiteKey, ifMatch: '"1"' },
    );
    const current = await http.get(`/v1/website/users/${encodeURIComponent(email)}`, { apiKey: websiteKey });

    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('PRECONDITION_FAILED');
    expect(current.body.display_name).toBe('First');
  });

  it('accepts a weak If-Match tag and, without If-Match, lets the last writer win', async () => {
    const email = uniqueEmail();
    await register(email);

    const weak = await http.put(
      profilePath(email),
      { display_name: 'Weak' },
      { apiKey: websiteKey, ifMatch: 'W/"1"' },
    );
    const unconditional = await http.put(
      profilePath(email),
      { display_name: 'Last' },
      { apiKey: websiteKey },
    );

    expect(weak.status).toBe(200);
    expect(unconditional.status).toBe(200);
    expect(unconditional.body).toMatchObject({ display_name: 'Last', version: 3 });
  });

  it('clears a field sent as null', async () => {
    const email = uniqueEmail();
    await register(email, { display_name: 'Dee' });

    const res = await http.put(profilePath(email), { display_name: null }, { apiKey: websiteKey });

    expect(res.status).toBe(200);
    expect(res.body.display_name).toBeNull();
  });

  it('refuses an invalid phone or locale, an unknown field and an empty update', async () => {
    const email = uniqueEmail();
    await register(email);

    const phone = await http.put(profilePath(email), { phone: '0151 123' }, { apiKey: websiteKey });
    const locale = await http.put(profilePath(email), { locale: 'not a locale' }, { apiKey: websiteKey });
    const unknown = await http.put(profilePath(email), { email: 'x@example.com' }, { apiKey: websiteKey });
    const empty = await http.put(profilePath(email), {}, { apiKey: websiteKey });

    expect(phone.body.errors).toEqual([expect.objectContaining({ field: 'phone' })]);
    expect(locale.body.errors).toEqual([expect.objectContaining({ field: 'locale' })]);
    expect(unknown.body.errors).toEqual([{ field: 'email', message: 'is not allowed' }]);
    expect([phone.status, locale.status, unknown.status, empty.status]).toEqual([400, 400, 400, 400]);
  });

  it('answers 404 when updating the profile of an unknown email', async () => {
    const res = await http.put(
      profilePath(uniqueEmail()),
      { display_name: 'Nobody' },
      { apiKey: websiteKey },
    );

    expect(res.status).toBe(404);
  });

  it('places a website order with the total computed by the server', async () => {
    const email = uniqueEmail();
    const customer = (await register(email)).body;

    const res = await http.post(`/v1/website/users/${encodeURIComponent(email)}/orders`, orderBody(), {
      apiKey: websiteKey,
    });

    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      customer_id: customer.id,
      platform: 'website',
      total_minor: ORDER_TOTAL_MINOR,
    });
  });

  it('needs an API key with the website scope', async () => {
    const res = await http.get(`/v1/website/users/${uniqueEmail()}`, { apiKey: telegramKey });

    expect(res.status).toBe(403);
  });
});
