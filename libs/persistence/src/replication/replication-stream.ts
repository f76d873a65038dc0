import { StoreName } from '@karmabot/contracts';
import { DirectionLag } from '../failover/catch-up';
import { ApplyReport } from './apply-report';
import { ReplicationEndpoint } from './replication-endpoint';
import { ReplicationLog } from './replication-log';
import { comparePositions, ReplicationPosition } from './replication-position';

export interface ReplicationStreamOptions {
  /** Ops per batch (one transaction on the target). */
  batchSize: number;
  /** Pause between polls when the last batch was not full. */
  idlePollMs: number;
  /** Pause before trying again after a store failed. */
  retryMs: number;
  log: ReplicationLog;
  /** Called after every batch that applied something, for metrics. */
  onBatch?: (stream: ReplicationStream, report: ApplyReport) => void;
}

/** One pass of the stream: how many ops it read from the source, and what the target did with them. */
export interface StepResult {
  read: number;
  copied: number;
  /** More may be waiting: read again at once. */
  full: boolean;
}

export interface StreamHealth {
  from: StoreName;
  to: StoreName;
  isRunning: boolean;
  /** Both stores answered the last pass. */
  isFlowing: boolean;
  lastError: string | null;
  position: ReplicationPosition | null;
  copiedSinceStart: number;
  lag: DirectionLag | null;
  lagMeasuredAt: string | null;
}

interface Waiter {
  until: ReplicationPosition;
  resolve: (copied: boolean) => void;
  timer: NodeJS.Timeout;
}

/** While a write waits for its copy (WRITE_CONCERN=both), poll this often instead of idlePollMs. */
const WAITER_POLL_MS = 2;
/** A catch-up held back longer than this by an open transaction gives up (statement timeouts end those sooner). */
const CATCH_UP_TIMEOUT_MS = 60_000;
/** The lag is measured on the source at most this often by the loop (on demand by lag()). */
const LAG_EVERY_MS = 1000;

/**
 * Copies the ops one store decided into the other, continuously, in batches: read the source's
 * outbox after the position the target holds, apply the batch and the new position on the
 * target in one transaction (`karma_apply_ops`). The position lives only in the target
 * database, so a restart, a SIGKILL or a Redis flush loses nothing and copies nothing twice.
 * Passes are serialized in this process; across processes the target's `replication_state`
 * row lock and the stale-position check keep two replicators from applying the same batch.
 */
export class ReplicationStream {
  private position: ReplicationPosition | null = null;
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private chain: Promise<unknown> = Promise.resolve();
  private readonly waiters = new Set<Waiter>();
  private lastError: string | null = null;
  private isFlowing = false;
  private copiedSinceStart = 0;
  private lagCache: DirectionLag | null = null;
  private lagMeasuredAt = 0;

  constructor(
    readonly source: ReplicationEndpoint,
    readonly target: ReplicationEndpoint,
    private readonly options: ReplicationStreamOptions,
  ) {}

  get from(): StoreName {
    return this.source.name;
  }

  get to(): StoreName {
    return this.target.name;
  }

  /** The last pass failed (a store did not answer) and none has succeeded since. */
  get isFailing(): boolean {
    return this.lastError !== null && !this.isFlowing;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    this.loop = null;
    for (const waiter of this.waiters) this.settle(waiter, false);
  }

  /** One pass: copies at most one batch. Throws when either store fails. */
  step(): Promise<StepResult> {
    const pass = this.chain.then(() => this.stepOnce());
    this.chain = pass.catch(() => undefined);
    return pass;
  }

  /**
   * Copies everything the source had decided when called (its outbox head), then resolves.
   * An op still in flight then is copied too if it has a lower (xid, seq) than the head; the
   * caller that wants "everything" pauses writes and lets in-flight ones finish first.
   */
  async catchUp(timeoutMs = CATCH_UP_TIMEOUT_MS): Promise<{ copied: number }> {
    const head = await this.source.outboxHead();
    const deadline = Date.now() + timeoutMs;
    let copied = 0;
    for (;;) {
      const result = await this.step();
      copied += result.copied;
      if (head === null || (this.position && comparePositions(this.position, head) >= 0)) return { copied };
      if (Date.now() > deadline) {
        throw new Error(
          `catch-up ${this.from} → ${this.to} did not reach the outbox head within ${timeoutMs} ms`,
        );
      }
      // Not there yet: a transaction at or before the head is still open (xmin). Try again soon.
      if (!result.full) await sleep(WAITER_POLL_MS);
    }
  }

