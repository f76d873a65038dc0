import { databaseNameOf } from '@karmabot/persistence';
import { round } from './latency-summary';
import { withPgClient } from './with-pg-client';

/** Counters of one database from pg_stat_database, or their change per order. */
export interface DatabaseActivity {
  commits: number;
  rollbacks: number;
  rowsInserted: number;
  rowsUpdated: number;
  rowsFetched: number;
}

/**
 * The database's counters now. Backends publish them at most once a second (and when they go
 * idle or exit), so a reading is taken a little after the load stops.
 */
export async function databaseActivity(url: string): Promise<DatabaseActivity> {
  return withPgClient(url, async (client) => {
    const { rows } = await client.query(
      `SELECT xact_commit, xact_rollback, tup_inserted, tup_updated, tup_fetched
         FROM pg_stat_database WHERE datname = $1`,
      [databaseNameOf(url)],
    );
    const row = rows[0];
    return {
      commits: Number(row.xact_commit),
      rollbacks: Number(row.xact_rollback),
      rowsInserted: Number(row.tup_inserted),
      rowsUpdated: Number(row.tup_updated),
      rowsFetched: Number(row.tup_fetched),
    };
  });
}

/** What one order cost the database: (after − before) ÷ orders. */
export function activityPerOrder(
  before: DatabaseActivity,
  after: DatabaseActivity,
  orders: number,
): DatabaseActivity {
  const per = (key: keyof DatabaseActivity) => (orders ? round((after[key] - before[key]) / orders, 2) : 0);
  return {
    commits: per('commits'),
    rollbacks: per('rollbacks'),
    rowsInserted: per('rowsInserted'),
    rowsUpdated: per('rowsUpdated'),
    rowsFetched: per('rowsFetched'),
  };
}

/** Long enough for every backend to publish its counters (PGSTAT_MIN_INTERVAL is 1 s). */
export const STATS_SETTLE_MS = 1200;
