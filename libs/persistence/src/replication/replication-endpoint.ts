import { DirectionLag } from '../failover/catch-up';
import { StoreName } from '@karmabot/contracts';
import { ApplyReport } from './apply-report';
import { ConflictView } from './conflict-view';
import { ReplicationPosition } from './replication-position';
import { SerializedOps } from './serialized-ops';

/** The replicator's view of a target's `replication_state` row for one source. */
export interface StoredPosition extends ReplicationPosition {
  copiedTotal: number;
  /** The source's clock up to which reconciliation last compared every op. */
  reconciledThrough: string | null;
}

/** Where an op sits in a store's outbox, and which store decided it. */
export interface OpLocation extends ReplicationPosition {
  origin: StoreName;
}

export interface OpDigestEntry {
  id: string;
  /** result hash */
  h: string | null;
  /** origin */
  o: StoreName;
}

export interface OpDigestPage {
  ops: OpDigestEntry[];
  n: number;
  lastSeq: string;
  /** The store's clock when the page was read. */
  now: string;
}

export interface NegativeBalance {
  customerId: string;
  bucket: 'pending' | 'available';
  points: number;
}

/**
 * One store as replication and reconciliation use it. Every method is one SQL function call
 * (installed by the migrations), so the same port is served over `pg` today
 * ({@link PgReplicationEndpoint}) and through supabase-js `rpc()` later. Every method throws
 * STORE_UNAVAILABLE when the store cannot be reached.
 */
export interface ReplicationEndpoint {
  readonly name: StoreName;

  /** Ops this store decided after `after`, oldest first, from finished transactions only. */
  readOutbox(
    after: ReplicationPosition,
    limit: number,
  ): Promise<{ ops: SerializedOps; last: ReplicationPosition | null }>;
  /** The newest op this store decided (null when none). */
  outboxHead(): Promise<ReplicationPosition | null>;
  /** Ops this store decided after `after`: how many, and the age of the oldest. */
  pending(after: ReplicationPosition): Promise<DirectionLag>;
  opLocation(opId: string): Promise<OpLocation | null>;

  /** Where copying from `source` into this store got to. */
  position(source: StoreName): Promise<StoredPosition>;
  /**
   * Applies ops copied from `source`. With `move`, also moves the position from `move.from` to
   * `move.to` in the same transaction, or applies nothing (`stale`) if it is not at `move.from`.
   */
  applyOps(
    source: StoreName,
    ops: SerializedOps,
    move?: { from: ReplicationPosition; to: ReplicationPosition },
  ): Promise<ApplyReport>;

  opDigest(since: Date | null, afterSeq: string, limit: number): Promise<OpDigestPage>;
  /** The ids of `digest` this store lacks or holds with another decision or origin. */
  opsLacking(digest: OpDigestEntry[]): Promise<string[]>;
  /** These ops as stored here, in this store's sequence order. */
  readOps(opIds: string[]): Promise<SerializedOps>;
  /** Ops copied from `source` that could not apply yet (`cannot_apply`, unresolved). */
  deferredOps(source: StoreName): Promise<string[]>;
  markReconciled(source: StoreName, through: Date): Promise<void>;
  /** Conflicts not reported yet; marks them reported. */
  takeConflicts(): Promise<ConflictView[]>;
  negativeBalances(): Promise<NegativeBalance[]>;
}