  /**
   * Resolves true once the target holds every op of the source up to `until`, false when the
   * target is failing or `timeoutMs` passes first. Wakes the loop, so a waiting write costs a
   * couple of milliseconds, not a poll interval.
   */
  waitFor(until: ReplicationPosition, timeoutMs: number): Promise<boolean> {
    if (this.position && comparePositions(this.position, until) >= 0) return Promise.resolve(true);
    if (!this.running || this.isFailing) return Promise.resolve(false);
    return new Promise((resolve) => {
      const waiter: Waiter = {
        until,
        resolve,
        timer: setTimeout(() => this.settle(waiter, false), timeoutMs),
      };
      this.waiters.add(waiter);
      this.wake?.();
    });
  }

  /** Measures the lag now, on the source, from the position the target holds. */
  async measureLag(): Promise<DirectionLag> {
    const position = this.position ?? (await this.target.position(this.from));
    const lag = await this.source.pending(position);
    this.lagCache = { ops: Number(lag.ops), seconds: Math.round(Number(lag.seconds) * 1000) / 1000 };
    this.lagMeasuredAt = Date.now();
    return this.lagCache;
  }

  health(): StreamHealth {
    return {
      from: this.from,
      to: this.to,
      isRunning: this.running,
      isFlowing: this.isFlowing,
      lastError: this.lastError,
      position: this.position,
      copiedSinceStart: this.copiedSinceStart,
      lag: this.lagCache,
      lagMeasuredAt: this.lagMeasuredAt ? new Date(this.lagMeasuredAt).toISOString() : null,
    };
  }

  private async stepOnce(): Promise<StepResult> {
    this.position ??= await this.target.position(this.from);
    const from = this.position;
    const batch = await this.source.readOutbox(from, this.options.batchSize);
    if (batch.ops.count === 0 || !batch.last) {
      this.resolveWaiters();
      return { read: 0, copied: 0, full: false };
    }
    const report = await this.target.applyOps(this.from, batch.ops, { from, to: batch.last });
    if (report.stale) {
      // Another replicator moved the position: continue from where it got to.
      this.position = report.position;
      return { read: batch.ops.count, copied: 0, full: true };
    }
    this.position = batch.last;
    this.copiedSinceStart += report.copied;
    this.options.onBatch?.(this, report);
    for (const conflict of report.conflicts) {
      this.options.log.error({
        msg: 'replication.conflict',
        alert: true,
        from: this.from,
        to: this.to,
        ...conflict,
      });
    }
    this.resolveWaiters();
    return { read: batch.ops.count, copied: report.copied, full: batch.ops.count >= this.options.batchSize };
  }

  private async run(): Promise<void> {
    while (this.running) {
      let pauseMs: number;
      try {
        const result = await this.step();
        this.noteFlowing(true);
        pauseMs = result.full ? 0 : this.waiters.size ? WAITER_POLL_MS : this.options.idlePollMs;
        if (Date.now() - this.lagMeasuredAt >= LAG_EVERY_MS) await this.measureLag();
      } catch (error) {
        if (isTransient(error)) {
          // A deadlock or serialization failure with a live write on the target: the batch
          // rolled back whole (position included); try it again at once.
          this.options.log.warn({
            msg: 'replication.retry',
            from: this.from,
            to: this.to,
            error: String(error),
          });
          continue;
        }
        this.lastError = error instanceof Error ? error.message : String(error);
        this.noteFlowing(false);
        for (const waiter of this.waiters) this.settle(waiter, false);
        // The source may still answer while the target is down: keep the lag growing on the status.
        await this.measureLag().catch(() => undefined);
        pauseMs = this.options.retryMs;
      }
      if (pauseMs > 0 && this.running) await this.pause(pauseMs);
    }
  }

  /** Sleeps `ms`, or less when woken (a write waiting for its copy, stop()). */
  private pause(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    }).finally(() => {
      this.wake = null;
    });
  }

  private noteFlowing(isFlowing: boolean): void {
    if (isFlowing === this.isFlowing) return;
    this.isFlowing = isFlowing;
    if (isFlowing) this.options.log.log({ msg: 'replication.flowing', from: this.from, to: this.to });
    else
      this.options.log.warn({
        msg: 'replication.stalled',
        from: this.from,
        to: this.to,
        error: this.lastError,
      });
  }

  private resolveWaiters(): void {
    if (!this.position) return;
    for (const waiter of this.waiters) {
      if (comparePositions(this.position, waiter.until) >= 0) this.settle(waiter, true);
    }
  }

  private settle(waiter: Waiter, copied: boolean): void {
    clearTimeout(waiter.timer);
    this.waiters.delete(waiter);
    waiter.resolve(copied);
  }
}

/** SQLSTATEs of a transaction that lost a race, not of a store that is down. */
const TRANSIENT_STATES = new Set(['40P01', '40001']);

function isTransient(error: unknown): boolean {
  return TRANSIENT_STATES.has(String((error as { code?: unknown })?.code ?? ''));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
