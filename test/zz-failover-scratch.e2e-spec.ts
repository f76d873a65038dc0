import { Client } from 'pg';
import { createApiKey, api } from './support/http';
import { startFailoverSuite, FailoverSuite } from './support/failover-suite';
import { streamOrders } from './support/order-stream';
import { uniqueTelegramId } from './fixtures/unique';
import { storeDifferences } from './support/expect-stores-equal';

jest.setTimeout(180_000);

async function count(url: string, sql: string): Promise<number> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return Number((await c.query(sql)).rows[0].n);
  } finally {
    await c.end();
  }
}

describe('scratch', () => {
  let f: FailoverSuite;
  beforeAll(async () => {
    f = await startFailoverSuite();
  });
  afterAll(async () => {
    await f?.stop();
  });
  it('primary crash', async () => {
    const http = api(f.suite);
    const key = (await createApiKey(f.suite, ['telegram'])).key;
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const id = uniqueTelegramId();
      expect((await http.post('/v1/telegram/users', { telegram_id: id }, { apiKey: key })).status).toBe(201);
      ids.push(id);
    }
    const stream = streamOrders(f.suite, key, ids);
    await new Promise((r) => setTimeout(r, 1500));
    const crashAt = performance.now();
    await f.stores.primary.stop({ mode: 'immediate' });
    await new Promise((r) => setTimeout(r, 3000));
    console.log('status', JSON.stringify((await f.storeStatus()).mode));
    await f.stores.primary.start();
    await f.waitForMode('FULL_OPERATIONAL');
    await new Promise((r) => setTimeout(r, 1000));
    const writes = await stream.stop();
    const bad = writes.filter((w) => w.status < 200 || w.status >= 300);
    const after = writes.filter((w) => w.sentAt >= crashAt || w.answeredAt >= crashAt);
    const firstOk = after.filter((w) => w.status >= 200 && w.status < 300).sort((a, b) => a.answeredAt - b.answeredAt)[0];
    console.log('total', writes.length, 'bad', bad.length, JSON.stringify(bad.slice(0, 5)), 'gap', firstOk.answeredAt - crashAt);
    console.log('statuses', JSON.stringify(writes.reduce((m: any, w) => ((m[w.status] = (m[w.status] ?? 0) + 1), m), {})));
    await f.waitForReplication();
    console.log('ops', await count(f.stores.primaryUrl, 'select count(*) n from ops'), await count(f.stores.backupUrl, 'select count(*) n from ops'));
    console.log(JSON.stringify(await storeDifferences(f.stores.primaryUrl, f.stores.backupUrl)).slice(0, 2000));
    console.log(f.suite.logs('persistence').filter((l) => /mode\.|store\.|failover|warn|error/.test(l)).slice(0, 60).join('\n'));
  });
});
