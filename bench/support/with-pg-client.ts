import { Client } from 'pg';

/** Runs `work` on one short-lived connection to `url`, closing it however `work` ends. */
export async function withPgClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, application_name: 'karmabot-bench' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
