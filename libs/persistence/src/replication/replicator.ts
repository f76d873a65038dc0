import { StoreName } from '@karmabot/contracts';
import { CatchUp, DirectionLag, ReplicationLag } from '../failover/catch-up';
import { ApplyReport } from './apply-report';
import { reconcileDirection } from './reconcile-direction';
import { ReconcileReport } from './reconcile-report';
import { ReplicationEndpoint } from './replication-endpoint';
import { ReplicationLog } from './replication-log';
import { ReplicationStream, StreamHealth } from './replication-stream';

export interface ReplicatorOptions {
  batchSize: number;
  idlePollMs: number;
  retryMs: number;
  /** Reconciliation looks this far before its last run again (late commits, clock steps). */
  reconcileSafetyWindowMs: number;
  log: ReplicationLog;
  onBatch?: (stream: ReplicationStream, report: ApplyReport) => void;
}

export interface ReplicatorHealth {
  toBackup: StreamHealth;
  toPrimary: StreamHealth;
}

const RECONCILE_PAGE = 5_000;

/**
 * Both directions of replication between the primary and the backup, and what the rest of the
 * persistence app asks of them:
 * - `start()`/`stop()`: the two continuous streams (each copies only the ops its source
 *   decided, so an op copied in is never copied back);
 * - `catchUp(from, to)` and `lag()`: for the mode machine switching back to a store (CATCH_UP);
 * - `waitUntilCopied(opId)`: for WRITE_CONCERN=both;
 * - `reconcile()`: compares the op logs both ways since a watermark and copies what each lacks.
 */
export class Replicator implements CatchUp {
  readonly toBackup: ReplicationStream;
  readonly toPrimary: ReplicationStream;

  constructor(
    private readonly stores: { primary: ReplicationEndpoint; backup: ReplicationEndpoint },
    private readonly options: ReplicatorOptions,
  ) {
    const streamOptions = {
      batchSize: options.batchSize,
      idlePollMs: options.idlePollMs,
      retryMs: options.retryMs,
      log: options.log,
      onBatch: options.onBatch,
    };
    this.toBackup = new ReplicationStream(stores.primary, stores.backup, streamOptions);
    this.toPrimary = new ReplicationStream(stores.backup, stores.primary, streamOptions);
  }

  start(): void {
    this.toBackup.start();
    this.toPrimary.start();
  }

  async stop(): Promise<void> {
    await Promise.all([this.toBackup.stop(), this.toPrimary.stop()]);
  }

  /** Copies to `to` every op `from` had decided at the time of the call. Throws when a store fails. */
  catchUp(from: StoreName, to: StoreName): Promise<{ copied: number }> {
    if (from === to) throw new Error(`Cannot catch ${to} up from itself`);
    return this.stream(from).catchUp();
  }

  /** Lag each way, measured now; a direction is null while its source cannot be read. */
  async lag(): Promise<ReplicationLag> {
    const measure = (stream: ReplicationStream): Promise<DirectionLag | null> =>
      stream.measureLag().catch(() => null);
    const [toBackup, toPrimary] = await Promise.all([measure(this.toBackup), measure(this.toPrimary)]);
    return { toBackup, toPrimary };
  }

  /** Each direction as last seen by its loop (no database call): for metrics and the status page. */
  health(): ReplicatorHealth {
    return { toBackup: this.toBackup.health(), toPrimary: this.toPrimary.health() };
  }

  /**
   * Resolves true once both stores hold `opId` (found on the store that decided it, then copied),
   * false when that cannot happen within `timeoutMs` (the other store is down, the op is unknown).
   */
  async waitUntilCopied(opId: string, timeoutMs: number): Promise<boolean> {
    // Each stream needs both stores: one that is failing means the other store cannot take the
    // copy now. Answer at once rather than wait for a dead store's connect timeout.
    if (this.toBackup.isFailing || this.toPrimary.isFailing) return false;
    for (const name of ['primary', 'backup'] as const) {
      const location = await this.stores[name].opLocation(opId).catch(() => null);
      if (!location) continue;
      // Copied in from the store that decided it: both hold it already.
      if (location.origin !== name) return true;
      return this.stream(name).waitFor(location, timeoutMs);
    }
    return false;
  }

  /**
   * One reconciliation run both ways. With `report` it also collects (and marks reported) the
   * conflicts recorded on either store since the last report: what `store.sync` answers.
   */
  async reconcile({ report = false } = {}): Promise<ReconcileReport> {
    const started = performance.now();
    const options = {
      pageSize: RECONCILE_PAGE,
      safetyWindowMs: this.options.reconcileSafetyWindowMs,
      log: this.options.log,
    };
    const { primary, backup } = this.stores;
    const toBackup = await reconcileDirection(primary, backup, options);
    const toPrimary = await reconcileDirection(backup, primary, options);
    const result: ReconcileReport = {
      copied: { toBackup, toPrimary },
      conflicts: [],
      negativeBalances: [],
      tookMs: 0,
    };
    if (report) {
      for (const store of [primary, backup]) {
        result.conflicts.push(...(await store.takeConflicts()).map((c) => ({ ...c, store: store.name })));
        result.negativeBalances.push(
          ...(await store.negativeBalances()).map((b) => ({ ...b, store: store.name })),
        );
      }
    }
    result.tookMs = Math.round(performance.now() - started);
    this.options.log.log({
      msg: 'replication.reconciled',
      to_backup: toBackup,
      to_primary: toPrimary,
      conflicts: result.conflicts.length,
      negative_balances: result.negativeBalances.length,
      ms: result.tookMs,
    });
    for (const balance of result.negativeBalances) {
      this.options.log.error({ msg: 'replication.negative_balance', alert: true, ...balance });
    }
    return result;
  }

  private stream(from: StoreName): ReplicationStream {
    return from === 'primary' ? this.toBackup : this.toPrimary;
  }
}
