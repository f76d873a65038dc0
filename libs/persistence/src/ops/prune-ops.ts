import { Sql } from '../db/sql';

/** Rows per DELETE: small enough that a prune never holds many locks or a long transaction. */
const BATCH = 5_000;

/**
 * Deletes ops whose `at` is older than `before`, in batches. Safe for the data: an op's
 * effects live in their own tables and do not depend on its ops row. What goes is the ability
 * to replay: after retention a reused Idempotency-Key applies as a new op, and replication or
 * reconciliation can only copy ops still inside the window (so the window must exceed the
 * longest store outage we expect to recover from).
 */
export async function pruneOps(sql: Sql, before: Date): Promise<number> {
  let total = 0;
  for (;;) {
    const { rowCount } = await sql.query(
      `DELETE FROM ops WHERE op_id IN (SELECT op_id FROM ops WHERE at < $1 LIMIT ${BATCH})`,
      [before.toISOString()],
    );
    total += rowCount ?? 0;
    if ((rowCount ?? 0) < BATCH) return total;
  }
}
