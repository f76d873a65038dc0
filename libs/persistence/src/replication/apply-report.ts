import { ConflictView } from './conflict-view';
import { ReplicationPosition } from './replication-position';

/** What `karma_apply_ops` did with one batch on the target store. */
export interface ApplyReport {
  /** The batch was read from a position another replicator has since moved: nothing applied. */
  stale: boolean;
  /** Ops the target lacked and now holds, effects included. */
  copied: number;
  /** Ops the target already held with the same decision. */
  present: number;
  /** Ops decided on both stores differently, rewritten to the winning decision. */
  converged: number;
  /** Ops that could not apply (recorded as `cannot_apply`, retried by reconciliation). */
  deferred: number;
  /** Conflicts this batch recorded for the first time. */
  conflicts: ConflictView[];
  /** The target's replication position after the batch, when the batch moved it. */
  position: ReplicationPosition | null;
}
