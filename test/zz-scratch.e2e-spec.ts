import { startSuite, Suite } from './support/suite';
import { api, createApiKey } from './support/http';

let suite: Suite;
beforeAll(async () => {
  suite = await startSuite();
}, 90_000);
afterAll(() => suite?.stop());

it('smoke', async () => {
  const http = api(suite);
  const key = (await createApiKey(suite, ['telegram', 'website'])).key;
  const show = (r: any) => console.log(r.status, r.text.slice(0, 1500));
  show(await http.get('/v1/telegram/users/12345', { apiKey: key }));
  for (const app of ['platform-adapters', 'persistence'] as const) {
    console.log(app, suite.logs(app).filter((l) => /error|warn/i.test(l)).join('\n').slice(0, 3000));
  }
});
