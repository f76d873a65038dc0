import { databaseNameOf } from '@karmabot/persistence';
import { withPgClient } from './with-pg-client';

/**
 * Pids of the PostgreSQL backends serving the database at `url` (other than the one asking), so
 * the CPU the server spends for the suite, or for pgbench, is told apart from the server's other
 * work on a shared machine.
 */
export async function backendPids(url: string): Promise<number[]> {
  return withPgClient(url, async (client) => {
    const { rows } = await client.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
      [databaseNameOf(url)],
    );
    return rows.map((row) => row.pid);
  });
}
