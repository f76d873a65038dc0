import { Client } from 'pg';
import { StoreProbe } from './store-probe';

/**
 * A probe on a connection of its own, opened for each check: it does not queue behind a full
 * pool or a slow statement (neither means the store is down), and it sees what a new
 * connection would see: refused, reset, or a peer that never answers (caught by `timeoutMs`,
 * which bounds the whole check, connect included). A server in recovery (a read-only standby)
 * fails the probe, since it could not take a write.
 */
export function pgProbe(url: string, timeoutMs: number): StoreProbe {
  return async () => {
    const started = performance.now();
    const client = new Client({
      connectionString: url,
      connectionTimeoutMillis: timeoutMs,
      query_timeout: timeoutMs,
      statement_timeout: timeoutMs,
      application_name: 'karmabot-probe',
    });
    client.on('error', () => undefined);
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`probe timed out after ${timeoutMs} ms`)), timeoutMs);
    });
    deadline.catch(() => undefined);
    try {
      await Promise.race([client.connect(), deadline]);
      const { rows } = await Promise.race([
        client.query<{ recovering: boolean }>('SELECT pg_is_in_recovery() AS recovering'),
        deadline,
      ]);
      if (rows[0]?.recovering) throw new Error('server is in recovery (read-only)');
      void client.end().catch(() => undefined);
      return Math.round((performance.now() - started) * 10) / 10;
    } catch (error) {
      // end() waits for the server's goodbye, which a dead peer never sends: cut the socket.
      destroySocket(client);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  };
}

function destroySocket(client: Client): void {
  const stream = (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream;
  stream?.destroy();
}
