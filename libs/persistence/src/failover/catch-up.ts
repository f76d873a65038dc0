import { StoreName } from '@karmabot/contracts';

/** Replication lag in one direction, as the replicator measures it. */
export interface DirectionLag {
  ops: number;
  seconds: number;
}

/** Replication lag each way; a direction is null while it cannot be measured (a store is down). */
export interface ReplicationLag {
  toBackup: DirectionLag | null;
  toPrimary: DirectionLag | null;
}

/**
 * What the mode machine needs of the replicator (issue 4, REPLICATION): copy to `to` every op
 * `from` holds and `to` lacks, up to the moment of the call, and say how far behind each side is.
 * Provided under CATCH_UP by the replication module; the machine looks it up at run time, so
 * failover works (without catch-up) before replication is wired.
 */
export interface CatchUp {
  catchUp(from: StoreName, to: StoreName): Promise<unknown>;
  lag(): Promise<ReplicationLag>;
}

export const CATCH_UP = Symbol('CATCH_UP');
