import { ModeEventView, StoreMode, StoreName } from '@karmabot/contracts';
import { ReplicationLag } from '@karmabot/persistence/failover/catch-up';
import { ReadCacheStats } from '@karmabot/persistence/cache/read-cache';
import { ReplicationStatusView } from '../replication/replication-status-view';

/** One store as `store.status` reports it. */
export interface StoreView {
  /** Takes traffic (its breaker is closed). */
  up: boolean;
  /** closed, open, or recovering (up again, being caught up). */
  state: 'closed' | 'open' | 'recovering';
  /** Same as state; named for the dashboard's breaker column. */
  breaker: 'closed' | 'open' | 'recovering';
  /** Round trip of the last probe; null when it failed. */
  latencyMs: number | null;
  /** The most recent failure, kept after recovery; null if it never failed since start. */
  lastError: string | null;
  lastErrorAt: string | null;
  lastProbeAt: string | null;
  /** Healthy probes in a row (3 are needed to close). */
  healthyProbes: number;
  /** When the breaker last changed state. */
  since: string;
}

/**
 * The answer to `store.status` (GET /v1/admin/status → `database`, snake-cased by the gateway):
 * the mode, each store, the lease, the queues, replication lag each way, the cache, Redis
 * durability and the last mode changes (newest first).
 */
export interface StoreStatusView {
  mode: StoreMode;
  primary: StoreView;
  backup: StoreView;
  leader: { isLeader: boolean; holder: string | null; self: string; fencingToken: number | null };
  /** A store is being brought back (catch-up, then the write pause). */
  switching: boolean;
  writes: { paused: boolean; inFlight: number; heldMsTotal: number };
  queues: {
    /** Deferred writes not applied yet (parked included); null when Redis did not answer. */
    deferred: number | null;
    parked: number | null;
    /** Deferred writes that could not be applied, kept for an operator. */
    failed: number | null;
    oldestQueuedAgeSeconds: number | null;
    replayTarget: StoreName | null;
    replayedSinceStart: number;
  };
  /** Lag each way as the mode machine last read it from the replicator (CATCH_UP). */
  replicationLag: ReplicationLag | null;
  /** The replication streams themselves (see ReplicationStatusView). */
  replication?: ReplicationStatusView;
  cache: ReadCacheStats;
  redis: { isDurable: boolean; allowsVolatileQueue: boolean; problems: string[] };
  lastModeChanges: ModeEventView[];
}
