import { DelayedError, Job, UnrecoverableError, Worker } from 'bullmq';
import type Redis from 'ioredis';
import { OpOutcome, StoreName } from '@karmabot/contracts';
import { DeferredBacklog } from '../failover/deferred-backlog';
import { FailoverLog, SILENT_LOG } from '../failover/failover-log';
import { DeferredJob } from './deferred-job';
import { DEFERRED_QUEUE_NAME, DeferredQueue } from './deferred-queue';
import { ReplayBatcher } from './replay-batcher';

export interface RecoveryWorkerOptions {
  /** Jobs taken at once; they form the replay batches. */
  concurrency?: number;
  /** A job whose process died is taken again after this long (BullMQ lock). */
  lockDurationMs?: number;
  log?: FailoverLog;
}

/**
 * The recovery worker (DESIGN, "Writes: operations"): a BullMQ worker in the persistence app
 * that replays the deferred-write queue into whichever store the mode machine names, through
 * the ReplayBatcher. It runs only while there is a target. A job is completed only once its op
 * is decided (applied, or rejected and recorded as such); waiting is a delay that spends no
 * attempt; a job whose process was killed mid-replay is taken again after its lock expires,
 * and applying it again is a no-op (the `ops` primary key), so a crash loses and doubles nothing.
 */
export class RecoveryWorker implements DeferredBacklog {
  readonly worker: Worker<DeferredJob, OpOutcome>;
  private target: StoreName | null = null;
  private running = false;
  private readonly log: FailoverLog;

  constructor(
    private readonly queue: DeferredQueue,
    private readonly batcher: ReplayBatcher,
    connection: Redis,
    prefix: string,
    options: RecoveryWorkerOptions = {},
  ) {
    this.log = options.log ?? SILENT_LOG;
    const lockDuration = options.lockDurationMs ?? 10_000;
    this.worker = new Worker<DeferredJob, OpOutcome>(
      DEFERRED_QUEUE_NAME,
      (job, token) => this.process(job, token),
      {
        connection,
        prefix: `${prefix}bull`,
        autorun: false,
        concurrency: options.concurrency ?? 500,
        lockDuration,
        stalledInterval: Math.max(1000, Math.floor(lockDuration / 2)),
        // A job is never failed for having been interrupted: it is simply taken again.
        maxStalledCount: Number.MAX_SAFE_INTEGER,
      },
    );
    this.worker.on('error', (error) => this.log.warn('deferred.worker_error', { error: error.message }));
    this.worker.on('failed', (job, error) => {
      if (!job || !isFinal(job)) return;
      this.log.error('deferred.op_failed', { op_id: job.id, type: job.data.op.type, error: error.message });
      void this.queue.settle([job.data]).catch(() => undefined);
    });
  }

  /** The store replays go to now. */
  get replayTarget(): StoreName | null {
    return this.target;
  }

  setReplayTarget(store: StoreName | null): void {
    if (store === this.target) return;
    this.target = store;
    this.log.info('deferred.replay_target', { store });
    if (store) {
      void this.queue.wakeParked().catch(() => undefined);
      if (!this.running) {
        this.running = true;
        void this.worker
          .run()
          .catch((error: Error) => this.log.error('deferred.worker_stopped', { error: error.message }));
      } else if (this.worker.isPaused()) {
        this.worker.resume();
      }
    } else if (this.running && !this.worker.isPaused()) {
      void this.worker.pause(true);
    }
  }

  pendingCount(): Promise<number> {
    return this.queue.pendingCount();
  }

  async close(): Promise<void> {
    await this.worker.close();
  }

  private async process(job: Job<DeferredJob, OpOutcome>, token?: string): Promise<OpOutcome> {
    const verdict = await this.batcher.submit(job.data);
    switch (verdict.kind) {
      case 'decided':
        return verdict.outcome;
      case 'wait':
        await job.moveToDelayed(Date.now() + verdict.delayMs, token);
        throw new DelayedError();
      case 'fail':
        throw new UnrecoverableError(JSON.stringify(verdict.error));
      case 'error':
        throw verdict.error;
    }
  }
}

function isFinal(job: Job): boolean {
  return job.finishedOn !== undefined || job.attemptsMade >= (job.opts.attempts ?? 1);
}
