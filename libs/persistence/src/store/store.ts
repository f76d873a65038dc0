import { Op, OpOutcome, QueryContracts, QueryPattern } from '@karmabot/contracts';

/**
 * One database as the persistence app sees it: apply a write (an op), serve a read. The
 * PostgreSQL store implements it today; the backup store and the failover repository that
 * chooses between them will implement the same port, so the RPC handlers never change.
 * Every method throws AppError STORE_UNAVAILABLE (503) when the database cannot be reached.
 */
export interface Store {
  /** Applies `op` exactly once; a replay answers the stored outcome with `replayed: true`. */
  applyOp(op: Op): Promise<OpOutcome>;

  query<P extends QueryPattern>(
    pattern: P,
    request: QueryContracts[P]['request'],
  ): Promise<QueryContracts[P]['response']>;

  /** One round trip to the database; resolves with its latency in milliseconds. */
  ping(): Promise<number>;

  /** Deletes ops (idempotency records) whose `at` is before `before`; resolves with how many. */
  pruneOps(before: Date): Promise<number>;

  close(): Promise<void>;
}
