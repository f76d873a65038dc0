import { randomBytes } from 'node:crypto';
import { createApiKey, api } from './support/http';
import { startSuite, Suite } from './support/suite';
import { queryDatabase } from './fixtures/query-database';
import { uniqueEmail } from './fixtures/unique';

/** Every row of every table of a database, as text. */
async function dumpDatabase(databaseUrl: string): Promise<string> {
  const tables = await queryDatabase<{ name: string }>(
    databaseUrl,
    `SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) AS name
     FROM information_schema.tables
     WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
  );
  const dumps = await Promise.all(
    tables.map(async ({ name }) => {
      const rows = await queryDatabase<{ row: string }>(databaseUrl, `SELECT t::text AS row FROM ${name} t`);
      return `${name}\n${rows.map((r) => r.row).join('\n')}`;
    }),
  );
  return dumps.join('\n');
}

describe('Secrets', () => {
  let suite: Suite;

  beforeAll(async () => {
    suite = await startSuite();
  }, 90_000);
  afterAll(() => suite?.stop());

  it('stores neither a password nor an API-key secret, and logs neither', async () => {
    const http = api(suite);
    const created = await createApiKey(suite, ['website']);
    const secret = created.key.slice(created.key.lastIndexOf('_') + 1);
    const password = `pw-${randomBytes(12).toString('hex')}`;
    const email = uniqueEmail();

    const registered = await http.post('/v1/website/users', { email, password }, { apiKey: created.key });
    // The failing paths too: a taken email, and a body refused by validation.
    const taken = await http.post('/v1/website/users', { email, password }, { apiKey: created.key });
    const invalid = await http.post(
      '/v1/website/users',
      { email, password, admin: true },
      { apiKey: created.key },
    );

    expect([registered.status, taken.status, invalid.status]).toEqual([201, 409, 400]);
    for (const res of [registered, taken, invalid]) expect(res.text).not.toContain(password);

    const [primary, backup] = await Promise.all([
      dumpDatabase(suite.databaseUrl),
      dumpDatabase(suite.backupDatabaseUrl),
    ]);
    expect(primary).toContain(email); // the dump does see the rows of this test
    for (const dump of [primary, backup]) {
      expect(dump).not.toContain(password);
      expect(dump).not.toContain(secret);
      expect(dump).not.toContain(created.key);
    }
    const [stored] = await queryDatabase<{ password_hash: string }>(
      suite.databaseUrl,
      `SELECT password_hash FROM customers WHERE email = $1`,
      [email],
    );
    expect(stored.password_hash).toMatch(/^\$2[aby]\$10\$/);

    const logs = suite.logs().join('\n');
    expect(logs.length).toBeGreaterThan(0);
    expect(logs).not.toContain(password);
    expect(logs).not.toContain(secret);
  });
});
