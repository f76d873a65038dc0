import { Client } from 'pg';
import { PgStore, Replicator, ReplicatorOptions } from '@karmabot/persistence';
import { createTestDatabasePair, TestDatabasePair } from './databases';

export interface ReplicatedStores {
  dbs: TestDatabasePair;
  primary: PgStore;
  backup: PgStore;
  replicator: Replicator;
  /** Every line the replicator logged (conflict alerts, stalls). */
  lines: Record<string, unknown>[];
  /** Rows of one table of one store (e.g. `conflicts`). */
  rows<T = Record<string, unknown>>(
    store: 'primary' | 'backup',
    sql: string,
    values?: unknown[],
  ): Promise<T[]>;
  close(): Promise<void>;
}

/**
 * A fresh primary and backup database, a PgStore on each and a Replicator between them (not
 * started: a test starts it, or drives it with catchUp/step/reconcile). Polls fast, so tests
 * wait milliseconds rather than the production interval.
 */
export async function createReplicatedStores(
  options: Partial<ReplicatorOptions> = {},
): Promise<ReplicatedStores> {
  const dbs = await createTestDatabasePair();
  const settings = { poolSize: 20, connectTimeoutMs: 2000, statementTimeoutMs: 10_000 };
  const primary = PgStore.connect({ ...settings, url: dbs.primaryUrl }, 'primary');
  const backup = PgStore.connect({ ...settings, url: dbs.backupUrl }, 'backup');
  const lines: Record<string, unknown>[] = [];
  const replicator = new Replicator(
    { primary: primary.replication, backup: backup.replication },
    {
      batchSize: 200,
      idlePollMs: 20,
      retryMs: 200,
      reconcileSafetyWindowMs: 60_000,
      log: {
        log: (line) => lines.push(line),
        warn: (line) => lines.push(line),
        error: (line) => lines.push(line),
      },
      ...options,
    },
  );
  return {
    dbs,
    primary,
    backup,
    replicator,
    lines,
    rows: async <T>(store: 'primary' | 'backup', sql: string, values?: unknown[]) => {
      const client = new Client({ connectionString: store === 'primary' ? dbs.primaryUrl : dbs.backupUrl });
      await client.connect();
      try {
        return (await client.query(sql, values)).rows as T[];
      } finally {
        await client.end();
      }
    },
    close: async () => {
      await replicator.stop();
      await Promise.all([primary.close(), backup.close()]);
      await dbs.drop();
    },
  };
}
